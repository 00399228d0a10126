from odoo import fields, models
from odoo.exceptions import UserError

SCHOLAR_REPORTS = [
    ("invitation", "Invitation letter"),
    ("memo", "Service memo (403-03)"),
    ("schedule", "Lecture schedule (717-03)"),
    ("contract", "Service contract summary"),
    ("act", "Act of services rendered"),
    ("petition", "Visa-support petition"),
]
REPORT_REFS = {
    "invitation": "intl_cooperation.action_report_intl_scholar_invitation",
    "memo": "intl_cooperation.action_report_intl_scholar_memo",
    "schedule": "intl_cooperation.action_report_intl_scholar_schedule",
    "contract": "intl_cooperation.action_report_intl_scholar_contract",
    "act": "intl_cooperation.action_report_intl_scholar_act",
    "petition": "intl_cooperation.action_report_intl_scholar_petition",
}


class IntlScholarPrint(models.TransientModel):
    """Print a form of an invited scholar's visit in the language chosen now (kk, ru or en)."""

    _name = "intl.scholar.print"
    _inherit = ["intl.print.wizard.mixin"]
    _description = "Print Invited Scholar Form"

    visit_id = fields.Many2one("intl.scholar.visit", required=True)
    report = fields.Selection(SCHOLAR_REPORTS, required=True, default="invitation")

    def _get_report_and_docs(self):
        self.ensure_one()
        visit = self.visit_id
        if self.report == "act" and not visit.act_ids.filtered(lambda a: a.state != "cancel"):
            raise UserError(self.env._("%(visit)s has no act of services rendered yet.", visit=visit.name))
        if self.report == "contract" and not visit.contract_amount:
            raise UserError(self.env._("Enter the service contract of %(visit)s first.", visit=visit.name))
        return self.env.ref(REPORT_REFS[self.report]), visit
