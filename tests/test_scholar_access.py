from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common_scholar import IntlScholarCommon
from .jsonrpc_common import JsonRpcRefusalMixin


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

    def test_a_contact_is_duplicated_without_its_passport(self):
        """Anyone who may create contacts duplicates one, passport data or not (Odoo's account
        tests duplicate partners as an accountant); the passport is never copied to the duplicate."""
        self.user_accountant.groups_id = [Command.link(self.env.ref("base.group_partner_manager").id)]
        duplicate = self.scholar.with_user(self.user_accountant).copy()
        duplicate.invalidate_recordset()
        self.assertEqual(duplicate.with_user(self.user_accountant).read(["intl_degree"])[0]["intl_degree"],
                         "PhD, Professor")
        with self.assertRaises(AccessError):
            duplicate.with_user(self.user_accountant).read(["intl_passport_number"])
        by_dic = self.scholar.with_user(self.user_officer).copy()
        for partner in (duplicate, by_dic):
            partner.invalidate_recordset()
            values = partner.with_user(self.user_officer).read(["intl_passport_number", "intl_passport_expiry"])[0]
            self.assertFalse(values["intl_passport_number"])
            self.assertFalse(values["intl_passport_expiry"])
        self.assertEqual(self.scholar.with_user(self.user_officer).read(["intl_passport_number"])[0]
                         ["intl_passport_number"], "C01X00T47")

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


@tagged("post_install", "-at_install")
class TestScholarWorkflowFields(IntlScholarCommon):
    """No role sets a status or a workflow field of the scholar process through write or create."""

    def test_write_and_create_refused_for_every_role(self):
        roles = [self.user_requester, self.user_coordinator, self.user_officer, self.user_dic_director,
                 self.user_management, self.user_accountant, self.user_hr]
        visit = self._on_site_visit()
        plan = self.env["intl.scholar.plan"].with_user(self.user_coordinator).create({
            "institute_id": self.institute.id, "academic_year": "2026/2027", "semester": "summer",
            "company_id": self.company.id})
        fee = self.env["intl.scholar.fee"].with_user(self.user_officer).create({
            "visit_id": visit.id, "kind_id": self.fee_single.id, "date": self.today})
        cases = [
            (visit, {"state": "done", "submit_date": self.today - timedelta(days=60),
                     "accepted_date": self.today - timedelta(days=60),
                     "decision_deadline": self.today - timedelta(days=60), "late_override_reason": "mine",
                     "date_departure_actual": self.today, "hours_given": 99.0}),
            (plan, {"state": "approved"}),
            (visit.lecture_ids[:1], {"state": "given", "hours_given": 12.0}),
            (visit.visa_ids[:1], {"state": "cancel", "date_expiry_initial": self.today,
                                  "date_expiry": self.today + timedelta(days=400)}),
            (fee, {"state": "posted", "amount": 1.0, "mci_value": 1.0}),
        ]
        for record, forged in cases:
            for user in roles:
                for field, value in forged.items():
                    with self.subTest(model=record._name, user=user.login, field=field):
                        before = record.sudo().read([field])[0][field]
                        with self.assertRaises(UserError):
                            record.with_user(user).write({field: value})
                        record.invalidate_recordset()
                        self.assertEqual(record.sudo().read([field])[0][field], before)
        creates = [
            ("intl.scholar.visit", dict(self._visit_vals(), state="accepted")),
            ("intl.scholar.visit", dict(self._visit_vals(), late_override_reason="I allow myself")),
            ("intl.scholar.plan", {"institute_id": self.institute.id, "academic_year": "2030/2031",
                                   "semester": "fall", "state": "approved"}),
            ("intl.scholar.act", {"visit_id": visit.id, "state": "approved", "amount": 1e6}),
            ("intl.scholar.fee", {"visit_id": visit.id, "kind_id": self.fee_single.id, "state": "posted"}),
            ("intl.scholar.visa", {"visit_id": visit.id, "category_id": self.visa_b1.id, "state": "issued"}),
        ]
        for model, vals in creates:
            for user in roles:
                with self.subTest(model=model, user=user.login):
                    count = self.env[model].search_count([])
                    with self.assertRaises(UserError):
                        self.env[model].with_user(user).create(vals)
                    self.assertEqual(self.env[model].search_count([]), count)


@tagged("post_install", "-at_install")
class TestScholarJsonRpc(JsonRpcRefusalMixin, IntlScholarCommon, HttpCase):
    """The same refusals over JSON-RPC, as the logged-in coordinator."""

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_json_rpc_cannot_set_workflow_fields(self):
        self.user_coordinator.password = "coordinator-pw-1"
        visit = self._create_visit(arrival_in=10)
        self.authenticate(self.user_coordinator.login, "coordinator-pw-1")

        def call(model, method, args, kwargs=None):
            return self.make_jsonrpc_request("/web/dataset/call_kw", {
                "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

        for vals in ({"state": "accepted"}, {"late_override_reason": "mine"},
                     {"late_override_user_id": self.user_coordinator.id}, {"submit_date": "2026-01-01"}):
            with self.subTest(vals=vals), self.assertRpcRefused(UserError):
                call("intl.scholar.visit", "write", [[visit.id], vals],
                     {"context": {"intl_lifecycle_path": True, "install_mode": True}})
        with self.assertRpcRefused(UserError):
            call("intl.scholar.lecture", "write", [[visit.lecture_ids[0].id], {"state": "given"}])
        with self.assertRpcRefused(UserError):
            call("intl.scholar.visit", "action_submit", [[visit.id]])
        call("intl.scholar.visit", "write", [[visit.id], {"purpose": "Changed over RPC"}])
        visit.invalidate_recordset()
        self.assertEqual(visit.read(["state", "purpose", "late_override_reason"])[0],
                         {"id": visit.id, "state": "draft", "purpose": "Changed over RPC",
                          "late_override_reason": False})

    @mute_logger("odoo.http")
    def test_officer_fields_refused_at_create(self):
        """The coordinator does not set DIC's migration fields by creating the visit with them."""
        self.user_coordinator.password = "coordinator-pw-1"
        self.authenticate(self.user_coordinator.login, "coordinator-pw-1")
        vals = self._visit_vals()
        vals = {key: value.isoformat() if isinstance(value, date) else value for key, value in vals.items()}
        vals["lecture_ids"] = [(0, 0, {key: value.isoformat() if isinstance(value, date) else value
                                       for key, value in command[2].items()})
                               for command in vals["lecture_ids"]]
        visits = self.env["intl.scholar.visit"].search_count([])
        for forged in ({"registration_number": "R-1"}, {"registration_expiry": "2030-01-01"},
                       {"visa_required": False}):
            with self.subTest(forged=forged), self.assertRpcRefused(UserError):
                self.make_jsonrpc_request("/web/dataset/call_kw", {
                    "model": "intl.scholar.visit", "method": "create",
                    "args": [[dict(vals, **forged)]], "kwargs": {}})
        self.assertEqual(self.env["intl.scholar.visit"].search_count([]), visits)
