from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext

DIRECTOR = "intl_cooperation.group_intl_director"
# what the management review and the Academic Council record on the approved report (§7.3)
REVIEW_FIELDS = ("review_date", "review_summary", "council_date", "council_reference", "council_summary")


class IntlAnnualReport(models.Model):
    """§7.3: the management review on paper.

    Once the rector approved the report, the DIC Director records the management review
    (DP 502: its date and summary) and the Academic Council (the summary with proposals it
    received, its date and decision number); the decisions are review actions with their owner,
    deadline and status. The whole prints as one paper in the report's language (*Management
    Review (PDF)*) and as the *Management Review* sheet of the XLSX.
    """

    _inherit = "intl.annual.report"

    council_summary = fields.Html(
        "Summary to the Academic Council",
        help="The summary with proposals that goes to the Academic Council, which decides on improvements.")
    review_recorded = fields.Boolean(compute="_compute_review_recorded")

    @api.depends("review_date", "review_summary")
    def _compute_review_recorded(self):
        for report in self:
            report.review_recorded = bool(report.review_date and report._review_text(report.review_summary))

    @api.constrains("review_date", "council_date")
    def _check_council_after_review(self):
        for report in self:
            if report.review_date and report.council_date and report.council_date < report.review_date:
                raise ValidationError(self.env._(
                    "The Academic Council of %(report)s decides on the summary of the management review: "
                    "it cannot sit before the review.", report=report.display_name))

    def write(self, vals):
        if not self._lifecycle_trusted() and set(REVIEW_FIELDS).intersection(vals):
            self.check_access("write")
            self._check_can_record_review()
        return super().write(vals)

    def _check_can_record_review(self):
        """The DIC Director records the review, on a report the rector approved."""
        if not (self.env.su or self.env.user.has_group(DIRECTOR)):
            raise UserError(self.env._("Only the DIC Director records the management review and the "
                                       "Academic Council."))
        unapproved = self.filtered(lambda report: report.state != "approved")
        if unapproved:
            raise UserError(self.env._(
                "%(report)s is not approved by the rector: the management review reviews the approved report.",
                report=unapproved[0].display_name))

    @staticmethod
    def _review_text(html):
        return html2plaintext(html or "").strip()

    def _check_review_printable(self):
        for report in self:
            if not report.review_recorded:
                raise UserError(self.env._(
                    "Record the management review of %(report)s first: its date and summary.",
                    report=report.display_name))

    def action_print_review(self):
        self._check_review_printable()
        return self.env.ref("intl_cooperation.action_report_intl_annual_report_review").report_action(self)

    def _review_actions(self, origin):
        """The decisions of the review or of the council, in their order (for the paper and the XLSX)."""
        self.ensure_one()
        return self.action_ids.filtered(lambda action: action.origin == origin).sorted(
            lambda action: (action.date_deadline, action.id))

    def _review_followup(self):
        """How the decisions are followed up: counts of done, open (late among them) and cancelled."""
        self.ensure_one()
        actions = self.action_ids
        return {
            "total": len(actions),
            "done": len(actions.filtered(lambda action: action.state == "done")),
            "open": len(actions.filtered(lambda action: action.state == "open")),
            "late": len(actions.filtered("is_late")),
            "cancelled": len(actions.filtered(lambda action: action.state == "cancelled")),
        }
