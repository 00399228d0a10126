from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

# The context entry that only the lifecycle path sets. Its value is a Python
# object: a JSON-RPC client can put strings, numbers, lists and dicts in a
# context, never this object, so no client can pretend to be the engine.
_LIFECYCLE_KEY = "intl_lifecycle_path"
_LIFECYCLE_TOKEN = object()

WHO_APPROVAL = "approval"
WHO_SYSTEM = "system"
WHO_REQUESTER = "requester"
# Fields the ORM and the mail thread maintain on any record.
_FREE_PREFIXES = ("message_", "activity_", "website_message", "rating_")


class IntlLifecycleMixin(models.AbstractModel):
    """The declared lifecycle of a process record: the only way its status changes.

    A consumer declares its transitions in one table and the fields that only
    transitions (or engine code) may write::

        class IntlScholar(models.Model):
            _name = "intl.scholar"
            _inherit = ["mail.thread", "intl.approval.mixin"]   # or "intl.lifecycle.mixin"
            _lifecycle_transitions = {
                # action: from statuses, to status, who, optional guard
                "submit": {"from": ("draft",), "approval": "default",
                           "who": ("requester", "intl_cooperation.group_intl_officer")},
                "approve": {"from": ("to_approve",), "to": "approved", "who": ("approval",)},
                "reject": {"from": ("to_approve",), "to": "draft", "who": ("approval",)},
                "cancel": {"from": ("draft", "approved"), "to": "cancel",
                           "who": ("intl_cooperation.group_intl_officer",), "guard": "_guard_cancel"},
                "expire": {"from": ("approved",), "to": "expired", "who": ("system",)},
            }
            _lifecycle_workflow_fields = ("approved_by_id", "date_approved")
            can_submit = fields.Boolean(compute="_compute_lifecycle_can")

            def action_submit(self):
                return self._lifecycle_run("submit")

    Keys of a transition:

    * ``from``: statuses in which the action is possible;
    * ``to``: the status reached, or ``approval``: the purpose of the approval
      round the action starts (the approval engine then moves the status);
    * ``who``: group xml ids, ``"requester"`` (a user of
      ``_lifecycle_requester_users``), ``"approval"`` (the approval engine
      only) or ``"system"`` (engine code only: crons, wizards, hooks);
    * ``guard``: name of a method called per record that returns a reason
      why the action is not possible now (or raises a ``UserError``), else
      nothing.

    ``_lifecycle_run(action)`` is the one path that performs a transition: it
    checks who, the current status and the guard, writes the status and the
    given values (and posts the change in the chatter through tracking, or a
    note when the status is not tracked). ``create`` and ``write`` refuse the
    status, the declared workflow fields and computed fields for everyone
    else, including ``sudo()`` code: only the superuser's data loading
    (install mode) passes. Engine code that must set a workflow field without
    a status change uses ``_lifecycle_write`` / ``_lifecycle_create`` after its
    own permission check. In ``_lifecycle_locked_states`` no field changes
    at all (a posted payment).

    A line without a status of its own (estimate lines, delegation lines)
    sets ``_lifecycle_state_field = False``: its workflow and computed fields
    are still refused to clients.

    Substance (what an approver, an accountant or a commission decided on)
    is declared beside the transitions::

        _lifecycle_substance = ("employee_id", "date_departure", "estimate_line_ids")
        _lifecycle_substance_open = ("draft",)           # where it may still change
        _lifecycle_substance_states = {"evaluation": ("seats",)}   # frozen in addition

    Outside the open statuses no client (nor ``sudo()`` code) changes a
    substance field; a one2many of the substance freezes its lines: their
    create, write and unlink are refused (but ``_lifecycle_line_free_fields``).
    A line model names its parent in ``_lifecycle_parent_field``: that
    many2one is fixed after create. Readonly related fields (which would write
    the record they come from) are never written by clients. A change of
    substance needs a transition (back to draft, a new round, an extension).

    Separation of duties: ``_lifecycle_subject_users`` are the users a record
    is about (traveller, employee, payee) or who asked for the change it
    carries; they never perform a group-gated transition on it, and money
    actions ask ``_lifecycle_check_may_act`` (``lifecycle_act_reason`` tells
    the form why not).

    Views read ``can_<action>`` Boolean fields computed by
    ``_compute_lifecycle_can`` (per user) instead of repeating status lists;
    ``_lifecycle_reasons`` says why an action is not possible.
    """

    _name = "intl.lifecycle.mixin"
    _description = "Lifecycle Mixin"

    _lifecycle_state_field = "state"
    _lifecycle_transitions = {}
    _lifecycle_workflow_fields = ()
    _lifecycle_locked_states = ()
    # substance: fields and one2many of lines frozen outside the open statuses
    _lifecycle_substance = ()
    _lifecycle_substance_open = ("draft",)
    _lifecycle_substance_states = {}
    # line models: the many2one to the parent (fixed after create) and the fields
    # still written while the parent freezes its lines
    _lifecycle_parent_field = False
    _lifecycle_line_free_fields = ()
    # final statuses: last kanban columns, folded
    _lifecycle_folded_states = ("done", "closed", "cancel", "cancelled", "refused", "rejected",
                                "expired", "terminated", "reversed")

    lifecycle_act_reason = fields.Char(
        "Why you cannot act on it", compute="_compute_lifecycle_act_reason",
        help="Set when the record concerns you: you do not act on it for the university.")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends_context("uid")
    def _compute_lifecycle_act_reason(self):
        reasons = self._lifecycle_act_reasons() if self.ids else {}
        for record in self:
            record.lifecycle_act_reason = reasons.get(record, False)

    @api.depends_context("uid")
    @api.depends(lambda self: (self._lifecycle_state_field,) if self._lifecycle_state_field else ())
    def _compute_lifecycle_can(self):
        """Fill every ``can_<action>`` field of the model for the current user.

        Who and the status decide whether the button shows; the guard (missing
        data) is explained when the button is pressed.
        """
        names = [name for name, field in self._fields.items()
                 if field.compute == "_compute_lifecycle_can" and name.startswith("can_")
                 and name[4:] in self._lifecycle_transitions]
        for name in names:
            refused = self._lifecycle_reasons(name[4:], guard=False)
            for record in self:
                record[name] = record not in refused

    @api.model
    def _lifecycle_group_expand(self, states, domain):
        """Kanban columns: every status in lifecycle order, the final ones last (and folded)."""
        field = self._fields[self._lifecycle_state_field]
        keys = [key for key, _label in field._description_selection(self.env)]
        final = [key for key in keys if key in self._lifecycle_folded_states]
        return [key for key in keys if key not in final] + final

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model
    def _read_group_fill_results(self, domain, groupby, annoted_aggregates, read_group_result,
                                 read_group_order=None):
        """Fold the final statuses' columns in kanban views grouped by status."""
        result = super()._read_group_fill_results(
            domain, groupby, annoted_aggregates, read_group_result, read_group_order)
        if groupby == self._lifecycle_state_field:
            for line in result:
                line["__fold"] = line.get(groupby) in self._lifecycle_folded_states
        return result

    @api.model_create_multi
    def create(self, vals_list):
        if not self._lifecycle_trusted():
            # no right to create at all is an access error, before any word on workflow fields
            self.browse().check_access("create")
            protected = self._lifecycle_protected_fields()
            context = self.env.context
            defaults = [key for key in context
                        if key.startswith("default_") and key[8:] in protected]
            if defaults:
                # context defaults of workflow fields are ignored, as any other client value
                self = self.with_env(self.env(context={
                    key: value for key, value in context.items() if key not in defaults}))
            initial = self._lifecycle_initial_state()
            for vals in vals_list:
                refused = [
                    name for name in protected.intersection(vals)
                    if vals[name] and not (name == self._lifecycle_state_field
                                           and vals[name] == initial)
                ]
                if refused:
                    raise UserError(self._lifecycle_refusal(refused))
                # a related field would write the record it comes from: ignored, as a default
                for name in self._lifecycle_related_fields().intersection(vals):
                    del vals[name]
            records = super().create(vals_list)
            records._lifecycle_check_lines_open()
            return records
        return super().create(vals_list)

    def write(self, vals):
        if not self._lifecycle_trusted():
            self.check_access("write")
            self._lifecycle_check_vals(vals)
            self._lifecycle_check_substance(vals)
        return super().write(vals)

    def unlink(self):
        if not self._lifecycle_trusted():
            self._lifecycle_check_lines_open()
        return super().unlink()

    def _lifecycle_trusted(self):
        """Whether the caller is the lifecycle path (or the superuser loading data)."""
        context = self.env.context
        return context.get(_LIFECYCLE_KEY) is _LIFECYCLE_TOKEN or bool(
            self.env.su and context.get("install_mode"))

    def _lifecycle_protected_fields(self):
        """Fields only the lifecycle path writes: status, workflow fields, stored computed fields."""
        computed = {name for name, field in self._fields.items()
                    if field.compute and field.store and field.readonly and not field.related
                    and not field.inverse
                    and not name.startswith(_FREE_PREFIXES)}
        state = (self._lifecycle_state_field,) if self._lifecycle_state_field else ()
        return {*state, *self._lifecycle_workflow_fields} | computed

    def _lifecycle_initial_state(self):
        if not self._lifecycle_state_field:
            return False
        field = self._fields[self._lifecycle_state_field]
        return field.default(self) if field.default else False

    def _lifecycle_check_vals(self, vals):
        """Refuse ``vals`` when they change a protected field, or anything of a locked record."""
        protected = self._lifecycle_protected_fields().intersection(vals)
        refused = [name for name in protected if self._lifecycle_changes(name, vals[name])]
        if refused:
            raise UserError(self._lifecycle_refusal(refused))
        locked = self.filtered(
            lambda rec: rec._lifecycle_locked_states
            and rec[rec._lifecycle_state_field] in rec._lifecycle_locked_states)
        if locked:
            refused = [name for name in vals if not name.startswith(_FREE_PREFIXES)
                       and locked._lifecycle_changes(name, vals[name])]
            if refused:
                raise UserError(self.env._(
                    "%(record)s is %(state)s: it can no longer be changed.",
                    record=locked[0].display_name,
                    state=locked[0]._lifecycle_state_label(locked[0][self._lifecycle_state_field])))

    def _lifecycle_related_fields(self):
        """Readonly related fields: writing them writes the record they come from."""
        return {name for name, field in self._fields.items()
                if field.related and field.readonly and not name.startswith(_FREE_PREFIXES)}

    def _lifecycle_frozen_fields(self):
        """The substance fields frozen in the current status of ``self`` (one record)."""
        state = self[self._lifecycle_state_field] if self._lifecycle_state_field else False
        frozen = set() if state in self._lifecycle_substance_open else set(self._lifecycle_substance)
        return frozen | set(self._lifecycle_substance_states.get(state, ()))

    def _lifecycle_line_fields(self, parent_model):
        """The one2many fields of ``parent_model`` that hold the lines of ``self``."""
        return [name for name, field in parent_model._fields.items()
                if field.type == "one2many" and field.comodel_name == self._name
                and field.inverse_name == self._lifecycle_parent_field]

    def _lifecycle_locked_lines(self):
        """The lines of ``self`` whose parent's status freezes them."""
        if not self._lifecycle_parent_field:
            return self.browse()
        parents = self[self._lifecycle_parent_field]
        if not hasattr(parents, "_lifecycle_frozen_fields"):
            return self.browse()
        names = set(self._lifecycle_line_fields(parents))
        # sudo: the parent's status decides, whoever may read the parent
        frozen = parents.sudo().filtered(lambda parent: names & parent._lifecycle_frozen_fields())
        return self.filtered(lambda line: line[self._lifecycle_parent_field].id in frozen.ids)

    def _lifecycle_check_lines_open(self, names=None):
        """Refuse a change of lines (``names`` written, else create/unlink) a parent froze."""
        locked = self._lifecycle_locked_lines()
        if names is not None and locked:
            names = [name for name in names if name not in self._lifecycle_line_free_fields
                     and not name.startswith(_FREE_PREFIXES)
                     and locked._lifecycle_changes(name, names[name])]
            if not names:
                return
        if locked:
            # sudo: the parent's name and status, to say why
            parent = locked[:1].sudo()[self._lifecycle_parent_field]
            raise UserError(self.env._(
                "%(record)s is %(state)s: its %(lines)s can no longer change. A change needs a new "
                "decision (back to draft, a new round or an amendment).",
                record=parent.display_name,
                state=parent._lifecycle_state_label(parent[parent._lifecycle_state_field])
                if getattr(parent, "_lifecycle_state_field", False) else self.env._("under review"),
                lines=self._description))

    def _lifecycle_check_substance(self, vals):
        """Refuse ``vals`` that change a parent link, a related field or frozen substance."""
        parent_field = self._lifecycle_parent_field
        fixed = self._lifecycle_related_fields().intersection(vals)
        if parent_field and parent_field in vals:
            fixed.add(parent_field)
        refused = [name for name in fixed if self._lifecycle_changes(name, vals[name])]
        if refused:
            raise UserError(self.env._(
                "%(fields)s of %(model)s are fixed: they never change after the record is created.",
                fields=", ".join(self._fields[name]._description_string(self.env)
                                 for name in sorted(refused)),
                model=self._description))
        if self._lifecycle_substance or self._lifecycle_substance_states:
            for record in self:
                frozen = record._lifecycle_frozen_fields().intersection(vals)
                # one2many commands reach the lines, which check themselves
                refused = [name for name in frozen if record._fields[name].type != "one2many"
                           and record._lifecycle_changes(name, vals[name])]
                if refused:
                    raise UserError(self.env._(
                        "%(record)s is %(state)s: %(fields)s were decided and no longer change. "
                        "A change needs a new decision (back to draft, a new round or an "
                        "amendment).",
                        record=record.display_name,
                        state=record._lifecycle_state_label(record[record._lifecycle_state_field])
                        if record._lifecycle_state_field else self.env._("recorded"),
                        fields=", ".join(record._fields[name]._description_string(self.env)
                                         for name in sorted(refused))))
        self._lifecycle_check_lines_open(vals)

    def _lifecycle_changes(self, name, value):
        """Whether writing ``value`` in field ``name`` changes any record of ``self``."""
        field = self._fields[name]
        if field.type == "one2many":
            return True
        if field.type == "many2many":
            for record in self:
                new = set(field.convert_to_cache(value, record, validate=False))
                if new != set(record[name].ids):
                    return True
            return False
        for record in self:
            new = field.convert_to_cache(value, record, validate=False)
            old = field.convert_to_cache(record[name], record, validate=False)
            if (new or old) and new != old:
                return True
        return False

    def _lifecycle_refusal(self, names):
        labels = ", ".join(self._fields[name]._description_string(self.env) for name in sorted(names))
        return self.env._(
            "%(fields)s of %(model)s change only through its actions (the buttons of its form).",
            fields=labels, model=self._description)

    # ------------------------------------------------------------------
    # The transition path
    # ------------------------------------------------------------------

    def _lifecycle_spec(self, action):
        spec = self._lifecycle_transitions.get(action)
        if not spec:
            raise UserError(self.env._("%(model)s has no action %(action)s.",
                                       model=self._description, action=action))
        return spec

    def _lifecycle_reasons(self, action, by=None, guard=True):
        """``{record: reason}`` for the records of ``self`` that cannot do ``action`` now.

        ``by`` is ``"approval"`` or ``"system"`` when engine code asks; otherwise
        the current user must be one of the transition's ``who``.
        """
        spec = self._lifecycle_spec(action)
        who = spec.get("who", ())
        reasons = {}
        if by:
            allowed_by = by in who
            groups_ok = False
        else:
            allowed_by = False
            groups_ok = any(self.env.user.has_group(item) for item in who if "." in item)
        for record in self:
            state = record[record._lifecycle_state_field]
            if state not in spec["from"]:
                reasons[record] = self.env._(
                    "%(record)s is %(state)s: this action is not possible in this status.",
                    record=record.display_name, state=record._lifecycle_state_label(state))
                continue
            as_requester = (not by and WHO_REQUESTER in who
                            and self.env.user in record._lifecycle_requester_users())
            if not (allowed_by or groups_ok or as_requester):
                reasons[record] = self.env._(
                    "You are not allowed to do this on %(record)s.", record=record.display_name)
                continue
            if not by and not as_requester:
                # a group lets the user act for the university: never on what concerns them
                reason = record._lifecycle_act_reasons().get(record)
                if reason:
                    reasons[record] = reason
                    continue
            reason = guard and record._lifecycle_guard(spec)
            if reason:
                reasons[record] = reason
        return reasons

    def _lifecycle_guard(self, spec):
        self.ensure_one()
        if not spec.get("guard"):
            return False
        try:
            return getattr(self, spec["guard"])()
        except UserError as error:
            return error.args[0]

    def _lifecycle_check(self, action, by=None):
        """Raise a ``UserError`` listing why ``action`` is not possible on ``self``."""
        reasons = self._lifecycle_reasons(action, by=by)
        if reasons:
            raise UserError("\n".join(dict.fromkeys(reasons.values())))

    def _lifecycle_run(self, action, vals=None, by=None):
        """Check and perform ``action`` on ``self``: the one path that changes a status."""
        self._lifecycle_check(action, by=by)
        return self._lifecycle_do(action, vals)

    def _lifecycle_do(self, action, vals=None):
        """Perform a checked ``action``: write its status and ``vals``, or start its round."""
        spec = self._lifecycle_spec(action)
        if spec.get("approval"):
            if vals:
                self._lifecycle_write(vals)
            return self._approval_submit(spec["approval"])
        return self._lifecycle_set_state(spec["to"], vals)

    def _lifecycle_set_state(self, state, vals=None):
        state_field = self._lifecycle_state_field
        previous = {record: record[state_field] for record in self}
        self._lifecycle_write(dict(vals or {}, **{state_field: state}))
        if not getattr(self._fields[state_field], "tracking", False) and hasattr(self, "_message_log_batch"):
            # one note per record that changed, logged in one batch (the transition was checked)
            changed = self.filtered(lambda record: previous[record] != state)
            # sudo: the engine logs the checked transition (the author stays the user)
            changed.sudo()._intl_message_log_batch({
                record.id: _lt("Status: %(old)s → %(new)s",
                               old=intl_message.selection(record, state_field, previous[record]),
                               new=intl_message.selection(record, state_field, state))
                for record in changed})
        self._lifecycle_changed(previous)
        return True

    def _lifecycle_move_to(self, state, by):
        """Reach ``state`` through the declared transition ``by`` may perform (engine code)."""
        for record in self:
            current = record[record._lifecycle_state_field]
            if current == state:
                continue
            action = next((name for name, spec in record._lifecycle_transitions.items()
                           if spec.get("to") == state and current in spec["from"]
                           and by in spec.get("who", ())), None)
            if not action:
                raise UserError(self.env._(
                    "No declared transition leads %(record)s from %(old)s to %(new)s.",
                    record=record.display_name, old=record._lifecycle_state_label(current),
                    new=record._lifecycle_state_label(state)))
            record._lifecycle_run(action, by=by)

    def _lifecycle_write(self, vals):
        """Write workflow fields: engine code only, after its own permission check."""
        return self.with_context(**{_LIFECYCLE_KEY: _LIFECYCLE_TOKEN}).write(vals)

    @api.model
    def _lifecycle_create(self, vals_list):
        """Create records with workflow fields: engine code only, after its own check."""
        records = self.with_context(**{_LIFECYCLE_KEY: _LIFECYCLE_TOKEN}).create(vals_list)
        return records.with_env(self.env)

    def _lifecycle_changed(self, previous):
        """Hook: the status of the records of ``self`` changed from ``previous[record]``."""

    # ------------------------------------------------------------------
    # Hooks and helpers
    # ------------------------------------------------------------------

    def _lifecycle_requester_users(self):
        """Hook: the users who requested the record (``"requester"`` of a transition)."""
        return self.env["res.users"]

    def _lifecycle_subject_users(self):
        """Hook: the users the record is about (traveller, employee, payee) or who asked for
        the change it carries: they never act on it for the university."""
        users = self.env["res.users"]
        if hasattr(self, "_approval_employee"):
            # sudo: whom the record is about is read on the employee, which only HR reads in full
            users |= self.sudo()._approval_employee().user_id
        if self._lifecycle_parent_field:
            # a line concerns whom its parent concerns; sudo: as above
            parent = self.sudo()[self._lifecycle_parent_field]
            if hasattr(parent, "_lifecycle_subject_users"):
                users |= parent._lifecycle_subject_users()
        return users.with_env(self.env)

    def _lifecycle_act_reasons(self, user=None):
        """``{record: reason}``: the records of ``self`` that concern ``user`` (the current one).

        The one answer to "may this user act on this record" for buttons, wizards
        and the server: group-gated transitions and money actions ask it.
        """
        user = user or self.env.user
        reasons = {}
        for record in self:
            if user in record._lifecycle_subject_users():
                reasons[record] = self.env._(
                    "%(record)s concerns you: another person acts on it for the university.",
                    record=record.display_name)
        return reasons

    def _lifecycle_check_may_act(self):
        """Raise when a record of ``self`` concerns the current user (money, decisions)."""
        reasons = self._lifecycle_act_reasons()
        if reasons:
            raise UserError("\n".join(dict.fromkeys(reasons.values())))

    def _lifecycle_state_label(self, state):
        field = self._fields[self._lifecycle_state_field]
        return dict(field._description_selection(self.env)).get(state, state)

    def _lifecycle_check_group(self, xmlid, message):
        """Raise ``message`` unless the current user belongs to group ``xmlid``."""
        if not self.env.user.has_group(xmlid):
            raise UserError(message)

    def _lifecycle_check_officer(self):
        """Raise unless the current user is a DIC officer."""
        self._lifecycle_check_group(
            "intl_cooperation.group_intl_officer",
            self.env._("Only the International Cooperation Department can do this."))

    def _lifecycle_open_wizard(self, model, name, context=None, view_xmlid=None):
        """The window action opening wizard ``model`` for ``self``."""
        action = {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": dict(context or {}, active_model=self._name, active_ids=self.ids,
                            active_id=self[:1].id),
        }
        if view_xmlid:
            action["views"] = [(self.env.ref(view_xmlid).id, "form")]
        return action

    @api.model
    def _lifecycle_next_reference(self, vals_list, code, field="name"):
        """Give each of ``vals_list`` a reference from sequence ``code`` when it has none."""
        for vals in vals_list:
            if vals.get(field, "/") in ("/", False, None, ""):
                vals[field] = self.env["ir.sequence"].next_by_code(code) or "/"
        return vals_list
