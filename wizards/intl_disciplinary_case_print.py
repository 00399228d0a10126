from odoo import api, fields, models
from odoo.exceptions import UserError

from .intl_print_wizard_mixin import PRINT_LANGS

CASE_PAPERS = [
    ("explanation_request", "Request for a written explanation"),
    ("act_absence", "Act of absence"),
    ("act_refusal", "Act of refusal to give an explanation"),
    ("order", "Draft order on the disciplinary sanction"),
]
PAPER_REFS = {
    "explanation_request": "intl_cooperation.action_report_intl_case_explanation_request",
    "act_absence": "intl_cooperation.action_report_intl_case_act_absence",
    "act_refusal": "intl_cooperation.action_report_intl_case_act_refusal",
    "order": "intl_cooperation.action_report_intl_case_order",
}


class IntlDisciplinaryCasePrint(models.TransientModel):
    """Print a paper of a disciplinary case in the employee's language and the company's."""

    _name = "intl.disciplinary.case.print"
    _inherit = ["intl.print.wizard.mixin"]
    _description = "Print Disciplinary Paper"

    case_id = fields.Many2one("intl.disciplinary.case", required=True)
    paper = fields.Selection(CASE_PAPERS, required=True, default="explanation_request")
    second_lang = fields.Selection(PRINT_LANGS, "Second Language",
                                   help="A second copy in this language (the company's).")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        case = self.env["intl.disciplinary.case"].browse(values.get("case_id"))
        if case:
            langs = dict(PRINT_LANGS)
            employee_lang = case._employee_lang()
            company_lang = case.company_id.partner_id.lang
            if employee_lang in langs:
                values["lang"] = employee_lang
            if company_lang in langs and company_lang != values.get("lang"):
                values["second_lang"] = company_lang
        return values

    def _get_report_and_docs(self):
        self.ensure_one()
        case = self.case_id
        if self.paper == "act_refusal" and not case.refusal_act_date:
            raise UserError(self.env._("%(case)s has no act of refusal.", case=case.name))
        if self.paper == "act_absence" and not case.act_date:
            raise UserError(self.env._("%(case)s has no act.", case=case.name))
        if self.paper == "explanation_request" and not case.explanation_requested_on:
            raise UserError(self.env._("No explanation was requested in %(case)s.", case=case.name))
        if self.paper == "order" and case.decision in (False, "none"):
            raise UserError(self.env._("Choose the sanction of %(case)s first.", case=case.name))
        return self.env.ref(PAPER_REFS[self.paper]), case

    def action_print(self):
        action = super().action_print()
        langs = [self.lang] + ([self.second_lang] if self.second_lang and
                               self.second_lang != self.lang else [])
        action["context"] = dict(action["context"], intl_print_langs=langs)
        return action
