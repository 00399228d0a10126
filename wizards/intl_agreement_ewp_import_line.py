from odoo import api, fields, models

from .intl_agreement_ewp_import import KINDS

# Labels of the compared values that are not fields of the condition under the same name
FIELD_OF_VALUE = {"eqf_levels": "eqf_level_ids", "areas": "area_ids", "languages": "language_ids"}


class IntlAgreementEwpImportLine(models.TransientModel):
    """One difference between the agreement and the partner's EWP file."""

    _name = "intl.agreement.ewp.import.line"
    _description = "Difference with the Partner's EWP IIA"
    _order = "wizard_id, sequence"

    wizard_id = fields.Many2one("intl.agreement.ewp.import", required=True, ondelete="cascade")
    sequence = fields.Integer()
    kind = fields.Selection(KINDS, required=True)
    condition = fields.Char("Cooperation Condition")
    field_label = fields.Char("Value")
    ours = fields.Char()
    theirs = fields.Char("The Partner's")

    @api.model
    def _prepare_vals(self, wizard, index, diff):
        return {
            "wizard_id": wizard.id,
            "sequence": index,
            "kind": diff["kind"],
            "condition": diff["condition"].display_name if diff["condition"] else (
                diff["theirs"] if diff["kind"] == "create" else False),
            "field_label": self._field_label(diff["field"]),
            "ours": diff["ours"],
            "theirs": diff["theirs"],
        }

    @api.model
    def _field_label(self, name):
        if not name:
            return False
        if name == "iia-hash":
            return self.env["intl.agreement"]._fields["ewp_iia_hash"]._description_string(self.env)
        for model in ("intl.agreement.condition", "intl.agreement"):
            field = self.env[model]._fields.get(FIELD_OF_VALUE.get(name, name))
            if field:
                return field._description_string(self.env)
        return name
