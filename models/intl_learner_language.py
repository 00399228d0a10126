from odoo import api, fields, models
from odoo.exceptions import ValidationError

CEFR_LEVELS = [("A1", "A1"), ("A2", "A2"), ("B1", "B1"), ("B2", "B2"), ("C1", "C1"), ("C2", "C2")]
CEFR_ORDER = {code: index for index, (code, _label) in enumerate(CEFR_LEVELS)}


class IntlLearnerLanguage(models.Model):
    """A language of a learner with its test certificate (IELTS, TOEFL, Goethe, ...)."""

    _name = "intl.learner.language"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_parent_field = "learner_id"
    _description = "Learner Language Certificate"
    _order = "learner_id, cefr_level desc, id"

    learner_id = fields.Many2one("intl.learner", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="learner_id.company_id", store=True)
    language_id = fields.Many2one("res.lang", "Language", required=True, context={"active_test": False})
    certificate = fields.Char(help="Name of the test, e.g. IELTS Academic, TOEFL iBT, Goethe-Zertifikat.")
    cefr_level = fields.Selection(CEFR_LEVELS, "CEFR Level", required=True)
    score = fields.Float(digits=(6, 1), help="Overall score of the test (used to rank candidates).")
    date_issued = fields.Date("Issued On")
    date_expiry = fields.Date("Valid Until")

    @api.constrains("score", "date_issued", "date_expiry")
    def _check_values(self):
        for cert in self:
            if cert.score < 0:
                raise ValidationError(self.env._("A language score cannot be negative."))
            if cert.date_issued and cert.date_expiry and cert.date_expiry < cert.date_issued:
                raise ValidationError(self.env._(
                    "The certificate %(certificate)s expires before it was issued.",
                    certificate=cert.certificate or cert.language_id.name,
                ))

    def _compute_display_name(self):
        for cert in self:
            parts = [cert.language_id.name, cert.cefr_level, cert.certificate]
            cert.display_name = " ".join(part for part in parts if part)

    def _meets(self, languages, level, on_date):
        """Certificates of ``self`` in one of ``languages`` at ``level`` or above, valid on ``on_date``."""
        minimum = CEFR_ORDER.get(level or "A1", 0)
        return self.filtered(
            lambda cert: cert.language_id in languages
            and CEFR_ORDER.get(cert.cefr_level, -1) >= minimum
            and (not cert.date_expiry or not on_date or cert.date_expiry >= on_date)
        )

    def _lifecycle_locked_lines(self):
        """Also frozen while an intake's commission evaluates the learner."""
        under = self.learner_id._intl_under_evaluation()
        return super()._lifecycle_locked_lines() | self.filtered(lambda line: line.learner_id in under)
