from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common_trip import IntlTripCommon


@tagged("post_install", "-at_install")
class TestUxTripHost(IntlTripCommon):
    """Issue 25, blocker 5: the requester names a host that is not yet a contact; DIC adds it."""

    def test_typed_host_then_dic_adds_it(self):
        trip = self._create_trip(host_partner_id=False, host_name="Politecnico di Torino")
        self.assertEqual(trip.host_display, "Politecnico di Torino")
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.user_requester).create({"name": "Politecnico"})
        self.assertFalse(trip.with_user(self.user_requester).can_create_host)
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester).action_create_host_partner()
        trip.with_user(self.user_requester).action_submit()
        with self.assertRaises(UserError):  # frozen once submitted
            trip.with_user(self.user_requester).write({"host_name": "Another University"})
        trip.with_user(self.user_officer).action_create_host_partner()
        self.assertEqual(trip.host_partner_id.name, "Politecnico di Torino")
        self.assertEqual(trip.host_partner_id.country_id, trip.country_id)
        self.assertFalse(trip.host_name)
        # the printed application names it
        html = self.env["ir.actions.report"]._render_qweb_html(
            "intl_cooperation.report_intl_trip_application", trip.ids)[0].decode()
        self.assertIn("Politecnico di Torino", html)

    def test_existing_contact_is_reused(self):
        trip = self._create_trip(host_partner_id=False, host_name="technische universität test")
        trip.with_user(self.user_officer).action_create_host_partner()
        self.assertEqual(trip.host_partner_id, self.partner_host)


@tagged("post_install", "-at_install")
class TestUxTripHostTour(IntlTripCommon, HttpCase):

    def test_requester_types_the_host_dic_adds_it(self):
        for user in (self.user_requester, self.user_officer):
            user.lang = "en_US"
        trip = self._create_trip(host_partner_id=False)
        self.start_tour(f"/odoo/intl.trip/{trip.id}", "intl_trip_host_typed_tour",
                        login=self.user_requester.login)
        self.assertEqual(trip.host_name, "Politecnico di Torino")
        self.start_tour(f"/odoo/intl.trip/{trip.id}", "intl_trip_host_confirm_tour",
                        login=self.user_officer.login)
        self.assertEqual(trip.host_partner_id.name, "Politecnico di Torino")
