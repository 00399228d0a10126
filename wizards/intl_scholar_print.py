from odoo import api, fields, models
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
    _description = "Print Invited Scholar Form"

    visit_id = fields.Many2one("intl.scholar.visit", required=True)
    report = fields.Selection(SCHOLAR_REPORTS, required=True, default="invitation")
    lang = fields.Selection(
        [("kk_KZ", "Kazakh"), ("ru_RU", "Russian"), ("en_US", "English")],
        "Language", required=True, default=lambda self: self._default_lang())

    @api.model
    def _default_lang(self):
        lang = self.env.lang or "en_US"
        return lang if lang in ("kk_KZ", "ru_RU", "en_US") else "en_US"

    def action_print(self):
        self.ensure_one()
        visit = self.visit_id
        if self.report == "act" and not visit.act_ids.filtered(lambda a: a.state != "cancel"):
            raise UserError(self.env._("%(visit)s has no act of services rendered yet.", visit=visit.name))
        if self.report == "contract" and not visit.contract_amount:
            raise UserError(self.env._("Enter the service contract of %(visit)s first.", visit=visit.name))
        report = self.env.ref(REPORT_REFS[self.report])
        return report.with_context(lang=self.lang).report_action(visit)
