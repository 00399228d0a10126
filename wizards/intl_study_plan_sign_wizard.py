from odoo import fields, models


class IntlStudyPlanSignWizard(models.TransientModel):
    """Record the student's or the receiving institution's signature of a mobility's agreement."""

    _name = "intl.study.plan.sign.wizard"
    _description = "Record a Signature"

    plan_id = fields.Many2one("intl.study.plan", "Agreement", required=True, readonly=True)
    party = fields.Selection([("student", "Student"), ("receiving", "Receiving Institution")], "Signing Party",
                             required=True, default="student")
    date_signed = fields.Date("Signed On", required=True, default=fields.Date.context_today)
    signatory = fields.Char(help="Who signed for the receiving institution (name and position).")

    def action_confirm(self):
        self.ensure_one()
        self.plan_id.action_record_signature(self.party, self.date_signed, self.signatory)
        return {"type": "ir.actions.act_window_close"}
