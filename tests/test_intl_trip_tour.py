from datetime import timedelta

from odoo.tests import HttpCase, new_test_user, tagged

from .common_trip import IntlTripCommon


@tagged("post_install", "-at_install")
class TestIntlTripTour(IntlTripCommon, HttpCase):

    def test_trip_from_application_to_settlement(self):
        # one person holding every role but the traveller's, head of the traveller's unit, walks
        # the whole route (nobody decides their own trip: the traveller is someone else)
        user = new_test_user(
            self.env, login="tour_trip", password="tour_trip_pw",
            groups="base.group_user,intl_cooperation.group_intl_officer,"
                   "intl_cooperation.group_intl_management,intl_cooperation.group_intl_accountant,"
                   "intl_cooperation.group_intl_hr",
            company_id=self.company.id, company_ids=[(6, 0, self.company.ids)])
        employee = self.env["hr.employee"].create({
            "name": "Tour Traveller", "user_id": user.id, "department_id": self.department.id,
            "company_id": self.company.id})
        self.department.manager_id = employee
        self.institute.manager_id = employee
        trip = self.env["intl.trip"].create(self._trip_vals(
            departure=self.today - timedelta(days=4), days=5))
        trip.with_user(self.user_management)._do_allow_late_submission(
            "Recorded after the fact for the tour")
        trip.write({"estimate_line_ids": [(0, 0, {
            "category_id": self.cat_fares.id, "quantity": 1, "unit_amount": 500000.0,
            "currency_id": self.kzt.id})]})
        self._verify_documents(trip)
        self.start_tour(f"/odoo/action-intl_cooperation.intl_trip_action/{trip.id}",
                        "intl_trip_tour", login="tour_trip")
        trip.invalidate_recordset()
        self.assertEqual(trip.money_state, "settled")
        self.assertEqual(trip.amount_spent, 470000.0)
        self.assertEqual(trip.amount_returned, 30000.0)
        self.assertTrue(all(trip._advance_move_lines().mapped("reconciled")))
