from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message
from ..tools.prefetch import fetch_one2many
from .mail_activity import FOLLOWERS_DONE, FOLLOWERS_KEY

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation


class IntlApprovalMixin(models.AbstractModel):
    """Multi-step approvals for any process record, on top of its declared lifecycle.

    A consumer inherits ``mail.thread``, ``mail.activity.mixin`` and this
    mixin (which brings ``intl.lifecycle.mixin``), declares its lifecycle (see
    ``intl.lifecycle.mixin``) and sets a few class attributes:

    * ``_approval_submit_states``: ``{purpose: (states from which to submit)}``;
    * ``_approval_pending_state``: ``{purpose: state while steps are pending}``
      (a step's ``record_state`` wins over it);
    * ``_approval_approved_state``: ``{purpose: state reached when every step
      is approved}``;
    * ``_approval_rejected_state``: ``{purpose: state after a rejection}``;
    * ``_approval_cancel_states``: states in which nothing can be decided.

    Every status the engine sets goes through a transition whose ``who`` is
    ``"approval"``: declare them (pending steps, approved, rejected). Leaving
    an approved status back to a status of submission (or cancelling) closes
    the round: reaching it again needs a new round.

    The approvers of a step are resolved when the step opens and checked again
    when it is decided (a user removed from the group meanwhile can no longer
    decide). Separation of duties: the users of ``_approval_excluded_users``
    (who requested the record, whom it is about) never decide its steps; a
    step left without approvers goes to the route's escalation group (the DIC
    Director by default). ``_approval_decide_reasons`` is the single check
    behind ``can_approve``, ``approval_reason`` and the server actions.

    ``action_approval_submit`` starts a round, ``action_approval_approve``
    decides the current step, ``action_approval_reject`` asks for a reason.
    Hooks ``_approval_done`` and ``_approval_rejected`` let the consumer react.
    Approval lines are written by the engine only (``_lifecycle_write``)
    after the approver has been checked. The current approvers
    (``approval_user_ids``) are computed from the pending lines, not stored;
    consumers that declare Many2many fields to ``res.users`` still name their
    relation table: the default one (``<model>_res_users_rel``) held the
    stored approvers until 2026-12 and stays, unused, in upgraded databases.
    """

    _name = "intl.approval.mixin"
    _inherit = ["intl.lifecycle.mixin"]
    _description = "Approval Mixin"

    _approval_state_field = "state"
    _approval_submit_states = {"default": ("draft",)}
    _approval_pending_state = {"default": "to_approve"}
    _approval_approved_state = {"default": "approved"}
    _approval_rejected_state = {"default": "draft"}
    _approval_cancel_states = ("cancel",)
    # fields summarising a record in the approvals inbox: what, who, amount, date_from, date_to
    _approval_summary_fields = {}

    approval_line_ids = fields.One2many(
        "intl.approval.line",
        "res_id",
        string="Approvals",
        domain=lambda self: [("res_model", "=", self._name)],
        copy=False,
    )
    # not stored: read from the pending lines (in cache at a click), searched through them
    # (record rules, "To Approve" filters); no relation to write at every decision
    approval_user_ids = fields.Many2many(
        "res.users",
        compute="_compute_approval_current",
        search="_search_approval_user_ids",
        string="Current Approvers",
    )
    approval_step = fields.Char("Awaiting", compute="_compute_approval_step",
                                help="The pending step, in the reader's language.")
    approval_decision = fields.Selection(
        [("agree", "Agree"), ("approve", "Approve")], "Kind of Pending Decision",
        compute="_compute_approval_step",
        help="Whether the pending step agrees or approves: the decision button says its verb.")
    can_approve = fields.Boolean(compute="_compute_can_approve")
    approval_reason = fields.Char("Why you cannot decide", compute="_compute_can_approve")

    @api.depends("approval_line_ids.state", "approval_line_ids.user_ids")
    def _compute_approval_current(self):
        """The approvers of the records' pending steps: the lines of all the records of ``self``
        and their approvers read together (a list computes them in the same queries for one
        record as for a hundred)."""
        # sudo: engine-internal read of the records' approval lines (the user reads the records)
        pending = self.sudo().approval_line_ids.filtered(lambda line: line.state == "pending")
        approvers = defaultdict(list)
        for line in pending:
            approvers[line.res_id] += line.user_ids.ids
        for record in self:
            record.approval_user_ids = self.env["res.users"].browse(dict.fromkeys(approvers[record.id]))

    @api.model
    def _search_approval_user_ids(self, operator, value):
        """The records whose pending step awaits the users ``value``: one subquery on the pending
        approval lines of this model (as Odoo searches the followers of a record)."""
        if operator in ("=", "!=") and not value:
            # ('approval_user_ids', '=', False): no pending step with approvers
            negate, operator = operator == "=", "!="
        elif operator in (*expression.NEGATIVE_TERM_OPERATORS, "not any"):
            negate, operator = True, expression.TERM_OPERATORS_NEGATION[operator]
        else:
            negate = False
        # sudo: who decides a record is a condition on the record itself, as the stored relation
        # was; the lines' own rules follow their records' (intl.related.record.mixin), which this
        # search is part of
        lines = self.env["intl.approval.line"].sudo()._search([
            ("res_model", "=", self._name), ("state", "=", "pending"), ("user_ids", operator, value)])
        return [("id", "not in" if negate else "in", lines.subselect("res_id"))]

    @api.depends("approval_line_ids.state", "approval_line_ids.step_name")
    @api.depends_context("lang")
    def _compute_approval_step(self):
        # sudo: engine-internal read of the records' approval lines (the user reads the records);
        # the lines and their steps of all the records of self read together (a list)
        pending = self.sudo().approval_line_ids.filtered(lambda line: line.state == "pending")
        first = {}
        for line in pending:
            first.setdefault(line.res_id, line)
        for record in self:
            line = first.get(record.id, pending.browse())
            record.approval_step = line.with_env(self.env).step_name
            record.approval_decision = line.step_id.decision or "approve"

    @api.depends_context("uid")
    @api.depends("approval_user_ids")
    def _compute_can_approve(self):
        reasons = self._approval_decide_reasons() if self.ids else {}
        for record in self:
            reason = reasons.get(record, False) if record.id else False
            record.can_approve = bool(record.id) and not reason
            # only say why when there is something to decide
            record.approval_reason = reason if record.approval_step else False

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_approval_submit(self):
        """Submit through the declared transition that starts the default round (its ``who``
        and guard apply): never around it."""
        action = next((name for name, spec in self._lifecycle_transitions.items()
                       if spec.get("approval") == "default"), None)
        if not action:
            raise UserError(self.env._("%(model)s is not submitted for approval this way.",
                                       model=self._description))
        return self._lifecycle_run(action)

    def action_approval_approve(self):
        """Approve the current step (from the form or from a list of records)."""
        self._approval_check_can_approve()
        # said before deciding: once decided, the approver may no longer read the record
        messages = [
            self.env._("%(record)s, step %(step)s: approved.", record=record.display_name,
                       step=record._approval_current_lines()[:1].step_name)
            for record in self]
        self._approval_do_approve()
        return self.env["intl.approval.line"]._notify_decision(messages)

    def action_approval_reject(self):
        """Ask for the reason of a rejection (from the form or from a list of records)."""
        self._approval_check_can_approve()
        return self._lifecycle_open_wizard("intl.approval.reject", self.env._("Reject"))

    # ------------------------------------------------------------------
    # Engine
    # ------------------------------------------------------------------

    def _approval_submit(self, purpose="default"):
        """Start an approval round of ``purpose`` on every record of ``self``."""
        Route = self.env["intl.approval.route"]
        line_vals = []
        routes = Route._find_routes(self, purpose)
        for record in self:
            state = record[record._approval_state_field]
            allowed = record._approval_submit_states.get(purpose, ())
            if state not in allowed:
                raise UserError(
                    self.env._("%(record)s cannot be submitted in its current status.",
                               record=record.display_name)
                )
            record._approval_check_can_submit(purpose)
            route = routes[record]
            if not route.step_ids:
                raise UserError(
                    self.env._("No approval route applies to %(record)s. Ask the DIC Director to define one.",
                               record=record.display_name)
                )
            record._approval_check_step_documents(route.step_ids.document_type_ids)
            # sudo: engine-internal read of the record's approval lines (the user reads the record)
            previous = record.sudo().approval_line_ids.filtered(lambda line: line.purpose == purpose)
            round_no = max(previous.mapped("round"), default=0) + 1
            previous.filtered("is_current")._lifecycle_write({"is_current": False})
            for step in route.step_ids:
                line_vals.append({
                    "res_model": record._name,
                    "res_id": record.id,
                    "purpose": purpose,
                    "round": round_no,
                    "route_id": route.id,
                    "step_id": step.id,
                    "sequence": step.sequence,
                    "name": step.name,
                    "record_state": step.record_state,
                    "require_documents": step.require_documents,
                    "document_type_ids": [fields.Command.set(step.document_type_ids.ids)],
                    "has_document_types": bool(step.document_type_ids),
                    "deadline_days": step.deadline_days,
                })
        # sudo: approval lines are written by the engine only (see class docstring)
        self.env["intl.approval.line"].sudo()._lifecycle_create(line_vals)
        # one note per record in one batch (the submitter was checked above); sudo: the log
        # writes as sudo anyway, reading the company of the record as sudo skips its rules
        self.sudo()._intl_message_log_batch({
            record.id: _lt("Submitted for approval: %(route)s", route=routes[record])
            for record in self})
        for record in self:
            record._approval_activate_next(purpose)

    def _approval_check_can_submit(self, purpose):
        """Hook: raise a ``UserError`` when the record is not ready for ``purpose``."""

    def _approval_check_step_documents(self, doc_types):
        """The documents a route step decides on are attached to the record's checklist (a file
        received or verified, not rejected): checked when the record goes to the route and when
        the step is approved."""
        self.ensure_one()
        if not doc_types or "document_line_ids" not in self._fields:
            return
        # sudo: every line counts, whoever may read it (the files of personal data are DIC's)
        attached = self.sudo().document_line_ids.filtered(
            lambda line: line.state in ("received", "verified")).type_id
        missing = doc_types - attached
        if missing:
            raise UserError(self.env._(
                "Attach to the checklist of %(record)s the documents this step decides on: %(documents)s",
                record=self.display_name, documents=", ".join(missing.mapped("display_name"))))

    def _approval_excluded_users(self):
        """Users who never decide a step of this record: who requested it, whom it is about."""
        self.ensure_one()
        # the same users as every other action of the record (intl.lifecycle.mixin)
        return self._lifecycle_requester_users() | self._lifecycle_subject_users()

    def _approval_resolve_line_users(self, line, deputies=True):
        """Who may decide ``line`` now: its step's approvers but the excluded users,
        else the route's escalation group (the next level); with the deputies in
        force today of those approvers (``intl.approval.deputy``), but the excluded
        users: separation of duties applies to a deputy too."""
        self.ensure_one()
        excluded = self._approval_excluded_users()
        # sudo: resolving approvers reads employees, departments and groups, which the
        # deciding user may not read; the result only says who may decide
        record, line = self.sudo(), line.sudo()
        step = line.step_id
        if step:
            users = step._resolve_users(record)
        else:
            users = line.user_ids - line.deputy_user_ids
        users = (users - excluded).filtered("active")
        if not users and line.route_id:
            users = line.route_id._escalation_users() - excluded
        if line.escalated_on and line.route_id:
            # a late step went to the next level as well (``intl.approval.line._cron_escalate``)
            users |= line.route_id._escalation_users() - excluded
        if deputies:
            users |= self.env["intl.approval.deputy"]._deputies_of(users) - excluded
        return users.with_env(self.env)

    def _approval_line_deciders(self, line):
        """Who may decide the open step ``line`` now: the deciders frozen when it opened
        (``decider_user_ids``), so that a change of the org chart (a unit head, a parent unit)
        or of a position holder moves only the steps opened afterwards; but the users who are
        inactive, excluded from the record, or (group steps) no longer in the step's group;
        with the route's next level once the step escalated and the deputies in force today
        (``intl.approval.deputy``) of them all, but the excluded users."""
        self.ensure_one()
        excluded = self._approval_excluded_users()
        # sudo: the engine reads the step and the groups, which the deciding user may not read
        line = line.sudo()
        # a step opened before the deciders were stored: its approvers without their deputies
        users = line.decider_user_ids or (line.user_ids - line.deputy_user_ids)
        group_step = line.step_id.approver_type == "group"
        if line.route_id and (group_step or line.escalated_on):
            # the members of the step's group and of the next level, in one read
            groups = line.route_id._escalation_group()
            if group_step:
                groups |= line.step_id.group_id
            groups.fetch(["users"])
        escalation = line.route_id._escalation_users() if line.route_id and (
            group_step or line.escalated_on) else users.browse()
        if group_step:
            # a role withdrawn is not an org-chart change: the group decides (the route's next
            # level stays, when nobody of the group was there at opening)
            users &= line.step_id.group_id.users | escalation
        users = (users - excluded).filtered("active")
        if line.escalated_on:
            users |= escalation - excluded
        users |= self.env["intl.approval.deputy"]._deputies_of(users) - excluded
        return users.with_env(self.env)

    def _approval_line_decides(self, line, user):
        """Whether ``user`` may decide the open step ``line`` now: the answer of
        ``_approval_line_deciders``, without computing every decider when it is plain.

        A frozen decider of the step (its approvers when no decider is stored), active, not
        excluded from the record and (group steps) still in the step's group decides, whatever
        the next level and the deputies add: that answer needs no query (the user's groups are
        Odoo's cache, ``res.users._get_group_ids``, emptied when a group's users change).
        Any other case (a deputy, the next level, a member who left the group...) is answered
        by the whole set of deciders."""
        self.ensure_one()
        # sudo: the engine reads the step, as _approval_line_deciders does; the relations are
        # read without their users' active flag (no read of those users): the user's own is
        # checked, which is what the active filter of the deciders would say of them
        raw = line.sudo().with_context(active_test=False)
        frozen = raw.decider_user_ids or (raw.user_ids - raw.deputy_user_ids)
        if (user.active and user.id in frozen._ids
                and (raw.step_id.approver_type != "group"
                     or (raw.step_id.group_id and raw.step_id.group_id.id in user._get_group_ids()))
                and user not in self._approval_excluded_users()):
            return True
        return user in self._approval_line_deciders(line)

    @api.model
    def _approval_line_has_user(self, lines, user):
        """Whether ``user`` (active) is among the approvers of ``lines``: as ``user in
        lines.user_ids``, without reading every approver for the active filter."""
        # sudo: engine-internal read of the approvers (the user reads the record)
        approvers = lines.sudo().with_context(active_test=False).user_ids
        # the user's own active flag (read with the user, whom the request has read already)
        return user.id in approvers._ids and user.sudo().active

    def _approval_current_lines(self):
        """Pending lines of ``self`` the current user may decide."""
        user = self.env.user
        # sudo: engine-internal read of the record's approval lines (the user reads the record)
        return self.sudo().approval_line_ids.filtered(
            lambda line: line.state == "pending" and self._approval_line_has_user(line, user)
        )

    def _approval_decide_reasons(self):
        """``{record: reason}`` for the records whose current step the user cannot decide.

        The one check behind ``can_approve``, the form's explanation and the
        approve/reject actions.
        """
        reasons = {}
        user = self.env.user
        self._approval_prefetch()
        for record in self:
            # sudo: engine-internal read of the record's approval lines (the user reads the record)
            pending = record.sudo().approval_line_ids.filtered(lambda line: line.state == "pending")
            if record[record._approval_state_field] in record._approval_cancel_states:
                reasons[record] = self.env._("%(record)s is cancelled.", record=record.display_name)
            elif not pending:
                reasons[record] = self.env._("%(record)s is not waiting for an approval.",
                                             record=record.display_name)
            elif user in record._approval_excluded_users():
                reasons[record] = self.env._(
                    "You requested %(record)s or it is about you: someone else decides it.",
                    record=record.display_name)
            elif not self._approval_line_has_user(pending, user):
                reasons[record] = self.env._(
                    "%(record)s awaits the decision of %(approvers)s at step %(step)s.",
                    record=record.display_name, step=pending[0].step_name,
                    approvers=", ".join(pending.user_ids.mapped("name")))
            elif not record._approval_line_decides(pending[:1], user):
                reasons[record] = self.env._(
                    "You are no longer an approver of step %(step)s of %(record)s.",
                    record=record.display_name, step=pending[0].step_name)
        return reasons

    def _approval_prefetch(self):
        """Read what a decision reads, once for all the records of ``self``: their approval
        lines (one query with their fields), the approvers and deciders of their open and
        waiting steps (the step opened next included: its approvers are written without
        reading them again) and those steps in every language (the activities speak each
        approver's)."""
        # sudo: engine-internal read of the records' approval lines (the user reads the records)
        lines = fetch_one2many(self.sudo(), "approval_line_ids")
        current = lines.filtered(lambda line: line.id and line.is_current and line.state in ("waiting", "pending"))
        if current:
            current.fetch(["user_ids", "decider_user_ids"])
            steps = current.step_id.with_context(prefetch_langs=True)
            steps.fetch([name for name, field in steps._fields.items()
                         if field.store and field.column_type and field.prefetch is True])

    def _approval_prefetch_partners(self, partners=None):
        """Read in one query the partners a decision reads: its author's (the note), those of
        the records' companies and ``partners`` (the next approvers', whose language and time
        zone their activities take): the note is logged after the next step opened."""
        # sudo: the partners are read by the engine, as the note and the notices read them
        partners = self.env.user.partner_id.sudo() | (partners or self.env["res.partner"]).sudo()
        if "company_id" in self._fields:
            partners |= self.sudo().company_id.partner_id
        partners.fetch([name for name, field in partners._fields.items()
                        if field.store and field.column_type and field.prefetch is True])

    def _approval_check_can_approve(self):
        reasons = self._approval_decide_reasons()
        if reasons:
            raise UserError("\n".join(reasons.values()))

    def _approval_do_approve(self):
        """Decide the current step of each record of ``self`` (checked by the caller).

        The decision is one note per record (logged in one batch), the step's
        activities are closed in one write at the end (``_approval_close_activities``).
        """
        decided = []
        for record in self:
            line = record._approval_current_lines()[:1]
            # sudo: every mandatory line counts, whoever may read it (the user reads the record)
            if line.require_documents and "documents_complete" in record and not record.sudo().documents_complete:
                raise UserError(
                    self.env._("Verify the mandatory documents of %(record)s first: %(documents)s",
                               record=record.display_name,
                               documents=", ".join(record._document_missing_names()))
                )
            if line.has_document_types:
                record._approval_check_step_documents(line.document_type_ids)
            decided.append((record, line))
        now = fields.Datetime.now()
        activities = self._approval_step_activities(decided)
        principals = self._approval_deputy_principals(decided)
        before = {record.id: record[record._approval_state_field] for record, _line in decided}
        for _record, line in decided:
            line._lifecycle_write({"state": "approved", "decided_by_id": self.env.uid, "decided_on": now,
                                   "deputy_of_id": principals[line][:1].id})
        notes = {
            record.id: self._approval_decision_note(
                (_lt("Approved: %(step)s", step=line.step_id or line.step_name)
                 if line.step_id.decision == "approve"
                 else _lt("Agreed: %(step)s", step=line.step_id or line.step_name)), principals[line])
            for record, line in decided}
        for record, line in decided:
            # sudo: the approver was checked above; once their step is decided, record rules
            # based on approval_user_ids no longer let them write the record's next stage
            record.sudo()._approval_activate_next(line.purpose)
        self._approval_track_now(self._approval_log_decisions(notes, before))
        self._approval_close_activities(activities)

    def _approval_log_decisions(self, notes, before):
        """Log the decision notes ``{record id: note}`` (``before``: each record's status before
        the decision): a record whose status the decision changed gets its note as the body of
        its tracking message (Odoo's ``_track_set_log_message``: one message, the decision with
        the status change under it), the others a note of their own, in one batch. Returns the
        translation keys of the tracking messages' bodies (``_approval_track_now`` stores them)."""
        state_field = self._approval_state_field
        changed = self.browse()
        if hasattr(self, "_track_finalize") and state_field in self._track_get_fields():
            # the decision changed the status, which differs from the one the tracking started
            # from: the tracking message is certain (not when tracking is off: then the note
            # stands alone)
            pending = self.env.cr.precommit.data.get(f"mail.tracking.{self._name}", {})
            changed = self.filtered(lambda record: record.id in notes and state_field in (pending.get(record.id) or ())
                                    and record[state_field] != before[record.id]
                                    and record[state_field] != pending[record.id][state_field])
        # sudo: the decision is logged by the engine (the approver was checked); the author
        # stays the approver, the record's company is read without its rules
        others = {res_id: note for res_id, note in notes.items() if res_id not in changed.ids}
        if others:
            self.sudo()._intl_message_log_batch(others)
        if not changed:
            return {}
        keyed, stored = self.sudo()._intl_message_bodies({res_id: notes[res_id] for res_id in changed.ids})
        for record in changed.sudo():
            record._track_set_log_message(stored[record.id])
        return keyed

    def _approval_track_now(self, keyed=None):
        """Post the tracking of the status changes of the click now, while the caches hold the
        record: the tracking at the end of the transaction would read the record, its fields
        and its author again. The same message as at the commit; its body is the decision's
        note where ``keyed`` (``_approval_log_decisions``) gives one."""
        if hasattr(self, "_track_finalize"):
            # sudo: as Odoo's tracking at the commit (the decision was checked)
            records = self.sudo()
            if keyed:
                records = records._intl_with_message_keys(keyed)
            records._track_finalize()

    def _approval_do_reject(self, reason):
        self._approval_check_can_approve()
        decided = [(record, record._approval_current_lines()[:1]) for record in self]
        now = fields.Datetime.now()
        activities = self._approval_step_activities(decided)
        principals = self._approval_deputy_principals(decided)
        for record, line in decided:
            line._lifecycle_write({"state": "rejected", "decided_by_id": self.env.uid,
                                   "decided_on": now, "comment": reason,
                                   "deputy_of_id": principals[line][:1].id})
            # sudo: engine-internal read of the record's approval lines (the user reads the record)
            record.sudo().approval_line_ids.filtered_domain(
                [("purpose", "=", line.purpose), ("state", "=", "waiting")]
            )._lifecycle_write({"state": "cancelled"})
        # sudo: the decision is logged by the engine (see _approval_do_approve)
        self.sudo()._intl_message_log_batch({
            record.id: [*self._approval_decision_note(
                _lt("Rejected: %(step)s", step=line.step_id or line.step_name), principals[line]),
                _lt("Reason: %(reason)s", reason=reason)]
            for record, line in decided})
        for record, line in decided:
            # sudo: the approver was checked above (see _approval_do_approve)
            record.sudo()._approval_rejected(line.purpose, reason)
        self._approval_track_now()
        self._approval_close_activities(activities)

    def _approval_deputy_principals(self, decided):
        """``{line: approvers}``: whom the current user stands in for at each decided line
        (empty when they decide as one of the step's own approvers)."""
        Deputy = self.env["intl.approval.deputy"]
        user = self.env.user
        # no query when the user stands in for nobody today (the usual click)
        standing_in = any(user.id in deputies for deputies in Deputy._today_map().values())
        result = {}
        for _record, line in decided:
            if not standing_in:
                # nobody to stand in for: no read of the step's approvers
                result[line] = self.env["res.users"]
                continue
            own = line.user_ids - line.deputy_user_ids
            result[line] = Deputy._principals_of(user, own) if user not in own else self.env["res.users"]
        return result

    @api.model
    def _approval_decision_note(self, decision, principals):
        """The decision's note, saying whom a deputy decided for."""
        if not principals:
            return [decision]
        return [decision, _lt("Decided as deputy of %(approver)s", approver=principals)]

    def _approval_cancel(self):
        """Cancel the pending rounds (when the record itself is cancelled)."""
        # sudo: approval lines are written by the engine only (see class docstring)
        lines = self.sudo().approval_line_ids.filtered(lambda line: line.state in ("waiting", "pending"))
        lines._lifecycle_write({"state": "cancelled"})
        self.activity_unlink(["intl_cooperation.mail_activity_type_approval"])

    def _approval_activate_next(self, purpose):
        """Open the next waiting step of ``purpose`` (resolving its approvers now), or finish."""
        self.ensure_one()
        # sudo: engine-internal read of the record's approval lines (the user reads the record)
        lines = self.sudo().approval_line_ids.filtered(
            lambda line: line.purpose == purpose and line.is_current
        ).sorted("sequence")
        waiting = lines.filtered(lambda line: line.state == "waiting")[:1]
        if not waiting:
            self._approval_done(purpose)
            return
        own = self._approval_resolve_line_users(waiting, deputies=False)
        users = own | (self.env["intl.approval.deputy"]._deputies_of(own) - self._approval_excluded_users())
        if not users:
            raise UserError(
                self.env._("Nobody can decide the step %(step)s of %(record)s.",
                           step=waiting.step_name, record=self.display_name)
            )
        vals = {"state": "pending", "user_ids": [fields.Command.set(users.ids)],
                "decider_user_ids": [fields.Command.set(own.ids)], "activated_on": fields.Datetime.now()}
        if users - own:
            # a waiting step has no deputies (only open steps get them, _sync_deputies): none to
            # remove, and no read of them when there are none to add
            vals["deputy_user_ids"] = [fields.Command.set((users - own).ids)]
        waiting._lifecycle_write(vals)
        state = waiting.record_state or self._approval_pending_state.get(purpose)
        if state:
            self._lifecycle_move_to(state, by="approval")
        # one creation for every approver of the step
        if not self.env.context.get("mail_activity_automation_skip"):
            self._approval_create_activities(self._approval_activity_vals(waiting, users))

    def _approval_create_activities(self, vals_list):
        """Create the approval activities ``vals_list`` of the record ``self`` in one batch.

        Their users are made followers of the record and told as Odoo tells an assignment, with
        the activity's note (summary and decision links), by the approval notices job, which the
        click triggers (``mail.activity._cron_intl_approval_notices``, within a minute): the
        click itself writes no follower, message or e-mail.
        """
        self.ensure_one()
        if not vals_list:
            return self.env["mail.activity"]
        activities = intl_message.trusting(self.env["mail.activity"]).with_context(**{
            "mail_activity_quick_update": True, FOLLOWERS_KEY: FOLLOWERS_DONE}).create([
                dict(vals, intl_notice_pending=True) for vals in vals_list])
        self.env["mail.activity"]._intl_notices_trigger()
        return activities.with_env(self.env)

    def _approval_activity_vals(self, line, users):
        """Values of the approval activities of ``users`` at ``line`` (due at the step's deadline)."""
        self.ensure_one()
        deadline = line.date_deadline or fields.Date.context_today(self) + timedelta(days=line.deadline_days or 0)
        # the id alone: no query per record to check that the type still exists
        type_id = self.env["ir.model.data"]._xmlid_to_res_id("intl_cooperation.mail_activity_type_approval")
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        # the step's name in each reader's language (its record), else the line's
        step = line.step_id or line.step_name
        # the stored fields mail.activity computes after its insert from the record and the
        # user, given as it computes them (sudo, in this environment): no update after the insert
        res_name = self.sudo().display_name
        # the approvers' partners (their language, time zone) with the note's author's, in one read
        self._approval_prefetch_partners(users.sudo().partner_id)
        for user in users:
            # the activity speaks the approver's language
            in_lang = self.with_context(lang=user.lang or self.env.lang)
            vals_list.append({
                # the model's name with its id: no read of ir.model (mail.activity.create)
                "activity_type_id": type_id, "res_model_id": model_id, "res_model": self._name, "res_id": self.id,
                "res_name": res_name, "user_tz": user.tz, "date_done": False,
                "date_deadline": deadline, "user_id": user.id, "automated": True,
                **intl_message.summary_vals(in_lang.env, (
                    _lt("Approve: %(step)s", step=step) if line.step_id.decision == "approve"
                    else _lt("Agree: %(step)s", step=step))),
                "note": line.with_env(in_lang.env)._approval_mail_note(user, self),
            })
        return vals_list

    def _approval_step_activities(self, decided):
        """The approval activities of the decided steps (``[(record, line)]``), to be closed.

        The decision note says who decided; the activities of the step's other
        approvers go with it.
        """
        # the id alone: no query to check that the type still exists
        type_id = self.env["ir.model.data"]._xmlid_to_res_id("intl_cooperation.mail_activity_type_approval")
        # sudo: the approver also closes the activities of the step's other approvers,
        # which the activity rules hide from them; one query for every decided step, with the
        # fields the closing reads
        domain = expression.OR([[
            ("res_model", "=", record._name), ("res_id", "=", record.id),
            ("activity_type_id", "=", type_id),
            # every approver of the step, an archived one too (no read of their active flag)
            ("user_id", "in", line.with_context(active_test=False).user_ids.ids),
        ] for record, line in decided]) if decided else expression.FALSE_DOMAIN
        return self.env["mail.activity"].sudo().search_fetch(domain, ["date_deadline", "user_id"])

    @api.model
    def _approval_close_activities(self, activities):
        """Close the activities of a decided step in one query: marked done as Odoo marks done
        the activities of a type that keeps them (``mail.activity._action_done``: archived, with
        their date done), instead of Odoo's deletion (its external ids, attachments and defaults
        looked up). Archived, they leave the assignees' to-do lists and counters, the record's
        activities, its activity views and the module's reminders, as a deletion does; the
        decision note says who decided (no "done" message per activity).
        """
        if not activities:
            return
        # the assignees' activity counters (systray) are told as Odoo's deletion tells them
        todo = activities.filtered(lambda activity: activity.date_deadline <= fields.Date.today())
        if todo:
            todo.user_id._bus_send("mail.activity/updated", {"activity_deleted": True})
        activities.write({"active": False, "date_done": fields.Date.context_today(self)})

    def _approval_done(self, purpose):
        """Hook: every step of ``purpose`` is approved."""
        state = self._approval_approved_state.get(purpose)
        if state:
            self._lifecycle_move_to(state, by="approval")

    def _approval_rejected(self, purpose, reason):
        """Hook: a step of ``purpose`` was rejected with ``reason``."""
        state = self._approval_rejected_state.get(purpose)
        if state:
            self._lifecycle_move_to(state, by="approval")

    def _lifecycle_changed(self, previous):
        """Leaving an approved status for submission or cancellation closes the round."""
        result = super()._lifecycle_changed(previous)
        state_field = self._approval_state_field
        for record in self:
            new = record[state_field]
            for purpose, approved in record._approval_approved_state.items():
                if previous[record] != approved or new == approved:
                    continue
                back = (*record._approval_submit_states.get(purpose, ()),
                        *record._approval_cancel_states, record._approval_rejected_state.get(purpose))
                if new in back:
                    # sudo: approval lines are written by the engine only (see class docstring)
                    record.sudo().approval_line_ids.filtered(
                        lambda line, p=purpose: line.purpose == p and line.is_current
                    )._lifecycle_write({"is_current": False})
        return result

    def _approval_summary(self):
        """``{record id: {what, who, where, amount, currency, date_from, date_to}}`` for the inbox."""
        spec = self._approval_summary_fields
        result = {}
        for record in self:
            values = {}
            for key in ("what", "who", "where", "amount", "date_from", "date_to"):
                name = spec.get(key)
                value = record[name] if name else False
                if hasattr(value, "_name"):
                    value = value.display_name
                values[key] = value
            if not values["what"]:
                values["what"] = record.display_name
            if spec.get("amount"):
                currency_field = record._fields[spec["amount"]].get_currency_field(record)
                values["currency"] = record[currency_field] if currency_field else False
            result[record.id] = values
        return result

    # ------------------------------------------------------------------
    # Roles resolved from the record
    # ------------------------------------------------------------------

    def _approval_employee(self):
        """Hook: the employee the record is about (e.g. the traveller)."""
        return self.env["hr.employee"]

    def _approval_institute(self):
        """Hook: the institute (``hr.department``) the record belongs to."""
        return self._approval_employee().intl_institute_id

    def _approval_curator(self):
        """Hook: the DIC officer (``res.users``) following the record."""
        return self.env["res.users"]

    def _approval_role_users(self, role):
        self.ensure_one()
        if role == "department_head":
            employee = self._approval_employee()
            manager = employee.department_id.manager_id
            if manager == employee:
                manager = employee.department_id.parent_id.manager_id
            return manager.user_id
        if role == "institute_director":
            return self._approval_institute().manager_id.user_id
        if role == "curator":
            return self._approval_curator()
        return self.env["res.users"]
