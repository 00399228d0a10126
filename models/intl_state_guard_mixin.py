from odoo import api, models
from odoo.exceptions import UserError


class IntlStateGuardMixin(models.AbstractModel):
    """Status and workflow fields change only through the record's transitions.

    A consumer lists its guarded fields in ``_state_guarded_fields``; ``create``
    and ``write`` refuse them unless the call comes from a transition
    (``_state_transition``), which is how every button of the record changes
    its status. The approval engine's hooks go through the same path.
    """

    _name = "intl.state.guard.mixin"
    _description = "Status Guard Mixin"
    _state_guarded_fields = ("state",)

    def _state_guard_check(self, vals):
        if self.env.context.get("intl_state_transition") or self.env.su and self.env.context.get("install_mode"):
            return
        guarded = [name for name in self._state_guarded_fields if name in vals]
        if guarded:
            labels = ", ".join(self._fields[name]._description_string(self.env) for name in guarded)
            raise UserError(self.env._(
                "%(fields)s of %(model)s change only through the actions of the record.",
                fields=labels, model=self._description,
            ))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._state_guard_check(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._state_guard_check(vals)
        return super().write(vals)

    def _state_transition(self, vals, message=None):
        """The single path that writes status and workflow fields."""
        result = self.with_context(intl_state_transition=True).write(vals)
        if message:
            for record in self:
                record.message_post(body=message, subtype_xmlid="mail.mt_note")
        return result

    # the approval engine changes the status of its consumers through the same path
    def _approval_activate_next(self, purpose):
        return super(IntlStateGuardMixin, self.with_context(intl_state_transition=True))._approval_activate_next(
            purpose)

    def _approval_done(self, purpose):
        return super(IntlStateGuardMixin, self.with_context(intl_state_transition=True))._approval_done(purpose)

    def _approval_rejected(self, purpose, reason):
        return super(IntlStateGuardMixin, self.with_context(intl_state_transition=True))._approval_rejected(
            purpose, reason)
