from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..tools.numbers import DAYS, count_text

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

OFFICER = "intl_cooperation.group_intl_officer"


class IntlScholarVisa(models.Model):
    """A visa of an invited scholar, with its extensions, refusals and changes logged.

    DIC records them; it is not responsible for a consulate's refusal or its
    change of the visa's purpose or term (DP 717 §5.5.2), but records them.
    """

    _name = "intl.scholar.visa"
    _inherit = ["mail.thread", "intl.lifecycle.mixin"]
    _description = "Invited Scholar Visa"
    _order = "date_issue desc, id desc"
    _mail_post_access = "read"

    _lifecycle_workflow_fields = ("date_expiry_initial",)
    _lifecycle_parent_field = "visit_id"
    _lifecycle_transitions = {
        "issue": {"from": ("requested",), "to": "issued", "who": (OFFICER,), "guard": "_guard_issue"},
        "refuse": {"from": ("requested",), "to": "refused", "who": (OFFICER,)},
        "cancel": {"from": ("requested", "issued"), "to": "cancel", "who": (OFFICER,)},
    }

    visit_id = fields.Many2one("intl.scholar.visit", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="visit_id.company_id", store=True)
    institute_id = fields.Many2one(related="visit_id.institute_id", store=True)
    scholar_id = fields.Many2one(related="visit_id.scholar_id", store=True)
    category_id = fields.Many2one("intl.visa.category", "Category", required=True, tracking=True)
    issued_by = fields.Selection(
        [("consulate", "Consulate of Kazakhstan"), ("migration", "Migration service")],
        required=True, default="consulate", tracking=True)
    entry = fields.Selection([("single", "Single entry"), ("multiple", "Multiple entry")],
                             required=True, default="single", tracking=True)
    number = fields.Char(tracking=True)
    date_issue = fields.Date("Issued On", tracking=True)
    date_expiry = fields.Date("Valid Until", tracking=True)
    date_expiry_initial = fields.Date("Initially Valid Until", readonly=True)
    state = fields.Selection(
        [("requested", "Requested"), ("issued", "Issued"), ("refused", "Refused"),
         ("cancel", "Cancelled")], default="requested", required=True, readonly=True, tracking=True)
    event_ids = fields.One2many("intl.scholar.visa.event", "visa_id", "History")
    max_stay_days = fields.Integer(related="category_id.max_stay_days")

    @api.constrains("date_issue", "date_expiry", "category_id")
    def _check_dates(self):
        for visa in self:
            if visa.date_issue and visa.date_expiry and visa.date_expiry < visa.date_issue:
                raise ValidationError(self.env._("A visa cannot expire before it is issued."))

    @api.constrains("entry", "category_id")
    def _check_entry(self):
        for visa in self:
            if visa.entry == "multiple" and not visa.category_id.multiple_entry:
                raise ValidationError(self.env._("Category %(category)s gives single-entry visas only.",
                                                 category=visa.category_id.display_name))

    def write(self, vals):
        if {"date_issue", "date_expiry", "number", "category_id", "entry", "visit_id"} & set(vals):
            if any(visa.state != "requested" for visa in self) and not self._lifecycle_trusted():
                raise UserError(self.env._("An issued visa changes only through an extension or a "
                                           "change recorded in its history."))
        return super().write(vals)

    def _compute_display_name(self):
        for visa in self:
            visa.display_name = " ".join(filter(None, [visa.category_id.code, visa.number]))

    def _guard_issue(self):
        if not (self.number and self.date_issue and self.date_expiry):
            return self.env._("Enter the visa's number, issue and expiry dates.")
        max_days = self.category_id.max_stay_days
        if max_days and (self.date_expiry - self.date_issue).days + 1 > max_days:
            return self.env._("Visa category %(category)s: valid at most %(days)s.",
                              category=self.category_id.display_name,
                              days=count_text(self.env, max_days, DAYS))
        return False

    def action_issue(self):
        for visa in self:
            visa._lifecycle_run("issue", {"date_expiry_initial": visa.date_expiry})
            visa.visit_id._intl_message_post(
                _lt("Visa %(visa)s issued, valid until %(date)s.", visa=visa, date=visa.date_expiry),
                subtype_xmlid="mail.mt_note")

    def action_refuse(self):
        self._lifecycle_run("refuse")
        self.env["intl.scholar.visa.event"].create([{
            "visa_id": visa.id, "kind": "refusal",
            "note": self.env._("Refused by the issuing authority.")} for visa in self])

    def action_cancel(self):
        return self._lifecycle_run("cancel")
