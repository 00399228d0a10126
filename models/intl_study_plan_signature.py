from odoo import api, fields, models
from odoo.exceptions import UserError


class IntlStudyPlanSignature(models.Model):
    """One party's signature of one stage of a mobility's learning (or mobility) agreement.

    Written by the engine only: the approval route signs for the sending institution before and
    during the mobility, the Registrar's recognition after it; the student (or the coordinator
    recording their signature) and DIC (recording the receiving institution's) through the plan's
    *Record a Signature*. Nobody writes, moves or deletes a signature.
    """

    _name = "intl.study.plan.signature"
    _inherit = ["intl.lifecycle.mixin"]
    _description = "Learning Agreement Signature"
    _order = "plan_id, id"
    _lifecycle_state_field = False
    _lifecycle_parent_field = "plan_id"
    _lifecycle_workflow_fields = ("plan_id", "stage", "party", "signatory", "date_signed", "user_id")

    plan_id = fields.Many2one("intl.study.plan", "Agreement", required=True, ondelete="cascade", index=True,
                              readonly=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    stage = fields.Selection(
        [("before", "Before the Mobility"), ("during", "Changes during the Mobility"),
         ("after", "After the Mobility (Transcript)")], required=True, readonly=True)
    party = fields.Selection(
        [("student", "Student"), ("sending", "Sending Institution"), ("receiving", "Receiving Institution")],
        "Signing Party", required=True, readonly=True)
    signatory = fields.Char(readonly=True, help="Who signed for the party.")
    date_signed = fields.Date("Signed On", required=True, readonly=True)
    user_id = fields.Many2one("res.users", "Recorded By", readonly=True)

    _sql_constraints = [
        ("plan_stage_party_uniq", "unique(plan_id, stage, party)",
         "A party signs each stage of an agreement once."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        if not self._lifecycle_trusted():
            raise UserError(self.env._("Signatures are recorded through the agreement's signing buttons."))
        return super().create(vals_list)
