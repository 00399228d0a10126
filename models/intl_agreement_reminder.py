from odoo import fields, models


class IntlAgreementReminder(models.Model):
    """An expiry reminder sent for an agreement: each lead time is reminded once per expiry date."""

    _name = "intl.agreement.reminder"
    _description = "Agreement Expiry Reminder"
    _order = "date_sent desc, id desc"

    agreement_id = fields.Many2one("intl.agreement", required=True, ondelete="cascade", index=True)
    lead_days = fields.Integer("Days Before Expiry", required=True)
    date_end = fields.Date("Expiry Date", required=True)
    date_sent = fields.Date("Sent on", required=True, default=fields.Date.context_today)
    user_ids = fields.Many2many(
        "res.users", "intl_agreement_reminder_res_users_rel", "reminder_id", "user_id", string="Sent to",
    )

    _sql_constraints = [
        ("reminder_uniq", "unique(agreement_id, lead_days, date_end)",
         "This reminder was already sent for this expiry date."),
    ]
