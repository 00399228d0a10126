from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common_trip import IntlTripCommon


@tagged("post_install", "-at_install")
class TestUxDocuments(IntlTripCommon, HttpCase):
    """Issue 25, friction 6: the forms the module prints are attached by printing them from the record.

    An HttpCase: wkhtmltopdf fetches the report's assets from the server during the test."""

    def test_application_printed_and_attached(self):
        # the traveller has attached nothing yet: the application is printed from the record
        trip = self._create_trip(attach=False)
        line = trip.document_line_ids.filtered(lambda doc: doc.type_id.code == "601-03")
        mine = line.with_user(self.user_requester)
        self.assertTrue(mine.can_print_form)
        other = trip.document_line_ids.filtered(lambda doc: not doc.type_id.report_ids)[:1]
        self.assertFalse(other.with_user(self.user_requester).can_print_form)
        with self.assertRaises(UserError):
            other.with_user(self.user_requester).action_print_attach()
        mine.with_context(force_report_rendering=True).action_print_attach()
        self.assertEqual(line.state, "received")
        self.assertEqual(line.attachment_ids.mimetype, "application/pdf")
        self.assertTrue(line.attachment_ids.raw.startswith(b"%PDF"))
        self.assertEqual((line.attachment_ids.res_model, line.attachment_ids.res_id), (line._name, line.id))
        line.with_user(self.user_officer)._do_check_all()
        self.assertFalse(mine.can_print_form)
