from odoo import api, fields, models
from odoo.exceptions import UserError

# document -> report xml id (guarantee letters print the supplier lines, the rest the visit)
DELEGATION_REPORTS = {
    "decision_memo": "intl_cooperation.intl_delegation_report_decision_memo",
    "invitation": "intl_cooperation.intl_delegation_report_invitation",
    "programme": "intl_cooperation.intl_delegation_report_programme",
    "estimate": "intl_cooperation.intl_delegation_report_estimate",
    "guarantee": "intl_cooperation.intl_delegation_guarantee_line_report_letter",
    "memo_vehicle": "intl_cooperation.intl_delegation_report_memo_vehicle",
    "memo_halls": "intl_cooperation.intl_delegation_report_memo_halls",
    "memo_tech": "intl_cooperation.intl_delegation_report_memo_tech",
    "memo_photo": "intl_cooperation.intl_delegation_report_memo_photo",
    "protocol": "intl_cooperation.intl_delegation_report_protocol",
}


class IntlDelegationPrint(models.TransientModel):
    """Print a document of a visit in the language chosen at print time."""

    _name = "intl.delegation.print"
    _inherit = ["intl.print.wizard.mixin"]
    _description = "Print a Delegation Document"

    delegation_id = fields.Many2one("intl.delegation", required=True, ondelete="cascade")
    document = fields.Selection(
        [
            ("decision_memo", "Decision memo to the rector"),
            ("invitation", "Invitation letter"),
            ("programme", "Visit programme"),
            ("estimate", "Cost estimate"),
            ("guarantee", "Guarantee letters"),
            ("memo_vehicle", "Service memo: vehicle"),
            ("memo_halls", "Service memo: halls"),
            ("memo_tech", "Service memo: technical support"),
            ("memo_photo", "Service memo: photo/video"),
            ("protocol", "Protocol (form 403-02)"),
        ],
        required=True, default="decision_memo",
    )
    guarantee_line_id = fields.Many2one(
        "intl.delegation.guarantee.line", string="Supplier",
        domain="[('delegation_id', '=', delegation_id)]",
        help="Supplier the guarantee letter is written to: one letter per supplier.",
    )
    all_guarantee_lines = fields.Boolean(
        "All Suppliers", help="Print the guarantee letters of every supplier of the visit at once (one PDF, a "
                              "letter from a new page).")

    @api.onchange("document")
    def _onchange_document(self):
        if self.document == "guarantee" and not self.guarantee_line_id:
            self.guarantee_line_id = self.delegation_id.guarantee_line_ids[:1]

    def _get_report_and_docs(self):
        """The report action and the records it prints."""
        self.ensure_one()
        report = self.env.ref(DELEGATION_REPORTS[self.document])
        if self.document != "guarantee":
            return report, self.delegation_id
        if not self.delegation_id.guarantee_line_ids:
            raise UserError(self.env._("%(visit)s has no supplier to write a guarantee letter to.",
                                       visit=self.delegation_id.display_name))
        if self.all_guarantee_lines:
            return report, self.delegation_id.guarantee_line_ids
        if not self.guarantee_line_id:
            raise UserError(self.env._("Choose the supplier the guarantee letter is written to."))
        return report, self.guarantee_line_id
