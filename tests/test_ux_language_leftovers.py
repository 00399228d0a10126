from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_discipline import IntlDisciplineCommon
from .common_trip import IntlTripCommon


@tagged("post_install", "-at_install")
class TestUxLanguageLeftovers(IntlTripCommon):
    """Issue 25, item 11: no ISO date inside a Kazakh or Russian error; one word for Attach."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("kk_KZ")
        cls.env["res.lang"]._activate_lang("ru_RU")

    def test_error_dates_as_the_reader_writes_them(self):
        trip = self._approve(self._create_trip())
        end = trip.approved_date_to
        Extension = self.env["intl.trip.extension"].with_user(self.user_requester)
        for lang, text in (("kk_KZ", end.strftime("%d.%m.%Y")), ("ru_RU", end.strftime("%d.%m.%Y"))):
            with self.subTest(lang=lang), freeze_time(end + timedelta(days=2)):
                with self.assertRaises(UserError) as caught:
                    Extension.with_context(lang=lang).create({
                        "trip_id": trip.id, "date_to": end + timedelta(days=5), "reason": "Delayed flight"})
                message = str(caught.exception)
                self.assertIn(text, message)
                self.assertNotIn(end.isoformat(), message)

    def test_attach_is_one_word_in_kazakh(self):
        """The module's "Attach" and the web client's are the same Kazakh word."""
        from odoo.tools.translate import code_translations
        web = code_translations.get_web_translations("web", "kk_KZ")
        messages = {m["id"]: m["string"] for m in web.get("messages", ())}
        self.assertEqual(messages.get("Attach"), "Файл қосу")


@tagged("post_install", "-at_install")
class TestUxTimeOffWords(IntlDisciplineCommon):
    """The business trip's time off reads in Kazakh without English words ("on", "to")."""

    def test_time_off_link_in_kazakh(self):
        self.env["res.lang"]._activate_lang("kk_KZ")
        trip = self._week_trip()
        leave = trip.sudo().time_off_ids.filtered(lambda leave: leave.state == "validate")
        name = leave.with_context(lang="kk_KZ").display_name
        self.assertIn("күн", name)
        for word in (" on ", " to ", "days", "дней"):
            self.assertNotIn(word, name)
