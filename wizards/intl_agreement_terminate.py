from odoo import fields, models
from odoo.exceptions import UserError


class IntlAgreementTerminate(models.TransientModel):
    """Asks the date and reason of an early termination of signed agreements."""

    _name = "intl.agreement.terminate"
    _description = "Agreement Termination"

    date = fields.Date("Termination Date", required=True, default=fields.Date.context_today)
    reason = fields.Text(required=True)

    def _get_agreements(self):
        if self.env.context.get("active_model") != "intl.agreement":
            raise UserError(self.env._("Open the termination from the agreement."))
        return self.env["intl.agreement"].browse(self.env.context.get("active_ids") or [])

    def action_terminate(self):
        self.ensure_one()
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason of the termination."))
        agreements = self._get_agreements()
        agreements._check_can_terminate()
        for agreement in agreements:
            if agreement.date_start and self.date < agreement.date_start:
                raise UserError(self.env._(
                    "%(agreement)s cannot end before it came into force.", agreement=agreement.display_name
                ))
        agreements._do_terminate(self.date, self.reason.strip())
        return {"type": "ir.actions.act_window_close"}
