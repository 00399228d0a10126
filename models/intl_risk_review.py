from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from .intl_risk import LEVELS

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation


class IntlRiskReview(models.Model):
    """A review of a risk: date, assessment and decision (kept for the audit)."""

    _name = "intl.risk.review"
    _description = "Risk Review"
    _order = "date desc, id desc"

    risk_id = fields.Many2one("intl.risk", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="risk_id.company_id", store=True)
    # the audit trail: who reviewed and when is the server's record, never the client's
    date = fields.Date(required=True, readonly=True, default=fields.Date.context_today)
    reviewer_id = fields.Many2one("res.users", "Reviewed by", required=True, readonly=True,
                                  default=lambda self: self.env.user)
    likelihood = fields.Selection(LEVELS)
    impact = fields.Selection(LEVELS)
    indicator_value = fields.Float("Indicator at Review", digits=(16, 2))
    decision = fields.Text(required=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not (self.env.su and self.env.context.get("install_mode")):
            today = fields.Date.context_today(self)
            for vals in vals_list:
                vals.update(date=today, reviewer_id=self.env.uid)
        reviews = super().create(vals_list)
        for review in reviews:
            review.risk_id._intl_message_post(
                _lt("Reviewed on %(date)s: %(decision)s", date=review.date, decision=review.decision),
                subtype_xmlid="mail.mt_note")
        return reviews

    def write(self, vals):
        if not self.env.su:
            raise UserError(self.env._("A risk review is kept as recorded: add a new review instead."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("Risk reviews are kept for the audit."))
