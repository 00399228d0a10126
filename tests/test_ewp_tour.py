from odoo.tests import HttpCase, tagged

from .ewp_common import EwpCommon


@tagged("post_install", "-at_install")
class TestEwpTour(EwpCommon, HttpCase):
    """In the browser: conditions entered on an agreement, and a call opened for their quota."""

    def test_officer_enters_conditions(self):
        agreement = self._agreement_with_conditions()
        self.user_officer.password = "officer-tour-pw"
        action = self.env.ref("intl_cooperation.intl_agreement_action")
        self.start_tour(f"/odoo/action-{action.id}/{agreement.id}", "intl_ewp_conditions_tour",
                        login=self.user_officer.login)
        condition = agreement.condition_ids.filtered(lambda c: c.mobility_type == "training"
                                                     and c.total_days_per_year == 15)
        self.assertEqual((condition.direction, condition.mobilities_per_year, condition.seats_total),
                         ("incoming", 3, 6))
        self.assertTrue(agreement.ewp_iia_hash)

    def test_coordinator_opens_call(self):
        agreement = self._to_signed(self._agreement_with_conditions())
        self.user_coordinator.password = "coordinator-tour-pw"
        action = self.env.ref("intl_cooperation.intl_mobility_call_action")
        self.start_tour(f"/odoo/action-{action.id}", "intl_mobility_call_tour", login=self.user_coordinator.login)
        call = self.env["intl.mobility.call"].search([("agreement_id", "=", agreement.id)])
        self.assertEqual((call.state, call.seats, call.mobility_type), ("open", 2, "studies"))
