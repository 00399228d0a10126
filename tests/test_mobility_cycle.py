from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, TransactionCase, tagged
from odoo.tools import mute_logger

from .jsonrpc_common import JsonRpcRefusalMixin
from .test_mobility_call import MobilityCallCommon

LINES = [
    ("Machine Learning", 5.0, "Maschinelles Lernen", 6.0),
    ("Control Systems", 5.0, "Regelungstechnik", 6.0),
]


class MobilityCycleCommon(MobilityCallCommon):
    """A decided call under the agreement's conditions; nomination, acceptance and the learning agreement."""

    def setUp(self):
        super().setUp()
        self.partner_institution.email = "international@tu-test.de"

    def _decided_call(self, codes, seats=None, condition=None, **vals):
        call = self._call(condition=condition, **({"seats": seats} if seats else {}), **vals)
        call.with_user(self.user_coordinator).action_open()
        applications = [self._apply(call, learner_id=self._create_learner(code, grades=grades).id)
                        for code, grades in codes]
        call.with_user(self.user_coordinator).action_close_applications()
        call.with_user(self.user_coordinator).decision_ref = "CYCLE-1/2026"
        call.with_user(self.commission).action_decide()
        return call, applications

    def _nominate(self, application, user=None):
        """Nominate and send the letter through the composer, as the button does."""
        user = user or self.user_coordinator
        action = application.with_user(user).action_nominate()
        composer = Form(self.env["mail.compose.message"].with_user(user).with_context(**action["context"]))
        composer.save()._action_send_mail()
        return application.message_ids.filtered(lambda m: m.message_type == "comment")[:1]

    def _accept(self, application, user=None):
        application.with_user(user or self.user_coordinator).date_partner_decision = self.today
        application.with_user(user or self.user_coordinator).action_accept()
        return application.mobility_id

    def _approve(self, plan, institute_user=None):
        plan.with_user(self.user_coordinator).action_submit()
        plan.with_user(institute_user or self.user_director_institute).action_approval_approve()
        plan.with_user(self.user_registrar).action_approval_approve()
        self.assertEqual(plan.state, "approved")

    def _sign(self, plan, party, user=None, signatory=None):
        user = user or (self.user_coordinator if party == "student" else self.user_officer)
        signatory = signatory or ("Prof. Dr. Anna Weber, Erasmus+ coordinator" if party == "receiving" else None)
        plan.with_user(user).action_record_signature(party, self.today, signatory)

    def _learning_agreement(self, mobility):
        action = mobility.with_user(self.user_coordinator).action_create_learning_agreement()
        plan = self.env["intl.study.plan"].browse(action["res_id"])
        plan.with_user(self.user_coordinator).write({"line_ids": [Command.create({
            "semester": 1, "home_discipline": home, "home_credits": home_credits,
            "partner_discipline": partner, "partner_credits": partner_credits,
        }) for home, home_credits, partner, partner_credits in LINES]})
        return plan


@tagged("post_install", "-at_install")
class TestMobilityCycle(MobilityCycleCommon):
    """Conditions → call → applications → selection → nomination → acceptance → learning agreement
    (before, a change, after) → grades → recognition → the mobility closed with its credits."""

    def test_whole_cycle(self):
        call, (best, second, third) = self._decided_call(
            [("CY-1", ("A", "A", "A")), ("CY-2", ("A", "A-", "A-")), ("CY-3", ("A-", "B+", "B+"))])
        self.assertEqual([a.state for a in (best, second, third)], ["selected", "selected", "reserve"])
        # nomination: the letter goes to the partner by e-mail, in the composer, with the PDF
        with self.assertRaises(UserError):  # a reserve is not nominated
            third.with_user(self.user_coordinator).action_nominate()
        message = self._nominate(best)
        self.assertEqual((best.state, best.date_nominated, best.nominated_by_id),
                         ("nominated", self.today, self.user_coordinator))
        self.assertEqual(message.partner_ids, self.partner_institution)
        self.assertEqual(len(message.attachment_ids), 1)
        self.assertIn(best.name, message.subject)  # in the partner's language
        # the partner's decision is recorded with its date
        with self.assertRaises(UserError) as refusal:
            best.with_user(self.user_coordinator).action_accept()
        self.assertIn("date of the partner's decision", str(refusal.exception))
        best.with_user(self.user_coordinator).date_partner_decision = self.today + timedelta(days=2)
        with self.assertRaises(UserError):  # not in the future
            best.with_user(self.user_coordinator).action_accept()
        mobility = self._accept(best)
        self.assertEqual(best.state, "accepted")
        self.assertRecordValues(mobility, [{
            "state": "planned", "direction": "outgoing", "participant_type": "learner",
            "learner_id": best.learner_id.id, "partner_id": self.partner_institution.id,
            "agreement_id": self.agreement.id, "academic_year": "2026/2027", "mobility_type": "studies",
            "date_start": date(2026, 9, 1), "date_end": date(2027, 1, 31), "isced_code": "0613",
            "cefr_level": "B2", "institute_id": self.institute.id,
        }])
        self.assertEqual(mobility.application_ids, best)
        with self.assertRaises(UserError):  # the decision is recorded once
            best.with_user(self.user_coordinator).date_partner_decision = self.today - timedelta(days=1)
        self._nominate(second)
        second.with_user(self.user_coordinator).date_partner_decision = self.today
        with self.assertRaises(UserError) as refusal:
            second.with_user(self.user_coordinator).action_decline()
        self.assertIn("reason", str(refusal.exception))
        second.with_user(self.user_coordinator).decline_reason = "No place left in the master's courses."
        second.with_user(self.user_coordinator).action_decline()
        self.assertEqual((second.state, second.mobility_id.id), ("declined", False))

        # the learning agreement before the mobility
        plan = self._learning_agreement(mobility)
        self.assertRecordValues(plan, [{
            "plan_type": "learning", "learner_id": best.learner_id.id, "institute_id": self.institute.id,
            "partner_id": self.partner_institution.id, "academic_year": "2026/2027", "version": 1,
            "stage": "before", "home_credits": 10.0, "partner_credits": 12.0}])
        with self.assertRaises(UserError):  # the sending institution signs through the route only
            plan.with_user(self.user_officer).action_record_signature("sending", self.today, "DIC")
        with self.assertRaises(UserError):  # nothing is signed on a draft
            self._sign(plan, "student")
        self._approve(plan)
        self.assertEqual(plan._signed_parties("before"), {"sending"})
        with self.assertRaises(UserError):  # grades wait for the three signatures
            plan.line_ids[0].with_user(self.user_registrar).partner_grade = "1.3"
        with self.assertRaises(AccessError):  # DIC records the receiving institution's signature
            self._sign(plan, "receiving", user=self.user_coordinator)
        with self.assertRaises(UserError):
            plan.with_user(self.user_officer).action_record_signature("receiving", self.today, "")
        self._sign(plan, "student")
        self._sign(plan, "receiving")
        with self.assertRaises(UserError):  # once per stage and party
            self._sign(plan, "student")
        self.assertTrue(plan.signatures_complete)

        # a change during the mobility: a new version, the approved one stays readable
        action = plan.with_user(self.user_coordinator).action_new_version()
        change = self.env["intl.study.plan"].browse(action["res_id"])
        self.assertRecordValues(change, [{"version": 2, "previous_id": plan.id, "state": "draft",
                                          "stage": "during"}])
        with self.assertRaises(UserError):  # one change at a time
            plan.with_user(self.user_coordinator).action_new_version()
        kept, dropped = change.line_ids.sorted("id")
        with self.assertRaises(UserError):  # a component of the approved version is marked removed, not deleted
            dropped.with_user(self.user_coordinator).unlink()
        with self.assertRaises(UserError):  # nothing changed yet
            change.with_user(self.user_coordinator).action_submit()
        dropped.with_user(self.user_coordinator).change = "removed"
        change.with_user(self.user_coordinator).write({"line_ids": [Command.create({
            "semester": 1, "home_discipline": "Robotics", "home_credits": 5.0,
            "partner_discipline": "Robotik", "partner_credits": 6.0})]})
        added = change.line_ids - kept - dropped
        self.assertEqual(added.change, "added")
        with self.assertRaises(UserError) as refusal:
            change.with_user(self.user_coordinator).action_submit()
        self.assertIn("reason", str(refusal.exception))
        dropped.with_user(self.user_coordinator).change_reason = "Not taught this semester"
        added.with_user(self.user_coordinator).change_reason = "Replaces Control Systems"
        self._approve(change)
        vals = dropped.copy_data()[0]
        vals.pop("plan_id")
        with self.assertRaises(UserError) as refusal:  # the lock refuses a line created in a frozen change
            change.sudo().write({"line_ids": [Command.create(vals)]})
        self.assertNotIsInstance(refusal.exception, ValidationError)
        self.assertEqual(plan.state, "approved")  # until the change is signed by all three
        self._sign(change, "student")
        self._sign(change, "receiving")
        self.assertEqual((plan.state, change.state, change.signatures_complete), ("superseded", "approved", True))
        self.assertEqual(len(plan.line_ids), 2)  # the previous version stays readable as signed
        self.assertEqual((change.home_credits, change.partner_credits), (10.0, 12.0))

        # after the mobility: the transcript, signed, then recognised
        for line, grade in zip(kept | added, ("1.3", "2.0"), strict=True):
            line.with_user(self.user_registrar).write({"partner_grade": grade, "converted_grade": "A"})
        self.assertEqual(change.stage, "after")
        with self.assertRaises(UserError):  # the transcript's signatures come first
            change.with_user(self.user_registrar).action_recognise()
        self._sign(change, "receiving", signatory="Prof. Dr. Anna Weber (transcript of records)")
        self._sign(change, "student")
        with self.assertRaises(UserError):  # signed grades no longer change
            added.with_user(self.user_registrar).partner_grade = "1.0"
        with self.assertRaises(UserError):  # the mobility has not ended
            change.with_user(self.user_registrar).action_recognise()
        with freeze_time("2027-02-10"):
            change.with_user(self.user_registrar).action_recognise()
        self.assertEqual(change.state, "recognised")
        self.assertEqual(change._signed_parties("after"), {"student", "receiving", "sending"})
        self.assertRecordValues(mobility, [{"state": "completed", "credits_recognised": 10.0}])
        grades = best.learner_id.grade_ids.filtered(lambda g: g.source == "recognised")
        self.assertEqual(sorted(grades.mapped("discipline")), ["Machine Learning", "Robotics"])

    def test_quota_at_acceptance(self):
        """The seats of the call bound the acceptances, a reserve moved up included."""
        call, (first, reserve) = self._decided_call([("CQ-1", ("A", "A", "A")), ("CQ-2", ("A-", "A-", "A-"))],
                                                    seats=1)
        self.assertEqual(reserve.state, "reserve")
        reserve._lifecycle_run("select", by="system")  # e.g. the reserve moved up by the commission
        self._nominate(first)
        self._nominate(reserve)
        self._accept(first)
        with self.assertRaises(UserError) as refusal:
            self._accept(reserve)
        self.assertIn("seats", str(refusal.exception))
        self.assertEqual((reserve.state, reserve.mobility_id.id), ("nominated", False))
        # the condition's quota of the year counts the other calls' acceptances too
        extra = self._call(semester="spring", seats=1, quota_reason="The partner agreed to a third place.")
        self.assertTrue(extra)
        self.assertEqual(call.selected_count, 2)

    def test_who_acts(self):
        """Only the call's institute or DIC nominate and record the answer; nobody on their own application;
        the staff member signs their own mobility agreement."""
        call = self._call(condition=self.teaching)
        call.with_user(self.user_coordinator).action_open()
        own = self.env["intl.mobility.application"].with_user(self.user_director_institute).create({
            "call_id": call.id, "employee_id": self.employee_director_institute.id, "motivation": "Lectures"})
        self._attach_all(own)
        own.with_user(self.user_director_institute).action_submit()
        call.with_user(self.user_coordinator).action_close_applications()
        call.with_user(self.user_coordinator).decision_ref = "CYCLE-2/2026"
        call.with_user(self.user_officer).action_decide()
        self.assertEqual(own.state, "selected")
        with self.assertRaises(UserError) as refusal:
            own.with_user(self.user_director_institute).action_nominate()
        self.assertIn("concerns you", str(refusal.exception))
        with self.assertRaises(UserError):
            own.with_user(self.user_coordinator_other).action_nominate()
        self._nominate(own)
        with self.assertRaises(UserError):
            own.with_user(self.user_director_institute).write({"date_partner_decision": self.today})
            own.with_user(self.user_director_institute).action_accept()
        mobility = self._accept(own, user=self.user_officer)
        self.assertRecordValues(mobility, [{"participant_type": "staff", "employee_id":
                                            self.employee_director_institute.id,
                                            "date_start": date(2026, 9, 1), "date_end": date(2026, 9, 5)}])
        plan = self._learning_agreement(mobility)
        self.assertEqual(plan.plan_type, "staff")
        plan.with_user(self.user_coordinator).action_submit()
        with self.assertRaises(UserError):  # the institute's director does not approve their own agreement
            plan.with_user(self.user_director_institute).action_approval_approve()
        plan.with_user(self.user_dic_director).action_approval_approve()
        plan.with_user(self.user_registrar).action_approval_approve()
        # the staff member signs for themselves, never for the receiving institution
        plan.with_user(self.user_director_institute).action_record_signature("student")
        self.assertEqual(plan.signature_ids.filtered(lambda s: s.party == "student").date_signed, self.today)
        with self.assertRaises(AccessError):
            plan.with_user(self.user_director_institute).action_record_signature("receiving", self.today, "X")
        self._sign(plan, "receiving")
        self.assertTrue(plan.signatures_complete)
        self.assertEqual(plan.stage, "before")
        with self.assertRaises(UserError):  # a staff agreement has no transcript to recognise
            plan.with_user(self.user_registrar).action_recognise()

    def test_double_degree_plans_unchanged(self):
        """A plan belongs to one owner: a double-degree application or a mobility, never both nor none."""
        with self.assertRaises(ValidationError):
            self.env["intl.study.plan"].with_user(self.user_officer).create({})


@tagged("post_install", "-at_install")
class TestMobilityCycleJsonRpc(JsonRpcRefusalMixin, MobilityCycleCommon, HttpCase):
    """Statuses, the partner's decision, the quota and the three signatures hold over JSON-RPC."""

    def _rpc(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    @mute_logger("odoo.http")
    def test_refusals(self):
        call, (first, reserve) = self._decided_call([("CR-1", ("A", "A", "A")), ("CR-2", ("A-", "A-", "A-"))],
                                                    seats=1)
        reserve._lifecycle_run("select", by="system")
        self._nominate(first)
        self._nominate(reserve)
        self.user_coordinator.password = "coordinator-cycle-pw"
        self.authenticate(self.user_coordinator.login, "coordinator-cycle-pw")
        with self.assertRpcRefused(UserError):
            self._rpc("intl.mobility.application", "write", [first.ids, {"state": "accepted"}])
        with self.assertRpcRefused(UserError):
            self._rpc("intl.mobility.application", "write", [first.ids, {"date_nominated": "2026-01-01"}])
        mobility = self.env["intl.mobility"].search([], limit=1)
        with self.assertRpcRefused(UserError):
            self._rpc("intl.mobility.application", "write", [first.ids, {"mobility_id": mobility.id}])
        self._rpc("intl.mobility.application", "write", [(first | reserve).ids,
                                                         {"date_partner_decision": str(self.today)}])
        self._rpc("intl.mobility.application", "action_accept", [first.ids])
        with self.assertRpcRefused(UserError):  # the call's single seat is taken
            self._rpc("intl.mobility.application", "action_accept", [reserve.ids])
        with self.assertRpcRefused(UserError):  # the recorded decision is frozen
            self._rpc("intl.mobility.application", "write", [first.ids, {"date_partner_decision": "2026-01-01"}])
        first.invalidate_recordset()
        self.assertEqual((first.state, reserve.state), ("accepted", "nominated"))

        plan = self._learning_agreement(first.mobility_id)
        self._approve(plan)
        with self.assertRpcRefused(UserError):  # signatures are the engine's
            self._rpc("intl.study.plan.signature", "create", [{
                "plan_id": plan.id, "stage": "before", "party": "receiving", "date_signed": str(self.today)}])
        with self.assertRpcRefused(AccessError):  # the receiving institution is recorded by DIC
            self._rpc("intl.study.plan", "action_record_signature", [plan.ids, "receiving", str(self.today), "X"])
        with self.assertRpcRefused(UserError):  # the sending institution signs through its route
            self._rpc("intl.study.plan", "action_record_signature", [plan.ids, "sending", str(self.today)])
        with self.assertRpcRefused(UserError):  # grades wait for the three signatures
            self._rpc("intl.study.plan.line", "write", [plan.line_ids[:1].ids, {"partner_grade": "1.0"}])
        with self.assertRpcRefused(UserError):  # a frozen agreement's components
            self._rpc("intl.study.plan.line", "write", [plan.line_ids[:1].ids, {"home_credits": 9}])
        self._rpc("intl.study.plan", "action_record_signature", [plan.ids, "student", str(self.today)])
        signature = plan.signature_ids.filtered(lambda s: s.party == "student")
        with self.assertRpcRefused(AccessError):  # nobody writes a signature
            self._rpc("intl.study.plan.signature", "write", [signature.ids, {"date_signed": "2026-01-01"}])
        with self.assertRpcRefused(AccessError):
            self._rpc("intl.study.plan.signature", "unlink", [signature.ids])
        with self.assertRpcRefused(UserError):  # a change only after the three signatures
            self._rpc("intl.study.plan", "action_new_version", [plan.ids])
        plan.invalidate_recordset()
        self.assertEqual(plan._signed_parties("before"), {"sending", "student"})
        # another institute's coordinator neither reads the plan nor nominates
        self.user_coordinator_other.password = "coordinator-other-pw"
        self.authenticate(self.user_coordinator_other.login, "coordinator-other-pw")
        with self.assertRpcRefused(AccessError):
            self._rpc("intl.study.plan", "read", [plan.ids, ["state"]])
        with self.assertRpcRefused(AccessError):
            self._rpc("intl.mobility.application", "action_accept", [reserve.ids])


@tagged("post_install", "-at_install")
class TestMobilityCycleTour(MobilityCycleCommon, HttpCase):
    """In the browser: nomination with its letter, the partner's acceptance, the learning agreement."""

    browser_size = "1920x1080"

    def test_coordinator_nominates_and_draws_up_the_agreement(self):
        call, (selected,) = self._decided_call([("TOUR-CY", ("A", "A", "A"))])
        self.assertEqual(selected.state, "selected")
        action = self.env.ref("intl_cooperation.intl_mobility_application_action")
        self.start_tour(f"/odoo/action-{action.id}/{selected.id}", "intl_mobility_cycle_tour",
                        login=self.user_coordinator.login)
        self.assertEqual(selected.state, "accepted")
        self.assertTrue(selected.message_ids.filtered(lambda m: m.message_type == "comment").attachment_ids)
        plan = selected.mobility_id.study_plan_ids
        self.assertRecordValues(plan, [{"state": "institute", "plan_type": "learning", "home_credits": 5.0}])


@tagged("post_install", "-at_install")
class TestMobilityCycleDemo(TransactionCase):
    """The demo (step "mobility"): a decided call whose selected learner is nominated and accepted, her
    learning agreement signed and changed once; the staff call's lecturer nominated."""

    def test_demo_cycle(self):
        condition = self.env.ref("intl_cooperation.intl_agreement_condition_tu_berlin_out_traineeship_demo",
                                 raise_if_not_found=False)
        if not condition:
            self.fail("the demo data is not installed")
        call = self.env["intl.mobility.call"].search([("condition_id", "=", condition.id)])
        self.assertEqual(call.state, "decided")
        accepted = call.application_ids.filtered(lambda a: a.state == "accepted")
        self.assertEqual(len(accepted), 1)
        self.assertEqual(accepted.mobility_id.state, "planned")
        plans = accepted.mobility_id.study_plan_ids.sorted("version")
        self.assertEqual([(p.version, p.state) for p in plans], [(1, "superseded"), (2, "approved")])
        self.assertTrue(all(plans.mapped("signatures_complete")))
        self.assertEqual(set(plans[1].line_ids.mapped("change")), {False, "added", "removed"})
        lecturer = self.env["intl.mobility.application"].search([
            ("call_id.condition_id", "=",
             self.env.ref("intl_cooperation.intl_agreement_condition_tu_berlin_out_teaching_demo").id)])
        self.assertIn("nominated", lecturer.mapped("state"))
