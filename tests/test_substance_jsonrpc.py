from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common_trip import IntlTripMoneyCommon
from .degree_common import DegreeCommon

USER_ERROR = "odoo.exceptions.UserError"
ACCESS_ERROR = "odoo.exceptions.AccessError"


@tagged("post_install", "-at_install")
class TestSubstanceJsonRpc(IntlTripMoneyCommon, HttpCase):
    """Over JSON-RPC, as each role: what an approval, a posting or a decision fixed stays
    fixed; nobody acts on what concerns them; the chatter door is the server's."""

    def _login(self, user):
        user.password = f"{user.login}-pw-1"
        self.authenticate(user.login, f"{user.login}-pw-1")

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    def _refused(self, exception, model, method, args, kwargs=None):
        with self.assertRaises(JsonRpcException) as caught:
            self._call(model, method, args, kwargs)
        self.assertEqual(caught.exception.args[0], exception, (model, method, args))

    def _posted_trip(self):
        trip = self._approve(self._create_trip())
        self._pay(trip, 100000.0)
        self._return(trip)
        report = self._report(trip, [(self.cat_fares, 80000.0, self.kzt)])
        self.assertEqual(report.state, "posted")
        return trip, report

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_requester_moves_no_line_into_a_decided_parent(self):
        trip, report = self._posted_trip()
        total = report.total_amount
        draft_trip = self._create_trip(departure=self.today + timedelta(days=90))
        self._login(self.user_requester)
        # an expense line of a draft report moved into the posted report
        draft_report = self.env["intl.trip.advance.report"].with_user(self.user_requester).create({
            "trip_id": trip.id, "date": trip.date_return_actual})
        line_id = self._call("intl.trip.advance.report.line", "create", [{
            "report_id": draft_report.id, "category_id": self.cat_fares.id, "name": "Taxi",
            "amount": 900000.0, "currency_id": self.kzt.id, "date": str(trip.date_departure)}])
        line_id = line_id[0] if isinstance(line_id, list) else line_id
        # the requester's record rules already refuse most of it; the lock refuses it to every
        # role, the accountant included (below)
        new_line = {"report_id": report.id, "category_id": self.cat_fares.id, "name": "Taxi",
                    "amount": 900000.0, "currency_id": self.kzt.id, "date": str(trip.date_departure)}
        posted_line = report.line_ids[:1]
        attempts = [
            ("intl.trip.advance.report.line", "write", [[line_id], {"report_id": report.id}]),
            ("intl.trip.advance.report.line", "create", [new_line]),
            ("intl.trip.advance.report", "write", [[report.id], {
                "line_ids": [Command.update(posted_line.id, {"amount": 1.0})]}]),
        ]
        for model, method, args in attempts:
            with self.subTest(model=model, method=method), \
                    self.assertRaises(JsonRpcException) as caught:
                self._call(model, method, args)
            self.assertIn(caught.exception.args[0], (ACCESS_ERROR, USER_ERROR))
        # an estimate line of their draft trip moved into their approved trip: the lock
        estimate = draft_trip.estimate_line_ids[:1]
        self._refused(USER_ERROR, "intl.trip.estimate.line", "write",
                      [[estimate.id], {"trip_id": trip.id}])
        self._login(self.user_accountant)
        for model, method, args in [*attempts, (
                "intl.trip.advance.report", "write", [[report.id], {"line_ids": [Command.link(line_id)]}]),
                ("intl.trip.advance.report.line", "unlink", [posted_line.ids])]:
            with self.subTest(model=model, method=method, role="accountant"):
                self._refused(USER_ERROR, model, method, args)
        self._login(self.user_requester)
        report.invalidate_recordset()
        trip.invalidate_recordset()
        self.assertEqual(report.read(["total_amount"])[0]["total_amount"], total)
        self.assertEqual(len(trip.estimate_line_ids), 2)
        # the traveller's own draft still works
        self._call("intl.trip.advance.report.line", "write", [[line_id], {"amount": 1000.0}])

    @mute_logger("odoo.http")
    def test_no_role_changes_the_traveller_of_an_approved_trip(self):
        trip = self._approve(self._create_trip())
        for user in (self.user_accountant, self.user_management, self.user_officer):
            self._login(user)
            with self.subTest(user=user.login):
                self._refused(USER_ERROR, "intl.trip", "write", [[trip.id], {
                    "employee_id": self.employee_requester_other.id}])
                self._refused(USER_ERROR, "intl.trip", "write", [[trip.id], {
                    "date_return": str(trip.date_return + timedelta(days=3))}])
                # a related field would write the traveller's employee record
                self._refused(USER_ERROR, "intl.trip", "write", [[trip.id], {
                    "user_id": user.id}])
        trip.invalidate_recordset()
        self.assertEqual(trip.read(["employee_id"])[0]["employee_id"][0], self.employee_requester.id)
        self.assertEqual(self.employee_requester.user_id, self.user_requester)

    @mute_logger("odoo.http")
    def test_nobody_acts_on_what_concerns_them(self):
        # the accountant's own trip, still a draft: no reimbursement to themselves
        own = self.env["intl.trip"].with_user(self.user_accountant).create(self._trip_vals(
            employee_id=self.employee_accountant.id))
        self._login(self.user_accountant)
        wizard = self._call("intl.trip.payment.wizard", "create", [{
            "trip_id": own.id, "kind": "reimbursement", "amount": 1000000.0}],
            {"context": {"default_trip_id": own.id, "default_kind": "reimbursement"}})
        wizard = wizard[0] if isinstance(wizard, list) else wizard
        self._refused(USER_ERROR, "intl.trip.payment.wizard", "action_confirm", [[wizard]])
        self.assertFalse(own.payment_ids)
        self.assertTrue(own.with_user(self.user_accountant).lifecycle_act_reason)
        # a Management member does not allow their own late submission
        late = self.env["intl.trip"].with_user(self.user_management).create(self._trip_vals(
            employee_id=self.employee_management.id, departure=self.today + timedelta(days=3)))
        self._login(self.user_management)
        wizard = self._call("intl.trip.override", "create", [{"trip_id": late.id, "reason": "urgent"}])
        wizard = wizard[0] if isinstance(wizard, list) else wizard
        self._refused(USER_ERROR, "intl.trip.override", "action_confirm", [[wizard]])
        self.assertFalse(late.late_submission_user_id)

    @mute_logger("odoo.http")
    def test_working_time_is_hrs(self):
        resource = self.employee_requester.resource_id
        self._login(self.user_requester)
        start = datetime.combine(self.today, datetime.min.time())
        self._refused(ACCESS_ERROR, "resource.calendar.leaves", "create", [{
            "name": "My own day off", "resource_id": resource.id,
            "date_from": fields.Datetime.to_string(start),
            "date_to": fields.Datetime.to_string(start + timedelta(days=3)),
            "calendar_id": self.employee_requester.resource_calendar_id.id}])
        self.assertFalse(self.env["resource.calendar.leaves"].search([
            ("resource_id", "=", resource.id), ("name", "=", "My own day off")]))
        # a leave typed for the employee alone (not a validated time off) is not subtracted
        calendar = self.employee_requester.resource_calendar_id
        monday = self.today + timedelta(days=7 - self.today.weekday())
        Case = self.env["intl.disciplinary.case"]
        start = Case._day_start(self.employee_requester, monday)
        end = Case._day_start(self.employee_requester, monday + timedelta(days=1))
        before = Case._missed_working_time(self.employee_requester, start, end)
        self.env["resource.calendar.leaves"].create({
            "name": "Typed by someone", "resource_id": resource.id, "calendar_id": calendar.id,
            "date_from": start, "date_to": end})
        self.assertEqual(Case._missed_working_time(self.employee_requester, start, end), before)
        self.assertGreater(before[0], 0)

    @mute_logger("odoo.http")
    def test_chatter_door_is_the_servers(self):
        trip = self._create_trip()
        secret = self.env["intl.trip"].create(self._trip_vals(
            employee_id=self.employee_requester_other.id, purpose="Secret purpose"))
        self._login(self.user_requester)
        forged = "<img src=x onerror=alert(1)>"
        message_id = self._call("intl.trip", "message_post", [[trip.id]], {
            "body": "Hello <b>officer</b>", "intl_body_key": forged,
            "intl_body_params": {"x": {"_ref": "intl.trip", "_ids": [secret.id]},
                                 "_lines": [[forged, {}]]}})
        message = self.env["mail.message"].browse(message_id)
        self.assertFalse(message.intl_body_key)
        self.assertFalse(message.intl_body_params)
        self.assertNotIn("<b>", message.body)
        self.assertIn("&lt;b&gt;", message.body)
        # nor through mail.message itself
        self._refused(ACCESS_ERROR, "mail.message", "write", [[message_id], {"intl_body_key": forged}])
        created = self._call("mail.message", "create", [{
            "model": "intl.trip", "res_id": trip.id, "body": "x", "message_type": "comment",
            "intl_body_key": forged, "intl_body_params": {"x": {"_html": forged}}}])
        created = self.env["mail.message"].browse(created[0] if isinstance(created, list) else created)
        self.assertFalse(created.intl_body_key)
        # a key that is not one of the module's sources never renders as markup (even one
        # planted in the database): the stored, sanitized body is shown
        from ..tools import intl_message
        planted = created.sudo().with_context(**{intl_message.TOKEN_KEY: intl_message.TOKEN})
        planted.write({"intl_body_key": forged, "intl_body_params": {}})
        self.assertNotIn("onerror", str(planted._intl_body_in_lang("en_US")))
        # the module's own messages still carry their key
        trip.with_user(self.user_requester).action_submit()
        keyed = trip.message_ids.filtered("intl_body_key")
        self.assertTrue(keyed)
        # a reference renders with the reader's rights
        env = self.env(user=self.user_requester)
        rendered = intl_message.render_value(env, {"_ref": "intl.trip", "_ids": [secret.id]})
        self.assertNotIn(secret.name, rendered)

    @mute_logger("odoo.http")
    def test_officer_acts_not_on_their_own_file(self):
        """An officer verifies no document of their own trip and approves no extension they
        requested (another officer does)."""
        own = self.env["intl.trip"].with_user(self.user_officer).create(self._trip_vals(
            employee_id=self.employee_officer.id))
        self._attach_documents(own, self.user_officer)
        line = own.sudo().document_line_ids.filtered(lambda doc: doc.state == "received")[:1]
        self.assertTrue(line)
        other_officer = new_test_user(
            self.env, login="sub_officer_2", groups="base.group_user,intl_cooperation.group_intl_officer",
            company_id=self.company.id, company_ids=[Command.set(self.company.ids)])
        trip = self._approve(self._create_trip())
        end = trip.approved_date_to
        self.env["intl.trip.extension"].with_user(self.user_officer).create({
            "trip_id": trip.id, "date_to": end + timedelta(days=2), "reason": "The workshop goes on."})
        self._login(self.user_officer)
        self._refused(USER_ERROR, "intl.document.line", "action_verify", [line.ids])
        self._refused(USER_ERROR, "intl.trip", "action_approval_approve", [trip.ids])
        line.invalidate_recordset()
        trip.invalidate_recordset()
        self.assertEqual(line.read(["state"])[0]["state"], "received")
        self.assertEqual(trip.read(["approved_date_to"])[0]["approved_date_to"], end)
        # the other officer decides the DIC step of the extension
        trip.with_user(other_officer).action_approval_approve()
        line.with_user(other_officer)._do_check_all()
        self.assertEqual(line.state, "verified")

    @mute_logger("odoo.http")
    def test_odoo_doors_and_own_case_over_json_rpc(self):
        """Odoo's own buttons, the files of what was verified or posted, the org chart and a
        case about oneself: refused over JSON-RPC to the role named in the issue."""
        trip, report = self._posted_trip()
        payment = trip.payment_ids.filtered(lambda pay: pay.state == "posted")[:1].sudo()
        receipt = report.sudo().line_ids.attachment_ids[:1]
        # DIC verified the file on the way (_approve)
        document = trip.sudo().document_line_ids.filtered(lambda doc: doc.state == "verified")[:1]
        self.assertTrue(document.attachment_ids)
        scan = document.attachment_ids[:1]
        # the accountant resets nothing the trip rests on
        self._login(self.user_accountant)
        doors = [("account.move", "button_draft", [payment.move_id.ids]),
                 ("account.move", "button_draft", [report.sudo().move_id.ids])]
        if payment.account_payment_id:
            doors.append(("account.payment", "action_draft", [payment.account_payment_id.ids]))
        for model, method, args in doors:
            with self.subTest(model=model, method=method), \
                    self.assertRaises(JsonRpcException) as caught:
                self._call(model, method, args)
            self.assertIn(caught.exception.args[0], (USER_ERROR, ACCESS_ERROR))
        # the traveller replaces no receipt of the posted report nor the verified scan
        self._login(self.user_requester)
        forged = "JVBERi0xLjQgZm9yZ2Vk"  # %PDF-1.4 forged
        for attachment in (receipt, scan):
            with self.subTest(file=attachment.name), self.assertRaises(JsonRpcException) as caught:
                self._call("ir.attachment", "write", [attachment.ids, {"datas": forged}])
            self.assertIn(caught.exception.args[0], (USER_ERROR, ACCESS_ERROR))
        self._refused(USER_ERROR, "intl.document.line", "write", [document.ids, {
            "attachment_ids": [Command.set([])]}])
        # DIC and HR officers do not move unit heads (they decide approvers and record rules)
        for user in (self.user_officer, self.user_hr):
            self._login(user)
            self._refused(ACCESS_ERROR, "hr.department", "write", [self.department.ids, {
                "manager_id": user.employee_id.id}])
        # HR closes no case about themselves
        own = self.env["intl.trip"].sudo().create(self._trip_vals(employee_id=self.employee_hr.id))
        case = self.env["intl.disciplinary.case"]._open_for_trips(own, "unapproved_departure")
        self._login(self.user_hr)
        self._refused(USER_ERROR, "intl.disciplinary.case", "action_close_without_sanction", [case.ids])
        for record in (payment.move_id, report.sudo().move_id, receipt, scan, document, self.department,
                       case):
            record.invalidate_recordset()
        self.assertEqual(payment.move_id.state, "posted")
        self.assertEqual(report.sudo().move_id.state, "posted")
        self.assertEqual(document.state, "verified")
        self.assertEqual(document.attachment_ids, scan)
        self.assertNotIn(b"forged", scan.raw)
        self.assertNotIn(b"forged", receipt.raw)
        self.assertEqual(self.department.manager_id, self.employee_head)
        self.assertNotEqual(case.state, "closed")


@tagged("post_install", "-at_install")
class TestSubstanceJsonRpcDegree(DegreeCommon, HttpCase):
    """Over JSON-RPC: the learner of a selected application or an approved study plan and the
    partner of an agreement in legal review stay as decided; nobody plants a grade elsewhere."""

    def _login(self, user):
        user.password = f"{user.login}-pw-1"
        self.authenticate(user.login, f"{user.login}-pw-1")

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    def _refused(self, exception, model, method, args, kwargs=None):
        with self.assertRaises(JsonRpcException) as caught:
            self._call(model, method, args, kwargs)
        self.assertEqual(caught.exception.args[0], exception, (model, method, args))

    @mute_logger("odoo.http")
    def test_decided_learner_and_partner_stay(self):
        learner = self._create_learner("ST-LOCK-1")
        other = self._create_learner("ST-LOCK-2")
        application = self._apply(learner)
        self.intake.action_close_applications()
        self.intake.decision_ref = "No. 7"
        self.intake.with_user(self.user_director_institute).action_decide()
        self.assertEqual(application.state, "selected")
        action = application.with_user(self.user_coordinator).action_create_study_plan()
        plan = self.env["intl.study.plan"].browse(action["res_id"])
        plan.sudo()._lifecycle_write({"state": "approved"})
        agreement = self.env["intl.agreement"].with_user(self.user_coordinator).create({
            "title": "Memorandum (lock test)", "partner_id": self.partner_institution.id,
            "kind_id": self.programme.agreement_id.kind_id.id, "institute_id": self.institute.id})
        agreement.sudo()._lifecycle_write({"state": "legal_review"})
        partner = self.env["res.partner"].create({"name": "Another University", "is_company": True})
        self._login(self.user_coordinator)
        self._refused(USER_ERROR, "intl.degree.application", "write",
                      [[application.id], {"learner_id": other.id}])
        with self.assertRaises(JsonRpcException) as caught:
            self._call("intl.agreement", "write", [[agreement.id], {"partner_id": partner.id}])
        self.assertIn(caught.exception.args[0], (USER_ERROR, ACCESS_ERROR))
        # the receipt of DIC's copy is the server's (action_dic_copy_received), never typed
        with self.assertRaises(JsonRpcException) as caught:
            self._call("intl.agreement", "write", [[agreement.id], {"date_dic_copy_received": "2026-01-01"}])
        self.assertIn(caught.exception.args[0], (USER_ERROR, ACCESS_ERROR))
        self.assertFalse(agreement.sudo().date_dic_copy_received)
        # DIC, who may write agreements and plans, is refused too: the lock, not a rule
        self._login(self.user_officer)
        self._refused(USER_ERROR, "intl.agreement", "write", [[agreement.id], {"partner_id": partner.id}])
        self._refused(USER_ERROR, "intl.study.plan", "write",
                      [[plan.id], {"line_ids": [Command.create({
                          "home_discipline": "Planted", "home_credits": 5, "partner_discipline": "X",
                          "partner_credits": 5})]}])
        self._login(self.user_registrar)
        # a grade of one learner is never moved to another
        grade = learner.grade_ids[:1]
        self._refused(USER_ERROR, "intl.learner.grade", "write", [[grade.id], {"learner_id": other.id}])
        self._refused(USER_ERROR, "intl.study.plan", "write", [[plan.id], {"learner_id": other.id}])
        plan.invalidate_recordset()
        application.invalidate_recordset()
        agreement.invalidate_recordset()
        self.assertEqual(plan.learner_id, learner)
        self.assertEqual(application.learner_id, learner)
        self.assertEqual(agreement.partner_id, self.partner_institution)
        self.assertEqual(grade.learner_id, learner)

    @mute_logger("odoo.http")
    def test_no_submission_around_the_transition_nor_grades_typed_in_evaluation(self):
        learner = self._create_learner("ST-LOCK-3")
        application = self._apply(learner)
        self.intake.action_close_applications()
        self.assertEqual(self.intake.state, "evaluation")
        grade = learner.grade_ids[:1]
        certificate = learner.language_ids[:1]
        self.assertTrue(grade and certificate)
        grades = learner.read(["grade_ids"])[0]["grade_ids"]
        self._login(self.user_registrar)
        # what the commission evaluates is not typed during the evaluation
        self._refused(USER_ERROR, "intl.learner.grade", "write", [grade.ids, {"grade": "A"
                      if grade.grade != "A" else "A-"}])
        self._refused(USER_ERROR, "intl.learner.grade", "create", [{
            "learner_id": learner.id, "academic_year": "2025/2026", "term": "1",
            "discipline": "Planted", "credits": 5, "grade": "A"}])
        self._refused(USER_ERROR, "intl.learner.grade", "unlink", [grade.ids])
        self._refused(USER_ERROR, "intl.learner", "write", [learner.ids, {
            "grade_ids": [Command.delete(grade.id)]}])
        learner.invalidate_recordset()
        self.assertEqual(learner.read(["grade_ids"])[0]["grade_ids"], grades)
        self.intake.decision_ref = "No. 8"
        self.intake.with_user(self.user_director_institute).action_decide()
        self.assertEqual(application.state, "selected")
        action = application.with_user(self.user_coordinator).action_create_study_plan()
        plan = self.env["intl.study.plan"].browse(action["res_id"])
        self.assertEqual(plan.state, "draft")
        # the Registrar Office decides its step of the plan; it never submits it (nor starts
        # the round around the transition)
        with self.assertRaises(JsonRpcException) as caught:
            self._call("intl.study.plan", "action_approval_submit", [plan.ids])
        self.assertIn(caught.exception.args[0], (USER_ERROR, ACCESS_ERROR))
        # nor a double-degree programme
        programme = self._create_programme()
        with self.assertRaises(JsonRpcException) as caught:
            self._call("intl.degree.programme", "action_approval_submit", [programme.ids])
        self.assertIn(caught.exception.args[0], (USER_ERROR, ACCESS_ERROR))
        plan.invalidate_recordset()
        programme.invalidate_recordset()
        self.assertEqual(plan.read(["state"])[0]["state"], "draft")
        self.assertFalse(plan.sudo().approval_line_ids)
        self.assertEqual(programme.sudo().state, "draft")
        self.assertFalse(programme.sudo().approval_line_ids)
