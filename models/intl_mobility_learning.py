from odoo import fields, models
from odoo.exceptions import AccessError, UserError

COORDINATOR = "intl_cooperation.group_intl_coordinator"


class IntlMobility(models.Model):
    """The learning agreement (learner) or mobility agreement (staff) of an outgoing mobility: the
    study plans of the mobility (``intl.study.plan`` with ``mobility_id``), one per version; and the
    application whose acceptance by the partner planned it."""

    _inherit = "intl.mobility"

    study_plan_ids = fields.One2many("intl.study.plan", "mobility_id", "Learning Agreements")
    study_plan_count = fields.Integer("Agreements", compute="_compute_study_plan_count")
    application_ids = fields.One2many("intl.mobility.application", "mobility_id", "Application")

    def _compute_study_plan_count(self):
        counts = dict(self.env["intl.study.plan"]._read_group(
            [("mobility_id", "in", self.ids)], ["mobility_id"], ["__count"]))
        for mobility in self:
            mobility.study_plan_count = counts.get(mobility, 0)

    def action_create_learning_agreement(self):
        """The institute's coordinator or DIC draws up the agreement of a planned outgoing mobility."""
        self.ensure_one()
        if not self.env.user.has_group(COORDINATOR) or self._guard_manage():
            raise AccessError(self.env._("The institute's coordinators and DIC draw up a learning agreement."))
        if self.direction != "outgoing" or self.state != "planned":
            raise UserError(self.env._("%(mobility)s: a learning agreement is drawn up for a planned outgoing "
                                       "mobility.", mobility=self.display_name))
        plan = self.study_plan_ids.filtered(lambda p: p.state not in ("cancel", "superseded"))[-1:]
        if not plan:
            plan = self.env["intl.study.plan"].create({"mobility_id": self.id})
        return {"type": "ir.actions.act_window", "res_model": "intl.study.plan", "res_id": plan.id,
                "view_mode": "form"}

    def action_open_study_plans(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window", "name": self.env._("Learning Agreements"),
            "res_model": "intl.study.plan", "view_mode": "list,form",
            "domain": [("mobility_id", "=", self.id)], "context": {"default_mobility_id": self.id},
        }
