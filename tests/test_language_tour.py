import json
import logging
import os
import re

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

_logger = logging.getLogger(__name__)

ALLOWLIST_PATH = os.path.join(os.path.dirname(__file__), "language_allowlist.txt")

# demo login -> tour (one per role of the DP 717 flows)
ROLES = {
    "coordinator": "intl_language_coordinator",
    "rector": "intl_language_rector",
    "dic.officer": "intl_language_dic_officer",
    "accountant": "intl_language_accountant",
    "hr": "intl_language_hr",
}


def read_allowlist():
    with open(ALLOWLIST_PATH, encoding="utf-8") as handle:
        return {line.strip().lower() for line in handle if line.strip() and not line.startswith("#")}


class _ScreenLog(logging.Handler):
    """Collects the JSON lines the language tours print to the browser console."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.screens = []

    def emit(self, record):
        match = re.search(r"intl-language-screen (\{.*\})", record.getMessage())
        if match:
            self.screens.append(json.loads(match.group(1)))


@tagged("post_install", "-at_install")
class TestLanguageTour(HttpCase):
    """A user of each role goes through their screens in Kazakh, then in Russian.

    Every visible word in Latin script that is not in tests/language_allowlist.txt
    fails the test: the screens of the flows (Odoo's own included) must be translated,
    activity summaries and an error dialog (a refused decision) included.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {}
        for login in ROLES:
            user = cls.env["res.users"].search([("login", "=", login)])
            user.password = login
            cls.users[login] = user
        # The HR officer's screens show a disciplinary case: the demo data has trips but no case
        # (cases are opened by an act, which the demo script draws up under make run).
        if not cls.env["intl.disciplinary.case"].search_count([]):
            trip = cls.env.ref("intl_cooperation.intl_trip_to_head_demo")
            cls.env["intl.disciplinary.case"]._open_for_trips(trip, "unapproved_departure", {
                "act_date": fields.Date.today(), "act_head_id": trip.employee_id.parent_id.id})

    def _run_tours(self, lang):
        handler = _ScreenLog()
        test_logger = logging.getLogger(f"{type(self).__module__}.{type(self).__name__}")
        test_logger.addHandler(handler)
        try:
            for login, tour in ROLES.items():
                self.users[login].lang = lang
                self.start_tour("/odoo", tour, login=login, timeout=180)
        finally:
            test_logger.removeHandler(handler)
        return handler.screens

    def _check(self, lang, language_name):
        # the coordinator's tour opens a refused decision's error dialog on purpose (its words are
        # read): the server logs the refusal
        with mute_logger("odoo.http"):
            screens = self._run_tours(lang)
        self.assertTrue(screens, "the tours printed no screen")
        allowed = read_allowlist()
        untranslated = {}
        total = cyrillic = 0
        for screen in screens:
            total += screen["total"]
            cyrillic += screen["cyrillic"]
            for word in screen["latin"]:
                if word.lower() not in allowed:
                    untranslated.setdefault(word, set()).add(screen["screen"])
        share = 100.0 * cyrillic / total if total else 0.0
        _logger.info(
            "Language coverage (%s): %s screens, %s visible words, %s in %s (%.1f%%); "
            "allow-list of %s words (%s); untranslated: %s",
            lang, len(screens), total, cyrillic, language_name, share, len(allowed),
            os.path.basename(ALLOWLIST_PATH), len(untranslated))
        self.assertFalse(untranslated, "English words on the %s screens:\n%s" % (language_name, "\n".join(
            f"  {word!r} on {', '.join(sorted(where))}" for word, where in sorted(untranslated.items()))))
        return share

    def test_kazakh_screens(self):
        self._check("kk_KZ", "Kazakh")

    def test_russian_screens(self):
        self._check("ru_RU", "Russian")
