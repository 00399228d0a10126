from contextlib import contextmanager
from contextvars import ContextVar

from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import UserError

# Set only by the transition path below: a JSON-RPC client cannot set it (unlike a context key).
_IN_TRANSITION = ContextVar("intl_scholar_in_transition", default=False)


@contextmanager
def lifecycle_path():
    """Let the enclosed code write status and workflow fields."""
    token = _IN_TRANSITION.set(True)
    try:
        yield
    finally:
        _IN_TRANSITION.reset(token)


def in_transition():
    """Whether the code runs inside the transition path."""
    return _IN_TRANSITION.get()


class IntlScholarLifecycleMixin(models.AbstractModel):
    """A declared lifecycle for the invited-scholar records.

    A consumer declares ``_lifecycle_transitions``::

        {action: (from_states, to_state, group_xmlid or None, guard method name or None)}

    and ``_lifecycle_protected_fields`` (besides ``state``). ``_lifecycle_do(action)``
    is the only path that changes the status: it checks the from status, the
    group and the guard, writes the status and posts it in the chatter.
    ``create`` and ``write`` refuse the status and the protected fields
    otherwise (the superuser's data loading excepted). The approval engine's
    own status changes run inside the same path.
    """

    _name = "intl.scholar.lifecycle.mixin"
    _description = "Invited Scholar Lifecycle"

    _lifecycle_transitions = {}
    _lifecycle_protected_fields = ()

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    def _lifecycle_fields(self):
        return {"state", *self._lifecycle_protected_fields}

    def _lifecycle_check_vals(self, vals, creating=False):
        if self.env.su or _IN_TRANSITION.get():
            return
        forbidden = self._lifecycle_fields() & set(vals)
        if creating and forbidden:
            defaults = self.default_get(list(forbidden))
            forbidden = {name for name in forbidden if vals[name] and vals[name] != defaults.get(name)}
        if forbidden:
            labels = ", ".join(sorted(self._fields[name].string for name in forbidden))
            raise UserError(self.env._(
                "%(fields)s change only through the actions of the process.", fields=labels))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._lifecycle_check_vals(vals, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        self._lifecycle_check_vals(vals)
        return super().write(vals)

    # ------------------------------------------------------------------
    # The transition path
    # ------------------------------------------------------------------

    def _lifecycle_can(self, action):
        """Whether the current user may perform ``action`` on every record (no exception)."""
        try:
            self._lifecycle_check(action)
        except UserError:
            return False
        return bool(self)

    def _lifecycle_check(self, action):
        from_states, _to_state, group, guard = self._lifecycle_transitions[action]
        if group and not self.env.su and not self.env.user.has_group(group):
            raise UserError(self.env._("You are not allowed to do this in %(records)s.",
                                       records=", ".join(self.mapped("display_name"))))
        for record in self:
            if record.state not in from_states:
                raise UserError(self.env._(
                    "%(record)s cannot do this in its status %(state)s.",
                    record=record.display_name, state=record._lifecycle_state_label()))
        if guard:
            getattr(self, guard)()

    def _lifecycle_do(self, action, vals=None):
        """Perform ``action``: check, write the new status (and ``vals``), post it."""
        self._lifecycle_check(action)
        to_state = self._lifecycle_transitions[action][1]
        with lifecycle_path():
            self.write(dict(vals or {}, state=to_state))
        for record in self if "message_ids" in self._fields else ():
            record.message_post(
                body=Markup("%s") % self.env._("Status: %(state)s", state=record._lifecycle_state_label()),
                subtype_xmlid="mail.mt_note")

    def _lifecycle_write(self, vals):
        """Write workflow fields from inside a transition or a system step."""
        with lifecycle_path():
            return self.write(vals)

    def _lifecycle_state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env)).get(self.state, self.state)

    # the approval engine changes the status of its consumers: inside the path
    def _approval_activate_next(self, purpose):
        with lifecycle_path():
            return super()._approval_activate_next(purpose)

    def _approval_done(self, purpose):
        with lifecycle_path():
            return super()._approval_done(purpose)

    def _approval_rejected(self, purpose, reason):
        with lifecycle_path():
            return super()._approval_rejected(purpose, reason)
