import re
from pathlib import Path

import polib

from odoo.addons.mail.tools.discuss import Store
from odoo.tests import TransactionCase, tagged

from ..tools import intl_message
from ..tools.numbers import DAYS, UNITS, WORKING_HOURS, count_text, plural_index
from .common_trip import IntlTripCommon

ROOT = Path(__file__).resolve().parent.parent


@tagged("post_install", "-at_install")
class TestWordsPlural(TransactionCase):
    """Issue 25, item 12: a count and its noun agree in the reader's language (1 день, 2 дня,
    5 дней, 21 день; a Kazakh noun after a numeral stays singular), in every message with a count."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("kk_KZ")
        cls.env["res.lang"]._activate_lang("ru_RU")

    def test_russian_forms(self):
        ru = self.env(context={"lang": "ru_RU"})
        expected = {1: "1 день", 2: "2 дня", 4: "4 дня", 5: "5 дней", 11: "11 дней", 12: "12 дней",
                    14: "14 дней", 21: "21 день", 22: "22 дня", 25: "25 дней", 31: "31 день",
                    101: "101 день", 111: "111 дней", 0: "0 дней"}
        for number, text in expected.items():
            with self.subTest(number=number):
                self.assertEqual(count_text(ru, number, DAYS).replace("\xa0", " "), text)
        self.assertEqual(count_text(ru, 2.5, WORKING_HOURS, 1), "2,5 рабочего часа")
        self.assertEqual(plural_index("ru_RU", 1.5), 1)

    def test_kazakh_and_english_forms(self):
        kk = self.env(context={"lang": "kk_KZ"})
        en = self.env(context={"lang": "en_US"})
        for number in (1, 2, 5, 21):
            self.assertEqual(count_text(kk, number, DAYS), f"{number} күн")
        self.assertEqual(count_text(en, 1, DAYS), "1 day")
        self.assertEqual(count_text(en, 21, DAYS), "21 days")
        self.assertEqual(count_text(en, 7.5, WORKING_HOURS, 1), "7.5 working hours")

    def test_every_unit_has_its_forms(self):
        """Russian units have three forms (four with a fraction's), Kazakh one, English two."""
        for lang, forms in (("ru_RU", (3, 4)), ("kk_KZ", (1,))):
            catalog = {entry.msgid: entry.msgstr for entry in polib.pofile(str(ROOT / "i18n" / f"{lang[:2]}.po"))}
            for source in UNITS:
                with self.subTest(lang=lang, unit=source):
                    self.assertEqual(len(source.split("|")), 2)
                    self.assertIn(len(catalog.get(source, "").split("|")), forms, catalog.get(source))

    def test_messages_with_counts_take_the_whole_phrase(self):
        """No source writes a count's noun after its placeholder ("%(days)s days"): the count is
        the plural helper's phrase, or it follows a colon."""
        counted = re.compile(
            r"%\((?:days|count|hours|nights|months|lead|chars|max)\)s\s+(?:calendar |working |consecutive )?"
            r"(?:days?|hours?|nights?|months?|rows?|cells?|columns?|characters?|institutes?|agreements?|"
            r"disciplines?|differences?)\b")
        wrong = [entry.msgid for entry in polib.pofile(str(ROOT / "i18n" / "intl_cooperation.pot"))
                 if counted.search(entry.msgid)]
        self.assertFalse(wrong, "\n".join(wrong))

    def test_reminder_in_the_reader_language(self):
        """A chatter message with a count reads with the reader's agreement."""
        ru = self.env(context={"lang": "ru_RU"})
        source = "%(agreement)s expires on %(date)s (in %(days)s): decide on its renewal."
        for days, text in ((1, "1 день"), (3, "3 дня"), (21, "21 день"), (30, "30 дней")):
            params = intl_message.encode_params({"agreement": "X", "date": "", "days": intl_message.count(days, DAYS)})
            self.assertIn(text, str(intl_message.render_term(ru, source, params)).replace("\xa0", " "))


@tagged("post_install", "-at_install")
class TestWordsKazakhCases(TransactionCase):
    """Issue 25, item 12: no Kazakh case ending glued to an inserted name or number (the name
    cannot take it: "%(country)s елге" reads "Германия елге"); the sentence is rephrased."""

    def test_no_suffix_after_a_placeholder(self):
        glued = re.compile(r"%\(([a-z_]+)\)s(-?)([а-яәғқңөұүһі]+)", re.IGNORECASE)
        # an ordinal after a number is written with a hyphen whatever the number: "3-қосымша"
        ordinal = re.compile(r"(?:нұсқа|қосымша|жол)")
        after_name = re.compile(r"%\([a-z_]+\)s\s+елге\b")
        wrong = []
        for entry in polib.pofile(str(ROOT / "i18n" / "kk.po")):
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                glued_words = [match for match in glued.finditer(text)
                               if not (match.group(1) in ("number", "version", "row") and match.group(2)
                                       and ordinal.match(match.group(3)))]
                if glued_words or after_name.search(text):
                    wrong.append(f"{entry.msgid!r} -> {text!r}")
        self.assertFalse(wrong, "\n".join(wrong))


@tagged("post_install", "-at_install")
class TestWordsActivitySummary(IntlTripCommon):
    """Issue 25, item 11: an activity's summary is read in the reader's language, whoever's
    language it was written in; the approval's verb is the step's (agree or approve)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in ("ru_RU", "kk_KZ"):
            cls.env["res.lang"]._activate_lang(lang)
        cls.user_head.lang = "ru_RU"
        cls.user_officer.lang = "kk_KZ"

    def _summaries(self, activity, user):
        """The summary as the web client receives it for ``user`` (chatter and views)."""
        in_lang = activity.with_user(user).with_context(lang=user.lang)
        store = Store(in_lang).get_result()
        web = in_lang.web_read({"summary": {}, "display_name": {}})[0]
        return store["mail.activity"][0]["summary"], web["summary"], web["display_name"]

    def test_approval_activity_in_the_reader_language(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        activity = trip.sudo().activity_ids.filtered(lambda a: a.user_id == self.user_head)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.intl_summary_key, "Agree: %(step)s")
        # stored in the approver's language (e-mails, searches)
        self.assertEqual(activity.summary, "Согласовать: Руководитель подразделения")
        # the officer (Kazakh) and the traveller (English) read it in theirs
        for user, text in ((self.user_officer, "Келісу: Бөлімше басшысы"),
                           (self.user_head, "Согласовать: Руководитель подразделения")):
            for value in self._summaries(activity, user):
                self.assertEqual(value, text, user.login)

    def test_rector_step_approves(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        trip.with_user(self.user_head).action_approval_approve()
        self._verify_documents(trip)
        trip.with_user(self.user_officer).action_approval_approve()
        activity = trip.sudo().activity_ids.filtered(lambda a: a.user_id == self.user_management)
        self.assertEqual(activity.intl_summary_key, "Approve: %(step)s")
        kk = activity.with_context(lang="kk_KZ").web_read({"summary": {}})[0]["summary"]
        ru = activity.with_context(lang="ru_RU").web_read({"summary": {}})[0]["summary"]
        self.assertTrue(kk.startswith("Бекіту: "), kk)
        self.assertTrue(ru.startswith("Утвердить: "), ru)
        self.assertEqual(self.env.ref("intl_cooperation.intl_approval_route_step_trip_head").decision, "agree")
        self.assertEqual(self.env.ref("intl_cooperation.intl_approval_route_step_trip_management").decision,
                         "approve")

    def test_approval_line_named_in_the_reader_language(self):
        """The inbox's breadcrumb: a line reads its step in the reader's language, whoever submitted."""
        trip = self._create_trip()
        trip.with_user(self.user_requester).with_context(lang="ru_RU").action_submit()
        line = trip.sudo().approval_line_ids.filtered(lambda line: line.state == "pending")
        self.assertEqual(line.name, "Руководитель подразделения")
        self.assertEqual(line.with_context(lang="kk_KZ").display_name, "Бөлімше басшысы")

    def test_a_client_cannot_set_the_key(self):
        trip = self._create_trip()
        activity = self.env["mail.activity"].with_user(self.user_requester).create({
            "res_model_id": self.env["ir.model"]._get_id("intl.trip"), "res_id": trip.id,
            "user_id": self.user_requester.id, "summary": "My own note",
            "intl_summary_key": "Approve: %(step)s", "intl_summary_params": {"step": "forged"}})
        self.assertFalse(activity.intl_summary_key)
        self.assertEqual(activity.with_context(lang="kk_KZ").web_read({"summary": {}})[0]["summary"],
                         "My own note")


@tagged("post_install", "-at_install")
class TestWordsDemoPositions(TransactionCase):
    """Issue 25, item 10: the demo's departments and job positions have their Kazakh and
    Russian names, so a paper in either language prints them in it."""

    def test_departments_and_positions_in_the_paper_language(self):
        from ..demo_scenario import words
        for lang in ("kk_KZ", "ru_RU"):
            self.env["res.lang"]._activate_lang(lang)
        rector = self.env.ref("intl_cooperation.hr_employee_rector_demo", raise_if_not_found=False)
        if not rector:
            self.skipTest("no demo data")
        words.run(self.env)
        words.run(self.env)  # idempotent
        dic = self.env.ref("intl_cooperation.hr_department_dic_demo")
        self.assertEqual(dic.with_context(lang="kk_KZ").name, "Халықаралық ынтымақтастық департаменті")
        self.assertEqual(dic.with_context(lang="ru_RU").name, "Департамент международного сотрудничества")
        self.assertEqual(dic.with_context(lang="en_US").name, "Department of International Cooperation")
        requester = self.env.ref("intl_cooperation.hr_employee_requester_demo")
        self.assertTrue(requester.job_id)
        self.assertEqual(requester.job_title, "Associate Professor")
        Case = self.env["intl.disciplinary.case"]
        # a paper reads the employee in its language (doc.employee_id of the paper's record)
        self.assertEqual(Case._paper_job(requester.with_context(lang="ru_RU")), "Ассоциированный профессор")
        self.assertEqual(Case._paper_job(requester.with_context(lang="kk_KZ")), "Қауымдастырылған профессор")
        self.assertEqual(self.env["hr.job"].search_count([("name", "=", "Associate Professor")]), 1)


@tagged("post_install", "-at_install")
class TestWordsTitles(TransactionCase):
    """Issue 25, item 11: a record named by the module reads in the reader's language, whoever
    created it (an annual report created in Kazakh reads in Russian on a Russian screen); the
    papers' figures follow the paper's language."""

    def test_annual_report_name_in_the_reader_language(self):
        for lang in ("kk_KZ", "ru_RU"):
            self.env["res.lang"]._activate_lang(lang)
        report = self.env["intl.annual.report"].with_context(lang="kk_KZ").create({"year": 2031})
        self.assertEqual(report.name, "Annual Report 2031")
        kk = report.with_context(lang="kk_KZ").display_name
        ru = report.with_context(lang="ru_RU").display_name
        self.assertIn("2031", kk)
        self.assertIn("2031", ru)
        self.assertNotEqual(kk, ru)
        self.assertRegex(ru, r"[а-я]")
        self.assertNotIn("Annual", ru + kk)

    def test_number_widget_follows_the_paper_language(self):
        Widget = self.env["ir.qweb.field.intl_number"]
        self.env["res.lang"]._activate_lang("ru_RU")
        ru, en = Widget.with_context(lang="ru_RU"), Widget.with_context(lang="en_US")
        self.assertEqual(ru.value_to_html(7.5, {}), "7,5")
        self.assertEqual(en.value_to_html(7.5, {}), "7.5")
        self.assertEqual(ru.value_to_html(12, {}), "12")
        self.assertEqual(en.value_to_html(1250.0, {"digits": 0}), "1,250")
        self.assertEqual(ru.value_to_html(21, {"unit": "day|days"}), "21 день")
        self.assertEqual(ru.value_to_html(5, {"unit": "day|days"}), "5 дней")
