from datetime import date

from odoo.addons.mail.tools.discuss import Store
from odoo.tests import tagged
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message
from .common_trip import IntlTripCommon

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation


@tagged("post_install", "-at_install")
class TestChatterLanguage(IntlTripCommon):
    """The module's chatter messages are read in the reader's language, dates in the reader's format."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in ("en_US", "ru_RU", "kk_KZ"):
            cls.env["res.lang"]._activate_lang(lang)
        cls.user_requester.lang = "en_US"
        cls.user_head.lang = "kk_KZ"
        cls.user_officer.lang = "ru_RU"

    def _bodies(self, record, user):
        """The bodies of ``record``'s messages as the web client receives them for ``user``."""
        messages = record.with_user(user).with_context(lang=user.lang).message_ids
        store = Store()
        messages._to_store(store, for_current_user=True)
        return {values["id"]: values["body"] for values in store.get_result()["mail.message"]}

    def test_same_message_in_three_languages(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        trip.with_user(self.user_head).action_approval_approve()
        # the unit head agrees (келісу, согласовать): the step's verb, not the rector's approval
        approved = trip.message_ids.filtered(lambda m: m.intl_body_key == "Agreed: %(step)s")
        self.assertEqual(len(approved), 1)
        self.assertEqual(approved.intl_body_params["step"]["_ref"], "intl.approval.route.step")
        expected = {
            self.user_requester: "Agreed: Head of the unit",
            self.user_head: "Келісілді: Бөлімше басшысы",
            self.user_officer: "Согласовано: Руководитель подразделения",
        }
        for user, text in expected.items():
            self.assertIn(text, str(self._bodies(trip, user)[approved.id]), user.login)

    def test_status_and_creation_follow_the_reader(self):
        self.env = self.env(context=dict(self.env.context, mail_create_nolog=False))
        trip = self._create_trip()
        # commit-time hooks end the creation's transaction: the next changes are tracked
        self.env.cr.precommit.run()
        trip.with_user(self.user_requester).action_submit()
        created = trip.message_ids.filtered(lambda m: m.intl_body_key == "%(document)s created")
        self.assertEqual(len(created), 1, "the creation message carries its key")
        kk = str(self._bodies(trip, self.user_head)[created.id])
        ru = str(self._bodies(trip, self.user_officer)[created.id])
        self.assertIn("Шетелге іссапар", kk)
        self.assertNotIn("Business Trip", kk)
        self.assertNotIn("Business Trip", ru)
        # a tracked status is shown with the label of the reader's language, whoever changed it
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()
        self.assertTrue(trip.sudo().message_ids.tracking_value_ids, "the status change is tracked")
        store = Store()
        trip.message_ids.with_user(self.user_officer).with_context(lang="ru_RU")._to_store(
            store, for_current_user=True)
        values = [tracking["newValue"]["value"] for message in store.get_result()["mail.message"]
                  for tracking in message.get("trackingValues", []) if tracking["fieldName"] == "state"]
        self.assertTrue(values)
        self.assertFalse({"Unit Head", "Draft"} & set(values), values)

    def test_dates_in_the_reader_format(self):
        trip = self._create_trip()
        trip._intl_message_post(_lt("Extension approved: the trip now ends on %(date)s.", date=date(2026, 12, 8)),
                                subtype_xmlid="mail.mt_note")
        message = trip.message_ids[:1]
        self.assertEqual(message.intl_body_params["date"], {"_date": "2026-12-08"})
        ru = str(self._bodies(trip, self.user_officer)[message.id])
        en = str(self._bodies(trip, self.user_requester)[message.id])
        self.assertIn("08.12.2026", ru)
        self.assertIn("12/08/2026", en)
        self.assertNotIn("2026-12-08", ru + en)

    def test_stored_body_is_a_readable_fallback(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        message = trip.message_ids.filtered(lambda m: m.intl_body_key == "Submitted for approval: %(route)s")
        self.assertTrue(message.body)
        self.assertNotIn("%(", message.body)

    def test_parameters_render_in_the_reader_language(self):
        """Selections by key, amounts with their currency, nested terms, escaped text, broken templates."""
        trip = self._create_trip()
        key, params = intl_message.encode_message([
            _lt("Status: %(old)s → %(new)s", old=intl_message.selection(trip, "state", "draft"),
                new=intl_message.selection(trip, "state", "to_head")),
            _lt("Reason: %(reason)s", reason="<b>late</b>"),
        ])
        self.assertEqual(params["old"], {"_sel": ["intl.trip", "state", "draft"]})
        ru = str(intl_message.render_message(self.env(context={"lang": "ru_RU"}), key, params))
        self.assertIn("Статус", ru)
        self.assertNotIn("Draft", ru)
        self.assertIn("&lt;b&gt;late&lt;/b&gt;", ru, "user text is escaped")
        amount = intl_message.encode(intl_message.amount(2.27e25, self.env.ref("base.KZT")))
        text = intl_message.render_value(self.env(context={"lang": "en_US"}), amount)
        self.assertNotIn("e+", text)
        broken = intl_message.render_term(self.env(context={"lang": "en_US"}), "Approved: %(step)s", {"other": 1})
        self.assertEqual(str(broken), "Approved: %(step)s")

    def test_every_model_name_of_the_module_is_translated(self):
        """Creation messages and breadcrumbs name the models: none stays English in kk or ru."""
        models = self.env["ir.model"].search([("model", "=like", "intl.%")])
        english = dict(zip(models.ids, models.with_context(lang="en_US").mapped("name"), strict=True))
        for lang in ("kk_KZ", "ru_RU"):
            untranslated = [model.model for model in models.with_context(lang=lang)
                            if model.name == english[model.id]]
            self.assertFalse(untranslated, f"model names without a {lang} translation")

    def test_email_in_the_recipient_language(self):
        trip = self._create_trip()
        self.user_officer.notification_type = "email"
        line = self.env["intl.approval.route.step"].search([], limit=1)
        message = trip.with_context(mail_notify_force_send=False)._intl_message_post(
            _lt("Approved: %(step)s", step=line), partner_ids=self.user_officer.partner_id.ids,
            message_type="comment", subtype_xmlid="mail.mt_comment")
        mail = self.env["mail.mail"].sudo().search([("mail_message_id", "=", message.id)])
        self.assertTrue(mail, "the officer is e-mailed")
        self.assertIn("Утверждено: " + line.with_context(lang="ru_RU").name, mail.body_html)
