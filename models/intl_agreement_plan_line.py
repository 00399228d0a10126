from odoo import api, fields, models


class IntlAgreementPlanLine(models.Model):
    """An activity of an agreement's cooperation plan / work programme (DP 717 section 5.1.5).

    Trips, delegations and visits that carry a line out link to it from
    their own models.
    """

    _name = "intl.agreement.plan.line"
    _inherit = ["mail.activity.mixin"]
    _description = "Cooperation Plan Line"
    _order = "agreement_id, date_deadline, id"

    agreement_id = fields.Many2one("intl.agreement", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    institute_id = fields.Many2one(related="agreement_id.institute_id", store=True)
    partner_id = fields.Many2one(related="agreement_id.partner_id", store=True)
    name = fields.Char("Activity", required=True)
    form_id = fields.Many2one("intl.cooperation.form", "Form of Cooperation")
    employee_id = fields.Many2one("hr.employee", "Responsible")
    date_deadline = fields.Date("Deadline")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("overdue", "Overdue"), ("cancelled", "Cancelled")],
        default="planned", required=True,
    )
    outcome = fields.Text()
    overdue_activity_id = fields.Many2one("mail.activity", readonly=True, copy=False, ondelete="set null")
    delegation_id = fields.Many2one("intl.delegation", "Delegation Visit", index=True, ondelete="set null")
    trip_ids = fields.One2many("intl.trip", "plan_line_id", "Business Trips")

    def write(self, vals):
        if "date_deadline" in vals and "state" not in vals:
            today = fields.Date.context_today(self)
            new = fields.Date.to_date(vals["date_deadline"])
            if new and new >= today and self.filtered(lambda line: line.state == "overdue"):
                self.filtered(lambda line: line.state == "overdue").write({"state": "planned"})
        result = super().write(vals)
        if vals.get("state") in ("done", "cancelled", "planned"):
            self._close_overdue_activities()
        return result

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancelled"})

    def _close_overdue_activities(self):
        activities = self.overdue_activity_id.exists()
        if activities:
            # sudo: the activity belongs to the responsible employee, whoever closes the line
            activities.sudo().action_feedback(feedback=self.env._("Plan line closed"))

    @api.model
    def _mark_overdue(self, today, batch_size):
        """Planned lines past their deadline become overdue and remind their responsible."""
        lines = self.search([
            ("state", "=", "planned"),
            ("date_deadline", "<", today),
            ("agreement_id.state", "in", ("signed", "in_force")),
        ], limit=batch_size)
        lines.write({"state": "overdue"})
        activity_type = self.env.ref("intl_cooperation.mail_activity_type_plan_overdue")
        model_id = self.env["ir.model"]._get_id("intl.agreement")
        vals_list, targets = [], []
        for line in lines:
            user = line.employee_id.user_id or line.agreement_id.curator_id
            if not user:
                continue
            vals_list.append({
                "res_model_id": model_id,
                "res_id": line.agreement_id.id,
                "activity_type_id": activity_type.id,
                "summary": self.env._("Overdue plan activity: %(name)s", name=line.name),
                "date_deadline": today,
                "user_id": user.id,
                "automated": True,
            })
            targets.append(line)
        activities = self.env["mail.activity"].create(vals_list)
        for line, activity in zip(targets, activities, strict=True):
            line.overdue_activity_id = activity
        return len(lines) == batch_size
