from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_scholar import IntlScholarCommon


@tagged("post_install", "-at_install")
class TestScholarAccess(IntlScholarCommon):

    def test_coordinators_see_their_institute_visits(self):
        visit = self._create_visit()
        Visit = self.env["intl.scholar.visit"]
        self.assertEqual(visit.with_user(self.user_coordinator).read(["name"])[0]["name"], visit.name)
        self.assertEqual(visit.with_user(self.user_inst_director).read(["name"])[0]["name"], visit.name)
        with self.assertRaises(AccessError):
            visit.with_user(self.user_coordinator_other).read(["name"])
        self.assertFalse(Visit.with_user(self.user_coordinator_other).search([("id", "=", visit.id)]))
        with self.assertRaises(AccessError):
            visit.with_user(self.user_requester).read(["name"])
        with self.assertRaises(AccessError):
            Visit.with_user(self.user_requester).create(self._visit_vals())
        # DIC, management and accountants read every visit
        for user in (self.user_officer, self.user_management, self.user_accountant):
            self.assertEqual(visit.with_user(user).read(["state"])[0]["state"], "draft")
        with self.assertRaises(AccessError):
            visit.with_user(self.user_accountant).write({"purpose": "Changed"})
        with self.assertRaises(AccessError):
            visit.with_user(self.user_management).write({"purpose": "Changed"})

    def test_passport_data_only_for_dic(self):
        visit = self._create_visit()
        for user in (self.user_coordinator, self.user_management, self.user_accountant):
            with self.assertRaises(AccessError):
                visit.with_user(user).read(["passport_number"])
            with self.assertRaises(AccessError):
                self.scholar.with_user(user).read(["intl_passport_number", "intl_passport_expiry"])
            # the rest of the scholar is visible
            self.assertEqual(visit.with_user(user).read(["degree"])[0]["degree"], "PhD, Professor")
        self.assertEqual(visit.with_user(self.user_officer).read(["passport_number"])[0]["passport_number"],
                         "C01X00T47")
        with self.assertRaises(AccessError):
            visit.with_user(self.user_coordinator).write({"passport_number": "FORGED"})

    def test_accountants_handle_the_money(self):
        visit = self._accepted_visit()
        Fee = self.env["intl.scholar.fee"]
        fee = Fee.with_user(self.user_officer).create({
            "visit_id": visit.id, "kind_id": self.fee_invitation.id, "date": date(2026, 3, 1)})
        self.assertEqual(fee.with_user(self.user_accountant).read(["amount"])[0]["amount"], 2162.5)
        with self.assertRaises(AccessError):
            fee.with_user(self.user_coordinator).read(["amount"])
        with self.assertRaises(AccessError):
            Fee.with_user(self.user_coordinator).create({
                "visit_id": visit.id, "kind_id": self.fee_invitation.id})
        with self.assertRaises(UserError):
            fee.with_user(self.user_officer).action_post()
        with self.assertRaises(AccessError):
            self.env["intl.mci"].with_user(self.user_coordinator).create(
                {"date_from": date(2030, 1, 1), "value": 1})
        with self.assertRaises(AccessError):
            self.env["intl.state.fee.kind"].with_user(self.user_officer).browse(
                self.fee_single.id).write({"mci_factor": 1})

    def test_visas_recorded_by_dic_read_by_the_institute(self):
        visit = self._accepted_visit()
        visa = self._record_visa(visit)
        self.assertEqual(visa.with_user(self.user_coordinator).read(["number"])[0]["number"], "KZ0012345")
        with self.assertRaises(AccessError):
            visa.with_user(self.user_coordinator_other).read(["number"])
        requested = self.env["intl.scholar.visa"].with_user(self.user_officer).create({
            "visit_id": visit.id, "category_id": self.visa_b1.id, "issued_by": "migration"})
        with self.assertRaises(AccessError):
            requested.with_user(self.user_coordinator).write({"number": "X"})
        with self.assertRaises(UserError):
            visit.with_user(self.user_coordinator).write({"registration_number": "R-1"})
        visit.with_user(self.user_officer).write({"registration_number": "R-1"})
        visit.invalidate_recordset()
        self.assertEqual(visit.with_user(self.user_coordinator).read(["registration_number"])[0][
            "registration_number"], "R-1")

    def test_plans_per_institute(self):
        plan = self.env["intl.scholar.plan"].with_user(self.user_coordinator).create({
            "institute_id": self.institute.id, "academic_year": "2026/2027", "semester": "fall",
            "company_id": self.company.id})
        self.assertTrue(plan.with_user(self.user_management).read(["name"]))
        with self.assertRaises(AccessError):
            plan.with_user(self.user_coordinator_other).read(["name"])
        with self.assertRaises(AccessError):
            plan.with_user(self.user_management).write({"note": "x"})
