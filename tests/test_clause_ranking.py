from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common_annual_report import YEAR, AnnualReportCommon


@tagged("post_install", "-at_install")
class TestClauseRankingGoal(AnnualReportCommon, HttpCase):
    """§4: the share of an institute's partners in a world top 500 / 1000, per ranking."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        kind = cls.env.ref("intl_cooperation.intl_agreement_kind_memorandum")

        def institution(name, *rankings):
            return Partner.create({
                "name": name, "is_intl_institution": True, "intl_institution_type": "university",
                "country_id": cls.de.id,
                "intl_ranking_ids": [(0, 0, {"system": system, "position": position, "year": year})
                                     for system, position, year in rankings]})

        top = institution("Top University", ("qs", 120, YEAR - 1))
        middle = institution("Middle University", ("the", 700, YEAR))
        risen = institution("Risen University", ("qs", 800, YEAR - 2), ("qs", 450, YEAR))
        later = institution("Later University", ("qs", 300, YEAR + 1))  # ranked after the year
        other = institution("Other Institute's Partner", ("qs", 10, YEAR))
        for partner, institute in ((top, cls.institute), (middle, cls.institute),
                                   (risen, cls.institute), (later, cls.institute),
                                   (other, cls.other_institute)):
            cls.env["intl.agreement"]._lifecycle_create([{
                "title": "Memorandum", "partner_id": partner.id, "kind_id": kind.id,
                "institute_id": institute.id, "company_id": cls.company.id, "state": "in_force",
                "date_sign_university": date(YEAR, 1, 15), "date_sign_partner": date(YEAR, 1, 15),
                "date_end": date(YEAR + 5, 1, 14)}])

    def _indicator(self, code, system="any"):
        return self.env["intl.institute.indicator"].with_user(self.user_dic_director).create({
            "institute_id": self.institute.id, "year": YEAR, "code": code, "target": 50,
            "ranking_system": system, "company_id": self.company.id})

    def test_share_of_partners_in_the_top(self):
        # the institute's partners in YEAR: the dataset's host (unranked) and the four above
        self.assertEqual(self._indicator("partners_top500").actual, 40.0)  # top, risen
        self.assertEqual(self._indicator("partners_top1000").actual, 60.0)  # + middle
        self.assertEqual(self._indicator("partners_top500", "qs").actual, 40.0)
        the = self._indicator("partners_top1000", "the")
        self.assertEqual(the.actual, 20.0)
        self.assertTrue(the.is_live)
        self.assertEqual(self._indicator("partners_top500", "arwu").actual, 0.0)
        # one indicator per ranking: the same one twice is refused
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self._indicator("partners_top500", "qs")
        # the other institute's partner
        other = self.env["intl.institute.indicator"].with_user(self.user_dic_director).create({
            "institute_id": self.other_institute.id, "year": YEAR, "code": "partners_top500",
            "company_id": self.company.id})
        self.assertEqual(other.actual, 100.0)

    def test_refresh_follows_the_rankings(self):
        indicator = self._indicator("partners_top1000")
        middle = self.env["res.partner"].search([("name", "=", "Middle University")])
        middle.intl_ranking_ids.position = 1200
        indicator.with_user(self.user_dic_director).action_refresh()
        self.assertEqual(indicator.actual, 40.0)

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_only_the_dic_director_sets_it(self):
        indicator = self._indicator("partners_top500")
        with self.assertRaises(UserError):
            self.env["intl.institute.indicator"].with_user(self.user_coordinator).create({
                "institute_id": self.institute.id, "year": YEAR, "code": "partners_top1000",
                "company_id": self.company.id})
        self.user_dic_director.password = "dicdir-pw-1"
        self.authenticate(self.user_dic_director.login, "dicdir-pw-1")
        with self.assertRaises(JsonRpcException) as error:
            self.make_jsonrpc_request("/web/dataset/call_kw", {
                "model": "intl.institute.indicator", "method": "write",
                "args": [[indicator.id], {"actual": 99.0}], "kwargs": {}})
        self.assertEqual(str(error.exception), "odoo.exceptions.UserError")
        indicator.invalidate_recordset()
        self.assertEqual(indicator.read(["actual"])[0]["actual"], 40.0)
        with self.assertRaises(UserError):
            indicator.with_user(self.user_dic_director).write({"actual": 1.0})
