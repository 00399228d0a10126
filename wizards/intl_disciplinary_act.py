from odoo import fields, models
from odoo.exceptions import UserError

from ..models.intl_disciplinary_case import CASE_KINDS


class IntlDisciplinaryAct(models.TransientModel):
    """The act of absence (or of departure without approval) that opens a disciplinary case.

    Drawn up by the unit head of the traveller or HR, with its date and the
    witnesses who sign it; only then does a case exist.
    """

    _name = "intl.disciplinary.act"
    _description = "Act of Absence"

    trip_id = fields.Many2one("intl.trip", required=True)
    employee_id = fields.Many2one(related="trip_id.employee_id")
    kind = fields.Selection(CASE_KINDS, required=True)
    act_date = fields.Date("Act Drawn Up On", required=True, default=fields.Date.context_today)
    head_id = fields.Many2one("hr.employee", "Unit Head", required=True,
                              default=lambda self: self._default_head())
    witness_ids = fields.Many2many("hr.employee", string="Witnesses",
                                   help="The colleagues who witnessed the absence and sign the act.")

    def _default_head(self):
        trip = self.env["intl.trip"].browse(self.env.context.get("default_trip_id"))
        # sudo: the traveller's manager is read to prefill who signs
        employee = trip.sudo().employee_id
        return (employee.parent_id or employee.department_id.manager_id).id

    def action_confirm(self):
        self.ensure_one()
        trip = self.trip_id
        trip._check_can_draw_act("departure" if self.kind == "unapproved_departure" else "absence")
        if not self.witness_ids:
            raise UserError(self.env._("Name the witnesses who sign the act."))
        if self.employee_id in (self.witness_ids | self.head_id):
            raise UserError(self.env._("The employee concerned cannot sign the act."))
        if self.act_date > fields.Date.context_today(self):
            raise UserError(self.env._("The act cannot be dated in the future."))
        case = self.env["intl.disciplinary.case"]._open_for_trips(trip, self.kind, {
            "act_date": self.act_date, "act_head_id": self.head_id.id,
            "act_witness_ids": [fields.Command.set(self.witness_ids.ids)]})
        if self.env.user.has_group("intl_cooperation.group_intl_hr"):
            return {"type": "ir.actions.act_window", "res_model": case._name, "res_id": case.id,
                    "view_mode": "form", "views": [(False, "form")]}
        return {"type": "ir.actions.act_window_close"}
