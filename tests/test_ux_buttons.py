from odoo.tests import tagged

from .test_ux_receipts import ReceiptsCommon


@tagged("post_install", "-at_install")
class TestUxButtons(ReceiptsCommon):
    """Issue 25, friction 8: a button shows only to who may press it, with their words."""

    def _arch(self, user):
        return self.env["intl.trip.advance.report"].with_user(user).get_views(
            [(False, "form")])["views"]["form"]["arch"]

    def test_only_who_may_press_sees_the_button(self):
        trip = self._returned_trip()
        report = self._report(trip, [(self.cat_fares, 50000.0, self.kzt)], post=False)
        mine = report.with_user(self.user_requester)
        # the traveller may not write a submitted report: no button that ends in an access error
        self.assertFalse(mine.can_withdraw)
        self.assertFalse(mine.can_return)
        self.assertNotIn("Return to Traveller", self._arch(self.user_requester))
        theirs = report.with_user(self.user_accountant)
        self.assertTrue(theirs.can_return)
        self.assertFalse(theirs.can_withdraw)
        self.assertIn("Return to Traveller", self._arch(self.user_accountant))
        theirs.action_reset()
        self.assertEqual(report.state, "draft")
