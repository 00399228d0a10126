from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .jsonrpc_common import JsonRpcRefusalMixin


@tagged("post_install", "-at_install")
class TestSubstanceJsonRpcLines(JsonRpcRefusalMixin, HttpCase):
    """Over JSON-RPC, as the role that writes each kind of line (the demo's records): a related
    field does not rewrite what an approved act is about, lines never move between parents nor
    are created into a decided one, and the audit fields of reviews and copy receipts are the
    server's. After each refusal, read back: nothing changed."""

    def _login(self, xmlid):
        user = self.env.ref(xmlid)
        user.password = f"{user.login}-pw-1"
        self.authenticate(user.login, f"{user.login}-pw-1")
        return user

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    def _read(self, records, names):
        records.invalidate_recordset()
        return records.sudo().read(names)

    def _decided(self, parent, line_model, decided_state=None):
        """Whether the status of ``parent`` closes its lines of ``line_model``."""
        if decided_state:
            return parent.sudo()[parent._lifecycle_state_field] == decided_state
        return bool(set(line_model._lifecycle_line_fields(parent)) & parent.sudo()._lifecycle_frozen_fields())

    def _set_status(self, parent, line_model, decided, decided_state=None):
        """Put ``parent`` in the first status that closes (``decided``) or opens its lines."""
        field = parent._fields[parent._lifecycle_state_field]
        for state, _label in field._description_selection(self.env):
            parent.sudo()._lifecycle_write({parent._lifecycle_state_field: state})
            if self._decided(parent, line_model, decided_state) == decided:
                return state
        self.fail(f"no status of {parent._name} {'closes' if decided else 'opens'} its lines")

    @mute_logger("odoo.http")
    def test_act_scholar_not_rewritten_through_the_related_field(self):
        user = self._login("intl_cooperation.user_coordinator")
        act = self.env["intl.scholar.act"].with_user(user).search([], limit=20).filtered(
            lambda act: act.has_access("write"))[:1].sudo()
        self.assertTrue(act, "the coordinator writes an act of the demo")
        act._lifecycle_write({"state": "approved"})
        visit = act.visit_id
        before = (self._read(act, ["visit_id", "scholar_id", "state", "date"]),
                  self._read(visit, ["scholar_id"]))
        partner_id = self._call("res.partner", "create", [{"name": "Planted Scholar"}])
        partner_id = partner_id[0] if isinstance(partner_id, list) else partner_id
        with self.assertRpcRefused(UserError):
            self._call("intl.scholar.act", "write", [act.ids, {"scholar_id": partner_id}])
        with self.assertRpcRefused(UserError):
            self._call("intl.scholar.act", "write", [act.ids, {"visit_id": visit.search(
                [("id", "!=", visit.id)], limit=1).id}])
        self.assertEqual((self._read(act, ["visit_id", "scholar_id", "state", "date"]),
                          self._read(visit, ["scholar_id"])), before)
        self.assertNotEqual(visit.sudo().scholar_id.id, partner_id)

    def _assert_lines_stay(self, line_model_name, roles, decided_state=None):
        """As each role that writes such lines: a line of theirs is not moved to another parent
        (open or decided), no line is created into a decided parent (directly or through the
        parent's one2many); nothing changes."""
        for role in roles:
            with self.subTest(model=line_model_name, role=role):
                self._assert_lines_stay_as(f"intl_cooperation.{role}", line_model_name, decided_state)

    def _assert_lines_stay_as(self, role_xmlid, line_model_name, decided_state):
        user = self._login(role_xmlid)
        Line = self.env[line_model_name]
        parent_field = Line._lifecycle_parent_field
        line = Line.with_user(user).search([], limit=50).filtered(
            lambda line: line.has_access("write"))[:1].sudo()
        self.assertTrue(line, f"{user.login} writes a {line_model_name} of the demo")
        parent = line[parent_field]
        # the line's own parent open: what refuses the move is not its own parent's status
        self._set_status(parent, Line, False, decided_state)
        self.assertTrue(line.with_user(user).has_access("write"))
        # another parent they write, else one they read (the accountant writes cost lines only)
        readable = parent.with_user(user).search([("id", "!=", parent.id)], limit=50)
        target = (readable.filtered(lambda record: record.has_access("write")) or readable)[:1].sudo()
        self.assertTrue(target, f"{user.login} reads another {parent._name}")
        self._set_status(target, Line, False, decided_state)
        o2m = Line._lifecycle_line_fields(parent)
        snapshot = lambda: (self._read(line, [parent_field]), self._read(parent | target, o2m))  # noqa: E731
        before = snapshot()
        # moved to an open parent of theirs: lines never change parent
        with self.assertRpcRefused(UserError):
            self._call(line_model_name, "write", [line.ids, {parent_field: target.id}])
        # nor taken over by the other parent's one2many
        with self.assertRpcRefused(UserError if target.with_user(user).has_access("write") else AccessError):
            self._call(target._name, "write", [target.ids, {o2m[0]: [Command.link(line.id)]}])
        self.assertEqual(snapshot(), before)
        state = self._set_status(target, Line, True, decided_state)
        before = snapshot()
        vals = line.copy_data()[0]
        for name in (*Line._lifecycle_protected_fields(), *Line._lifecycle_related_fields()):
            vals.pop(name, None)
        vals[parent_field] = target.id
        if "date" in vals and "date_arrival" in target:
            # a date within the target's stay: what refuses is the status, not the date
            vals["date"] = target.date_arrival
        vals = {name: (value.isoformat() if hasattr(value, "isoformat") else value)
                for name, value in vals.items()}
        with self.subTest(state=state, check="move to a decided parent"), \
                self.assertRpcRefused(UserError):
            self._call(line_model_name, "write", [line.ids, {parent_field: target.id}])
        # a role without the right to create lines is refused by access, the others by the lock
        may_create = Line.with_user(user).has_access("create")
        with self.subTest(state=state, check="create into a decided parent"), \
                self.assertRpcRefused(UserError if may_create else AccessError):
            self._call(line_model_name, "create", [vals])
        command_vals = {name: value for name, value in vals.items() if name != parent_field}
        may_command = may_create and target.with_user(user).has_access("write")
        with self.subTest(state=state, check="create through the decided parent"), \
                self.assertRpcRefused(UserError if may_command else AccessError):
            self._call(target._name, "write", [target.ids, {o2m[0]: [Command.create(command_vals)]}])
        self.assertEqual(snapshot(), before)

    @mute_logger("odoo.http")
    def test_delegation_cost_lines_stay(self):
        self._assert_lines_stay("intl.delegation.cost.line",
                                ("user_coordinator", "user_dic_officer", "user_accountant"))

    @mute_logger("odoo.http")
    def test_scholar_plan_lines_stay(self):
        self._assert_lines_stay("intl.scholar.plan.line", ("user_coordinator", "user_dic_officer"))

    @mute_logger("odoo.http")
    def test_study_plan_lines_stay(self):
        self._assert_lines_stay("intl.study.plan.line",
                                ("user_coordinator", "user_dic_officer", "user_registrar"))

    @mute_logger("odoo.http")
    def test_lectures_stay(self):
        # the lecture schedule closes when the stay has ended (the lecture's own rule)
        self._assert_lines_stay("intl.scholar.lecture", ("user_coordinator", "user_dic_officer"), "ended")

    @mute_logger("odoo.http")
    def test_failing_grade_not_planted_on_another_institute(self):
        user = self._login("intl_cooperation.user_coordinator")
        Grade = self.env["intl.learner.grade"]
        grade = Grade.with_user(user).search([], limit=50).filtered(
            lambda grade: grade.has_access("write") and not grade._lifecycle_locked_lines())[:1].sudo()
        self.assertTrue(grade, "the coordinator writes a grade of their institute's learner")
        home = grade.learner_id
        institute = self.env["hr.department"].search([
            ("intl_kind", "=", "institute"), ("id", "!=", home.institute_id.id)], limit=1)
        elsewhere = self.env["intl.learner"].search([("institute_id", "=", institute.id)], limit=1) \
            or home.copy({"student_code": "ELSEWHERE-1", "institute_id": institute.id,
                          "department_id": False})
        self.assertFalse(elsewhere.with_user(user).has_access("read"))
        before = (self._read(grade, ["learner_id", "grade"]), self._read(elsewhere, ["grade_ids"]))
        # moved to another institute's learner: lines never change parent
        with self.assertRpcRefused(UserError):
            self._call("intl.learner.grade", "write", [grade.ids, {"learner_id": elsewhere.id}])
        # a failing grade planted there: not their learner
        with self.assertRpcRefused(AccessError):
            self._call("intl.learner.grade", "create", [{
                "learner_id": elsewhere.id, "academic_year": grade.academic_year, "term": grade.term,
                "discipline": "Planted", "credits": 5, "grade": "F"}])
        self.assertEqual((self._read(grade, ["learner_id", "grade"]),
                          self._read(elsewhere, ["grade_ids"])), before)
        # the Registrar Office, who writes every learner's grades, moves none either
        self._login("intl_cooperation.user_registrar")
        with self.assertRpcRefused(UserError):
            self._call("intl.learner.grade", "write", [grade.ids, {"learner_id": elsewhere.id}])
        with self.assertRpcRefused(UserError):
            self._call("intl.learner", "write", [elsewhere.ids, {"grade_ids": [Command.link(grade.id)]}])
        self.assertEqual((self._read(grade, ["learner_id", "grade"]),
                          self._read(elsewhere, ["grade_ids"])), before)

    @mute_logger("odoo.http")
    def test_audit_fields_are_the_servers(self):
        user = self._login("intl_cooperation.user_dic_officer")
        risk = self.env["intl.risk"].with_user(user).search([], limit=1).sudo()
        self.assertTrue(risk, "DIC reads a risk of the demo")
        other = self.env.ref("base.user_admin")
        review_id = self._call("intl.risk.review", "create", [{
            "risk_id": risk.id, "decision": "Keep watching", "reviewer_id": other.id,
            "date": "2020-01-01"}])
        review_id = review_id[0] if isinstance(review_id, list) else review_id
        review = self.env["intl.risk.review"].browse(review_id)
        data = self._read(review, ["reviewer_id", "date"])[0]
        self.assertEqual(data["reviewer_id"][0], user.id)
        self.assertNotEqual(str(data["date"]), "2020-01-01")
        with self.assertRpcRefused(UserError):
            self._call("intl.risk.review", "write", [[review_id], {"reviewer_id": other.id,
                                                                   "date": "2020-01-01"}])
        self.assertEqual(self._read(review, ["reviewer_id", "date"])[0], data)
        # the receipt of a signed copy is DIC's action, never typed
        copy = self.env["intl.agreement.copy"].with_user(user).search([], limit=20).filtered(
            lambda copy: copy.has_access("write") and not copy._lifecycle_locked_lines())[:1].sudo()
        self.assertTrue(copy, "DIC writes a copy of the demo")
        before = self._read(copy, ["date_received", "received_by_id"])
        with self.assertRpcRefused(UserError):
            self._call("intl.agreement.copy", "write", [copy.ids, {
                "date_received": "2020-01-01", "received_by_id": other.id}])
        with self.assertRpcRefused(UserError):
            self._call("intl.agreement.copy", "create", [{
                "agreement_id": copy.agreement_id.id, "holder": "dic", "date_received": "2020-01-01",
                "received_by_id": other.id}])
        self.assertEqual(self._read(copy, ["date_received", "received_by_id"]), before)
        self.assertFalse(self.env["intl.agreement.copy"].search([("date_received", "=", "2020-01-01")]))
