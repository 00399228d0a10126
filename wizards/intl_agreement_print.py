from odoo import api, fields, models
from odoo.exceptions import UserError

REPORTS = {
    "memo": "intl_cooperation.intl_agreement_report_memo",
    "proposal": "intl_cooperation.intl_agreement_report_proposal",
    "card": "intl_cooperation.intl_agreement_report_card",
}


class IntlAgreementPrint(models.TransientModel):
    """Prints an agreement form in the language chosen at print time."""

    _name = "intl.agreement.print"
    _description = "Print Agreement Forms"

    report = fields.Selection(
        [
            ("memo", "Service memo (403-03)"),
            ("proposal", "Proposal (403-10)"),
            ("card", "Agreement card"),
        ],
        required=True, default="card",
    )
    lang = fields.Selection(
        [("kk_KZ", "Kazakh"), ("ru_RU", "Russian"), ("en_US", "English")],
        "Language", required=True, default=lambda self: self._default_lang(),
    )

    @api.model
    def _default_lang(self):
        lang = self.env.lang or "en_US"
        return lang if lang in ("kk_KZ", "ru_RU", "en_US") else "en_US"

    def _get_agreements(self):
        if self.env.context.get("active_model") != "intl.agreement":
            raise UserError(self.env._("Open the printing from the agreement."))
        agreements = self.env["intl.agreement"].browse(self.env.context.get("active_ids") or []).exists()
        if not agreements:
            raise UserError(self.env._("Select the agreements to print."))
        return agreements

    def action_print(self):
        self.ensure_one()
        agreements = self._get_agreements()
        report = self.env.ref(REPORTS[self.report]).with_context(lang=self.lang)
        action = report.report_action(agreements, config=False)
        action["context"] = dict(action.get("context") or {}, lang=self.lang)
        action["close_on_report_download"] = True
        return action
