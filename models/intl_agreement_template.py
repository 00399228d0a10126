from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# the languages of the model agreements (DP 717 5.1.4: Kazakh or Russian, and English)
TEMPLATE_LANGS = (("kk_KZ", "file_kk"), ("ru_RU", "file_ru"), ("en_US", "file_en"))


class IntlAgreementTemplate(models.Model):
    """A model agreement (DP 717 section 3): the text DIC keeps per kind of agreement, in
    Kazakh, Russian and English, from which the draft of a new agreement of that kind starts.

    DIC maintains them (Configuration → Model Agreements); everyone else reads them.
    """

    _name = "intl.agreement.template"
    _inherit = ["mail.thread"]
    _description = "Model Agreement"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    kind_id = fields.Many2one("intl.agreement.kind", "Kind", required=True, index=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    date_revised = fields.Date("Revised On", tracking=True,
                               help="When DIC last revised the text of the model.")
    note = fields.Text("Revision Note", help="What the last revision changed.")
    file_kk = fields.Binary("Text in Kazakh", attachment=True, copy=False)
    file_kk_name = fields.Char("File Name in Kazakh")
    file_ru = fields.Binary("Text in Russian", attachment=True, copy=False)
    file_ru_name = fields.Char("File Name in Russian")
    file_en = fields.Binary("Text in English", attachment=True, copy=False)
    file_en_name = fields.Char("File Name in English")

    @api.constrains("kind_id", "active")
    def _check_one_per_kind(self):
        for template in self.filtered("active"):
            others = self.search_count([("kind_id", "=", template.kind_id.id), ("active", "=", True),
                                        ("id", "!=", template.id)], limit=1)
            if others:
                raise ValidationError(self.env._(
                    "%(kind)s already has a model agreement: archive it before adding another.",
                    kind=template.kind_id.display_name))

    @api.constrains("file_kk", "file_ru", "file_en", "active")
    def _check_files(self):
        for template in self.filtered("active"):
            missing = [template._fields[field]._description_string(self.env)
                       for _lang, field in TEMPLATE_LANGS if not template[field]]
            if missing:
                raise ValidationError(self.env._(
                    "The model agreement %(model)s needs its text in Kazakh, Russian and English: "
                    "attach %(files)s.", model=template.display_name, files=", ".join(missing)))

    @api.model
    def _for_kind(self, kind):
        """The active model agreement of ``kind`` (empty when DIC has none)."""
        return self.search([("kind_id", "=", kind.id)], limit=1)

    def _file_vals(self, lang):
        """``(name, base64 datas)`` of the model's text in ``lang`` (a ``res.lang`` code)."""
        self.ensure_one()
        field = next((field for code, field in TEMPLATE_LANGS if code.split("_")[0] == lang.split("_")[0]),
                     None)
        if not field or not self[field]:
            raise UserError(self.env._(
                "The model agreement %(model)s has no text in this language.", model=self.display_name))
        return self[f"{field}_name"] or f"{self.name}.{lang}", self[field]
