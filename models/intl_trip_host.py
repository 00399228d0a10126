from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation


class IntlTrip(models.Model):
    """A host organisation that is not yet a contact: the traveller types it, DIC adds it."""

    _inherit = "intl.trip"

    host_name = fields.Char(
        "Host Organisation (Not in Contacts)", tracking=True,
        help="The host's name when it is not yet a contact: DIC adds it to Contacts.")
    host_display = fields.Char("Host", compute="_compute_host_display")
    can_create_host = fields.Boolean(compute="_compute_host_display")

    @api.depends("host_partner_id", "host_name")
    @api.depends_context("uid")
    def _compute_host_display(self):
        creator = self.env.user.has_group("base.group_partner_manager") \
            and self.env.user.has_group("intl_cooperation.group_intl_coordinator")
        for trip in self:
            trip.host_display = trip.host_partner_id.name or (trip.host_name or "").strip() or False
            trip.can_create_host = creator and bool(trip.host_name and not trip.host_partner_id) \
                and trip.state != "cancel"

    def action_create_host_partner(self):
        """DIC (or a coordinator) turns the typed host into a contact and links it."""
        self.ensure_one()
        if not self.can_create_host:
            raise UserError(self.env._(
                "Only DIC or a coordinator adds a typed host organisation to Contacts."))
        name = self.host_name.strip()
        partner = self.env["res.partner"].search(
            [("name", "=ilike", name), ("is_company", "=", True)], limit=1)
        if not partner:
            partner = self.env["res.partner"].create({
                "name": name, "is_company": True, "country_id": self.country_id.id, "city": self.city})
        # the host decided on is the same organisation, now a contact: the engine links it
        self._lifecycle_write({"host_partner_id": partner.id, "host_name": False})
        self._intl_message_post(_lt("Host organisation added to Contacts: %(partner)s",
                                    partner=partner.name), subtype_xmlid="mail.mt_note")
        return True
