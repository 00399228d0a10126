from odoo import fields, models


class IntlDelegationProtocolDecision(models.Model):
    """An agreement reached in the meeting protocol (form 403-02)."""

    _name = "intl.delegation.protocol.decision"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_parent_field = "delegation_id"
    _lifecycle_workflow_fields = ("plan_line_id",)
    _check_company_auto = True
    _description = "Protocol Decision"
    _order = "delegation_id, sequence, id"

    delegation_id = fields.Many2one("intl.delegation", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="delegation_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Text("Decision", required=True)
    employee_id = fields.Many2one("hr.employee", "Responsible", check_company=True)
    responsible_guest = fields.Char("Responsible (Partner Side)")
    date_deadline = fields.Date("Deadline")
    form_id = fields.Many2one("intl.cooperation.form", "Form of Cooperation")
    plan_line_id = fields.Many2one("intl.agreement.plan.line", "Plan Line", readonly=True, copy=False,
                                   ondelete="set null")

    def _prepare_plan_line_vals(self, agreement):
        """Values of the agreement plan line this decision becomes."""
        self.ensure_one()
        return {
            "agreement_id": agreement.id,
            "name": self.name.strip().splitlines()[0][:250],
            "form_id": self.form_id.id,
            "employee_id": self.employee_id.id,
            "date_deadline": self.date_deadline,
            "state": "planned",
            "outcome": self.name if "\n" in self.name.strip() else False,
            "delegation_id": self.delegation_id.id,
        }
