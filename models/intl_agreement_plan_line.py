from odoo import fields, models


class IntlAgreementPlanLine(models.Model):
    """An activity of an agreement's cooperation plan / work programme (DP 717 section 5.1.5)."""

    _name = "intl.agreement.plan.line"
    _inherit = ["mail.activity.mixin"]
    _description = "Cooperation Plan Line"
    _order = "agreement_id, date_deadline, id"

    agreement_id = fields.Many2one("intl.agreement", required=True, ondelete="cascade", index=True)
    name = fields.Char("Activity", required=True)
    form_id = fields.Many2one("intl.cooperation.form", "Form of Cooperation")
    employee_id = fields.Many2one("hr.employee", "Responsible")
    date_deadline = fields.Date("Deadline")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("overdue", "Overdue"), ("cancelled", "Cancelled")],
        default="planned", required=True,
    )
    outcome = fields.Text("Outcome")
    trip_ids = fields.One2many("intl.trip", "plan_line_id", "Business Trips")
