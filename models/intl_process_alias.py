from odoo import api, models

# the process records whose letters go out by e-mail and whose replies come back through the alias
PROCESS_MODELS = {
    "agreement": "intl.agreement",
    "scholar": "intl.scholar.visit",
    "delegation": "intl.delegation",
    "mobility": "intl.mobility.nomination",
    "mobility_outgoing": "intl.mobility",
}


class IntlProcess(models.Model):
    """A process has the mail alias its letters are answered to (``scholars@``, ``delegations@``...):
    a reply lands in the chatter of the record it answers (by its references, else by the
    reference named in the subject)."""

    _name = "intl.process"
    _inherit = ["intl.process", "mail.alias.mixin.optional"]

    def _alias_get_creation_values(self):
        values = super()._alias_get_creation_values()
        model = PROCESS_MODELS.get(self.code)
        if model:
            values["alias_model_id"] = self.env["ir.model"]._get_id(model)
        values["alias_contact"] = "everyone"
        return values

    @api.model
    def _intl_portal_alias_defaults(self):
        """Name the aliases of the processes whose letters go out by e-mail (once)."""
        names = {"agreement": "agreements", "scholar": "scholars", "delegation": "delegations", "mobility": "mobility",
                 "mobility_outgoing": "mobility.outgoing"}
        for process in self.search([("code", "in", list(names))]):
            if not process.alias_id:
                process.alias_name = names[process.code]
