from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

EVENT_KINDS = [
    ("extension", "Extension"),
    ("refusal", "Refusal"),
    ("purpose_change", "Change of purpose by the consulate"),
    ("term_change", "Change of term by the consulate"),
]


class IntlScholarVisaEvent(models.Model):
    """What happened to a visa after its request: extensions, refusals, changes (a log)."""

    _name = "intl.scholar.visa.event"
    _description = "Visa History Event"
    _order = "date desc, id desc"

    visa_id = fields.Many2one("intl.scholar.visa", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="visa_id.company_id", store=True)
    institute_id = fields.Many2one(related="visa_id.institute_id", store=True)
    kind = fields.Selection(EVENT_KINDS, required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    new_date_expiry = fields.Date("New Expiry")
    new_category_id = fields.Many2one("intl.visa.category", "New Category")
    note = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.user.has_group("intl_cooperation.group_intl_officer"):
            raise UserError(self.env._("DIC records what happens to a visa."))
        events = super().create(vals_list)
        for event in events:
            event._apply()
        return events

    def write(self, vals):
        if set(vals) - {"message_main_attachment_id"}:
            raise UserError(self.env._("The visa history is a log: add a new event instead."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The visa history is a log: its events are never deleted."))

    def _apply(self):
        """Apply the event to its visa and log it on the visit."""
        self.ensure_one()
        visa = self.visa_id
        if self.kind in ("extension", "term_change"):
            if visa.state != "issued":
                raise UserError(self.env._("Only an issued visa is extended or changed."))
            if not self.new_date_expiry:
                raise UserError(self.env._("Enter the new expiry date."))
            visa._lifecycle_write({"date_expiry": self.new_date_expiry})
        if self.kind == "purpose_change" and self.new_category_id:
            visa._lifecycle_write({"category_id": self.new_category_id.id})
        visa.visit_id._intl_message_post(
            _lt("Visa %(visa)s: %(event)s %(date)s %(note)s", visa=visa,
                event=intl_message.selection(self, "kind"), date=self.new_date_expiry, note=self.note),
            subtype_xmlid="mail.mt_note")
