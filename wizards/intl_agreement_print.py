from odoo import fields, models
from odoo.exceptions import UserError

REPORTS = {
    "memo": "intl_cooperation.intl_agreement_report_memo",
    "proposal": "intl_cooperation.intl_agreement_report_proposal",
    "card": "intl_cooperation.intl_agreement_report_card",
}


class IntlAgreementPrint(models.TransientModel):
    """Prints an agreement form in the language chosen at print time."""

    _name = "intl.agreement.print"
    _inherit = ["intl.print.wizard.mixin"]
    _description = "Print Agreement Forms"

    report = fields.Selection(
        [
            ("memo", "Service memo (403-03)"),
            ("proposal", "Proposal (403-10)"),
            ("card", "Agreement card"),
        ],
        required=True, default="card",
    )

    def _get_agreements(self):
        if self.env.context.get("active_model") != "intl.agreement":
            raise UserError(self.env._("Open the printing from the agreement."))
        agreements = self.env["intl.agreement"].browse(self.env.context.get("active_ids") or []).exists()
        if not agreements:
            raise UserError(self.env._("Select the agreements to print."))
        return agreements

    def _get_report_and_docs(self):
        self.ensure_one()
        return self.env.ref(REPORTS[self.report]), self._get_agreements()
