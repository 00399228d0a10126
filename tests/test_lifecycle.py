from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common_trip import IntlTripCommon
from .jsonrpc_common import JsonRpcRefusalMixin
from .test_intl_delegation import attach_paper

# AccessError is a UserError: either refusal passes (no access at all, or a workflow field)
REFUSED = UserError


class LifecycleCommon(IntlTripCommon):
    """One record of every process model, and one user per role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company_ids = [Command.set(cls.company.ids)]

        def extra_user(login, group):
            return new_test_user(
                cls.env, login=login, groups=f"base.group_user,intl_cooperation.group_intl_{group}",
                company_id=cls.company.id, company_ids=company_ids, email=f"{login}@example.com")

        cls.user_director = extra_user("lc_director", "director")
        cls.user_legal = extra_user("lc_legal", "legal")
        cls.user_registrar = extra_user("lc_registrar", "registrar")
        cls.roles = {
            "requester": cls.user_requester, "coordinator": cls.user_coordinator,
            "officer": cls.user_officer, "director": cls.user_director,
            "management": cls.user_management, "legal": cls.user_legal,
            "accountant": cls.user_accountant, "hr": cls.user_hr, "registrar": cls.user_registrar,
        }
        cls.agreement = cls.env["intl.agreement"].create({
            "title": "Lifecycle test agreement", "partner_id": cls.partner_host.id,
            "kind_id": cls.env.ref("intl_cooperation.intl_agreement_kind_memorandum").id,
            "institute_id": cls.institute.id, "company_id": cls.company.id,
        })
        cls.plan_line = cls.env["intl.agreement.plan.line"].create({
            "agreement_id": cls.agreement.id, "name": "Guest lecture",
            "employee_id": cls.employee_requester.id, "date_deadline": cls.today + timedelta(days=60),
        })
        cls.visit = cls.env["intl.delegation"].create({
            "partner_id": cls.partner_host.id, "purpose": "Lifecycle test visit",
            "date_arrival": cls.today + timedelta(days=20),
            "date_departure": cls.today + timedelta(days=22),
            "institute_id": cls.institute.id, "company_id": cls.company.id,
            "member_ids": [Command.create({"first_name": "Anna", "surname": "Schmidt"})],
        })

    def _forge_cases(self):
        """(record, {field: forged value}) for every process model."""
        trip = self._create_trip()
        approved = self._approve(self._create_trip(departure=self.today + timedelta(days=40)))
        payment = self.env["intl.trip.payment"].with_user(self.user_accountant).create({
            "trip_id": approved.id, "amount": 1000.0,
            "journal_id": self.company.intl_advance_journal_id.id})
        payment._post()
        extension = self.env["intl.trip.extension"].with_user(self.user_requester).create({
            "trip_id": approved.id, "date_to": approved.approved_date_to + timedelta(days=2),
            "reason": "The conference was extended."})
        report = self.env["intl.trip.advance.report"].sudo()._lifecycle_create([{
            "trip_id": approved.id,
            "line_ids": [Command.create({"category_id": self.cat_fares.id, "name": "Train",
                                         "amount": 100.0, "currency_id": self.kzt.id})]}])
        case = self.env["intl.disciplinary.case"]._open_for_trips(approved, "no_return")
        move = payment.move_id
        activity = self.env["mail.activity"].create({
            "res_model_id": self.env["ir.model"]._get_id("intl.agreement"),
            "res_id": self.agreement.id, "user_id": self.user_officer.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id})
        return [
            (trip, {"state": "approved", "order_number": "FORGED/1", "order_date": self.today,
                    "approved_date_from": self.today, "approved_date_to": self.today,
                    "late_submission_reason": "mine", "late_submission_user_id": self.user_management.id,
                    "date_return_actual": self.today, "report_deadline": self.today,
                    "settled_date": self.today, "amount_spent": 1e6, "money_state": "settled"}),
            (trip.estimate_line_ids[:1], {"amount_company": 1.0, "amount": 1.0}),
            (trip.document_line_ids[:1], {"state": "verified", "verified_by_id": self.user_officer.id,
                                          "required": False, "res_model": "intl.agreement",
                                          "res_id": self.agreement.id}),
            (approved.approval_line_ids[:1], {"state": "pending", "user_ids": [Command.set(
                self.user_requester.ids)], "is_current": False}),
            (approved, {"state": "returned", "date_return_actual": self.today}),
            (extension, {"state": "approved", "previous_date_to": self.today}),
            (payment, {"state": "draft", "amount": 1.0, "move_id": False}),
            (report, {"state": "posted", "move_id": move.id, "approved_by_id": self.user_accountant.id}),
            (report.line_ids[:1], {"amount_company": 1.0}),
            (case, {"state": "closed", "decision_date": self.today, "sanction_valid_until": self.today}),
            (self.agreement, {"state": "in_force", "date_terminated": self.today}),
            (self.plan_line, {"state": "done", "overdue_activity_id": activity.id}),
            (self.visit, {"state": "approved", "refusal_reason": "x", "cancel_reason": "x",
                          "member_count": 40}),
        ]


@tagged("post_install", "-at_install")
class TestLifecycleWorkflowFields(LifecycleCommon):
    """No role sets a status or a workflow field through write or create."""

    def test_write_refused_for_every_role(self):
        for record, forged in self._forge_cases():
            for role, user in self.roles.items():
                for field, value in forged.items():
                    with self.subTest(model=record._name, role=role, field=field):
                        before = record.sudo().read([field])[0][field]
                        with self.assertRaises(REFUSED):
                            record.with_user(user).write({field: value})
                        record.invalidate_recordset()
                        self.assertEqual(record.sudo().read([field])[0][field], before)

    def test_create_refused_for_every_role(self):
        trip_vals = self._trip_vals()
        cases = [
            ("intl.trip", dict(trip_vals, state="approved", order_number="FORGED/2")),
            ("intl.trip", dict(trip_vals, late_submission_reason="I allow myself")),
            ("intl.agreement", {"title": "Forged", "partner_id": self.partner_host.id,
                                "kind_id": self.agreement.kind_id.id,
                                "institute_id": self.institute.id, "state": "in_force"}),
            ("intl.delegation", {"partner_id": self.partner_host.id, "purpose": "Forged",
                                 "date_arrival": self.today, "date_departure": self.today,
                                 "institute_id": self.institute.id, "state": "approved"}),
            ("intl.agreement.plan.line", {"agreement_id": self.agreement.id, "name": "Forged",
                                          "state": "done"}),
            ("intl.document.line", {"res_model": "intl.agreement", "res_id": self.agreement.id,
                                    "type_id": self.env["intl.document.type"].search([], limit=1).id,
                                    "state": "verified"}),
            ("intl.approval.line", {"res_model": "intl.agreement", "res_id": self.agreement.id,
                                    "name": "Forged", "state": "approved"}),
            ("intl.disciplinary.case", {"employee_id": self.employee_requester.id,
                                        "kind": "late_return", "state": "closed"}),
        ]
        for model, vals in cases:
            for role, user in self.roles.items():
                with self.subTest(model=model, role=role, fields=sorted(vals)):
                    count = self.env[model].search_count([])
                    with self.assertRaises(REFUSED):
                        self.env[model].with_user(user).create(vals)
                    self.assertEqual(self.env[model].search_count([]), count)

    def test_context_defaults_are_ignored(self):
        trip = self.env["intl.trip"].with_user(self.user_requester).with_context(
            default_state="approved", default_order_number="FORGED/3").create(self._trip_vals())
        trip.invalidate_recordset()
        self.assertEqual(trip.read(["state", "order_number"])[0],
                         {"id": trip.id, "state": "draft", "order_number": False})

    def test_context_keys_of_old_bypasses_do_nothing(self):
        trip = self._approve(self._create_trip())
        for key in ("intl_trip_order", "intl_lifecycle_path", "install_mode"):
            with self.subTest(key=key), self.assertRaises(UserError):
                trip.with_user(self.user_officer).with_context(**{key: True}).write(
                    {"approved_date_to": self.today + timedelta(days=300)})


@tagged("post_install", "-at_install")
class TestLifecycleBypasses(LifecycleCommon):
    """Each bypass of the issue, tried as the role named."""

    def test_requester_cannot_make_an_approved_trip(self):
        with self.assertRaises(UserError):
            self.env["intl.trip"].with_user(self.user_requester).create(
                self._trip_vals(state="approved", order_number="ORD/FORGED"))
        trip = self._create_trip()
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester).write({"state": "returned"})
        trip.invalidate_recordset()
        self.assertEqual(trip.read(["state"])[0]["state"], "draft")

    def test_requester_cannot_post_their_advance_report(self):
        trip = self._create_trip(departure=self.today - timedelta(days=6), days=3)
        trip.with_user(self.user_management)._do_allow_late_submission("Recorded after the fact")
        self._approve(trip)
        trip.with_user(self.user_head)._register_return(trip.approved_date_to)
        report = self.env["intl.trip.advance.report"].with_user(self.user_requester).create({
            "trip_id": trip.id, "line_ids": [Command.create({
                "category_id": self.cat_fares.id, "name": "Train", "amount": 5000.0,
                "currency_id": self.kzt.id})]})
        with self.assertRaises(UserError):
            report.with_user(self.user_requester).write({"state": "posted"})
        with self.assertRaises(UserError):
            report.with_user(self.user_requester).action_post()
        report.invalidate_recordset()
        self.assertEqual(report.read(["state", "move_id"])[0]["state"], "draft")
        self.assertEqual(trip.amount_spent, 0.0)
        with self.assertRaises(UserError):  # nothing was posted, so nothing to settle
            trip.with_user(self.user_accountant).action_settle()

    def test_requester_cannot_verify_their_documents(self):
        trip = self._create_trip()
        line = trip.document_line_ids.filtered("required")[:1]
        with self.assertRaises(UserError):
            line.with_user(self.user_requester).write({"state": "verified"})
        with self.assertRaises(UserError):
            line.with_user(self.user_requester).action_verify()
        line.invalidate_recordset()
        self.assertNotEqual(line.read(["state"])[0]["state"], "verified")

    def test_coordinator_cannot_put_an_agreement_in_force(self):
        with self.assertRaises(UserError):
            self.agreement.with_user(self.user_coordinator).write({"state": "in_force"})
        self.agreement.invalidate_recordset()
        self.assertEqual(self.agreement.read(["state"])[0]["state"], "draft")

    def test_kanban_drag_does_not_change_a_status(self):
        # dragging a card writes the grouped status: refused like any other write
        for record in (self.agreement, self.visit, self._create_trip()):
            with self.subTest(model=record._name), self.assertRaises(UserError):
                record.with_user(self.user_officer).write({"state": "cancel"})

    def test_approval_round_is_not_reused(self):
        trip = self._approve(self._create_trip())
        first_round = trip.approval_line_ids
        trip.with_user(self.user_requester).action_cancel()
        self.assertFalse(any(first_round.mapped("is_current")), "cancelling closes the round")
        trip._lifecycle_write({"order_date": False})  # an order never issued (test setup)
        trip.with_user(self.user_requester).action_draft()
        trip.with_user(self.user_requester).write({"purpose": "Edited after approval"})
        trip.with_user(self.user_requester).action_submit()
        self.assertEqual(trip.state, "to_head", "a new round starts from its first step")
        current = trip.approval_line_ids.filtered("is_current")
        self.assertEqual(set(current.mapped("round")), {2})
        self.assertEqual(current.mapped("state").count("approved"), 0)

    def test_legal_reviewer_cannot_write_in_force(self):
        with self.assertRaises(UserError):
            self.agreement.with_user(self.user_legal).write({"state": "in_force"})
        with self.assertRaises(UserError):
            self.agreement.with_user(self.user_legal).action_sign()

    def test_responsible_cannot_point_their_plan_line_at_another_activity(self):
        foreign = self.env["mail.activity"].create({
            "res_model_id": self.env["ir.model"]._get_id("intl.agreement"),
            "res_id": self.agreement.id, "user_id": self.user_officer.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
        })
        with self.assertRaises(UserError):
            self.plan_line.with_user(self.user_requester).write({"overdue_activity_id": foreign.id})
        self.assertTrue(foreign.exists())

    def test_traveller_cannot_grant_their_own_override_or_dates(self):
        trip = self._create_trip()
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester).write({"late_submission_reason": "I allow it",
                                                       "late_submission_user_id": self.user_requester.id})
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester).action_allow_late_submission()
        approved = self._approve(self._create_trip(departure=self.today + timedelta(days=40)))
        for vals in ({"date_return_actual": approved.approved_date_to},
                     {"report_deadline": self.today + timedelta(days=365)}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                approved.with_user(self.user_requester).write(vals)

    def test_nobody_decides_their_own_trip(self):
        for user, employee, stage in ((self.user_officer, self.employee_officer, "to_dic"),
                                      (self.user_management, self.employee_management, "to_management")):
            with self.subTest(user=user.login):
                trip = self.env["intl.trip"].with_user(user).create(
                    self._trip_vals(employee_id=employee.id))
                trip.write({"estimate_line_ids": [Command.create({
                    "category_id": self.cat_fares.id, "quantity": 1, "unit_amount": 1000.0,
                    "currency_id": self.kzt.id})]})
                self._attach_documents(trip, user)
                trip.with_user(user).action_submit()
                while trip.state != stage:
                    if trip.state == "to_dic":
                        self._verify_documents(trip)
                    trip.with_user((trip.approval_user_ids - user)[:1]).action_approval_approve()
                trip.invalidate_recordset()
                self.assertNotIn(user, trip.approval_user_ids)
                self.assertFalse(trip.with_user(user).can_approve)
                self.assertIn("someone else", trip.with_user(user).approval_reason)
                with self.assertRaises(UserError):
                    trip.with_user(user).action_approval_approve()

    def test_step_without_other_approver_goes_to_the_dic_director(self):
        # the traveller heads their own unit and institute: the unit-head step escalates
        self.department.manager_id = self.employee_requester
        self.institute.manager_id = self.employee_requester
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        self.assertNotIn(self.user_requester, trip.approval_user_ids)
        self.assertIn(self.user_director, trip.approval_user_ids)
        trip.with_user(self.user_director).action_approval_approve()
        self.assertEqual(trip.state, "to_dic")

    def test_removed_approver_can_no_longer_decide(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        trip.with_user(self.user_head).action_approval_approve()
        self._verify_documents(trip)
        self.assertIn(self.user_officer, trip.approval_user_ids)
        self.user_officer.groups_id = [Command.unlink(
            self.env.ref("intl_cooperation.group_intl_officer").id)]
        trip.invalidate_recordset()
        self.assertFalse(trip.with_user(self.user_officer).can_approve)
        with self.assertRaises(REFUSED):
            trip.with_user(self.user_officer).action_approval_approve()
        self.assertEqual(trip.state, "to_dic")

    def test_management_loses_write_once_it_decided(self):
        self.visit.write({"cooperation_level": "Good", "prospects": "Many"})
        attach_paper(self.visit, "intl_document_type_service_memo", self.user_officer)
        self.visit.with_user(self.user_officer).action_request_decision()
        self.assertIn(self.user_management, self.visit.approval_user_ids)
        self.visit.with_user(self.user_management).action_approval_approve()
        self.assertEqual(self.visit.state, "approved")
        with self.assertRaises(AccessError):
            self.visit.with_user(self.user_management).write({"purpose": "Changed by Management"})

    def test_accountant_cannot_edit_a_posted_payment(self):
        trip = self._approve(self._create_trip())
        payment = self.env["intl.trip.payment"].with_user(self.user_accountant).create({
            "trip_id": trip.id, "amount": 1000.0,
            "journal_id": self.company.intl_advance_journal_id.id})
        payment._post()
        for vals in ({"amount": 1.0}, {"date": self.today - timedelta(days=30)}, {"kind": "return"}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                payment.with_user(self.user_accountant).write(vals)
        payment.invalidate_recordset()
        self.assertEqual(payment.read(["amount"])[0]["amount"], 1000.0)

    def test_each_role_reads_what_it_works_on(self):
        """Positive access, read through ``read()`` so that the record rules apply."""
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        trip.invalidate_recordset()
        self.assertEqual(trip.with_user(self.user_requester).read(["state"])[0]["state"], "to_head")
        self.assertEqual(trip.with_user(self.user_head).read(["state"])[0]["state"], "to_head")
        self.assertTrue(trip.document_line_ids.with_user(self.user_officer).read(["state"]))
        self.assertTrue(trip.with_user(self.user_head).read(["can_approve"])[0]["can_approve"])
        approved = self._approve(self._create_trip(departure=self.today + timedelta(days=40)))
        payment = self.env["intl.trip.payment"].with_user(self.user_accountant).create({
            "trip_id": approved.id, "amount": 500.0,
            "journal_id": self.company.intl_advance_journal_id.id})
        payment._post()
        payment.invalidate_recordset()
        self.assertEqual(payment.with_user(self.user_accountant).read(["state"])[0]["state"], "posted")
        case = self.env["intl.disciplinary.case"]._open_for_trips(approved, "no_return")
        case.invalidate_recordset()
        self.assertEqual(case.with_user(self.user_hr).read(["state"])[0]["state"], "open")
        self.visit.invalidate_recordset()
        self.assertEqual(self.visit.with_user(self.user_management).read(["state"])[0]["state"], "draft")

    def test_route_step_status_checked_against_the_model(self):
        route = self.env.ref("intl_cooperation.intl_approval_route_trip",
                             raise_if_not_found=False) or self.env["intl.approval.route"].search(
            [("model", "=", "intl.trip")], limit=1)
        with self.assertRaises(ValidationError):
            route.step_ids[:1].record_state = "approved_by_nobody"


@tagged("post_install", "-at_install")
class TestLifecycleFuzz(LifecycleCommon):
    """What a user can type never crashes a form."""

    def test_absurd_estimate_amount_refused(self):
        trip = self._create_trip()
        with self.assertRaises(ValidationError):
            trip.with_user(self.user_requester).write({"estimate_line_ids": [Command.create({
                "category_id": self.cat_fares.id, "quantity": 1, "unit_amount": 1e30,
                "currency_id": self.kzt.id})]})
        with self.assertRaises(ValidationError):
            trip.with_user(self.user_requester).write({"estimate_line_ids": [Command.create({
                "category_id": self.cat_fares.id, "quantity": -1, "unit_amount": 10.0,
                "currency_id": self.kzt.id})]})
        self.assertEqual(self.kzt.intl_amount_to_words(1e30), "")
        trip.invalidate_recordset()
        self.assertTrue(trip.read(["estimate_total_words"])[0]["estimate_total_words"])

    def test_extension_dates_refused_clearly(self):
        trip = self._approve(self._create_trip())
        Extension = self.env["intl.trip.extension"].with_user(self.user_requester)
        for date_to in (False, "", "not a date", "99999-01-01",
                        fields.Date.to_string(trip.approved_date_to + timedelta(days=4000))):
            with self.subTest(date_to=date_to), self.assertRaises(UserError):
                Extension.create({"trip_id": trip.id, "date_to": date_to, "reason": "Fuzz"})


@tagged("post_install", "-at_install")
class TestLifecycleJsonRpc(JsonRpcRefusalMixin, LifecycleCommon, HttpCase):
    """The same refusals over JSON-RPC, as a logged-in user."""

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_json_rpc_refuses_every_workflow_field(self):
        self.user_requester.password = "requester-pw-2"
        cases = self._forge_cases()
        self.authenticate(self.user_requester.login, "requester-pw-2")
        # what the traveller may not write at all is refused by access; the rest (their own trip,
        # its lines and report) by the engine, field by field
        no_access = {"intl.agreement", "intl.approval.line", "intl.delegation", "intl.disciplinary.case",
                     "intl.trip.extension", "intl.trip.payment"}
        for record, forged in cases:
            for field, value in forged.items():
                if isinstance(value, date):
                    value = fields.Date.to_string(value)
                with self.subTest(model=record._name, field=field):
                    before = record.sudo().read([field])[0][field]
                    with self.assertRpcRefused(AccessError if record._name in no_access else UserError):
                        self._call(record._name, "write", [record.ids, {field: value}])
                    record.invalidate_recordset()
                    self.assertEqual(record.sudo().read([field])[0][field], before)

    @mute_logger("odoo.http")
    def test_json_rpc_cannot_set_workflow_fields(self):
        self.user_requester.password = "requester-pw-1"
        self.user_coordinator.password = "coordinator-pw-1"
        trip = self._create_trip()
        self.authenticate(self.user_requester.login, "requester-pw-1")
        for vals in ({"state": "approved"}, {"order_number": "RPC/1"},
                     {"late_submission_reason": "mine"}, {"date_return_actual": "2026-01-01"}):
            with self.subTest(vals=vals), self.assertRpcRefused(UserError):
                self._call("intl.trip", "write", [[trip.id], vals])
        with self.assertRpcRefused(UserError):
            self._call("intl.trip", "create", [[dict(self._trip_vals(), state="approved",
                                                     date_departure=str(self.today + timedelta(days=30)),
                                                     date_return=str(self.today + timedelta(days=34)))]],
                       {"context": {"intl_lifecycle_path": True, "install_mode": True}})
        line = trip.document_line_ids[:1]
        with self.assertRpcRefused(UserError):
            self._call("intl.document.line", "write", [[line.id], {"state": "verified"}])
        # what the traveller may do goes through
        self._call("intl.trip", "write", [[trip.id], {"city": "Munich"}])
        self.authenticate(self.user_coordinator.login, "coordinator-pw-1")
        with self.assertRpcRefused(UserError):
            self._call("intl.agreement", "write", [[self.agreement.id], {"state": "in_force"}])
        trip.invalidate_recordset()
        self.agreement.invalidate_recordset()
        self.assertEqual(trip.read(["state", "city", "order_number"])[0],
                         {"id": trip.id, "state": "draft", "city": "Munich", "order_number": False})
        self.assertEqual(self.agreement.read(["state"])[0]["state"], "draft")
