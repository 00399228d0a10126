from odoo import fields, models

POSITIONS = {"intl_rector_id", "intl_vice_rector_science_id", "intl_vice_rector_academic_id",
             "intl_programmes_head_id"}


class ResCompany(models.Model):
    """The decision makers DP 717 names, and the approval deadlines' settings."""

    _inherit = "res.company"

    intl_rector_id = fields.Many2one(
        "hr.employee", "Rector", check_company=True,
        help="Approves the order of a business trip (5.3), the decision on a delegation (5.4.1) and "
             "the annual report (7.1); signs invitation letters.")
    intl_vice_rector_science_id = fields.Many2one(
        "hr.employee", "Vice-Rector for Science and International Cooperation", check_company=True,
        help="Approves the plan of inviting foreign scholars with the rector (5.5); signs invitation letters.")
    intl_vice_rector_academic_id = fields.Many2one(
        "hr.employee", "Vice-Rector for Academic Affairs", check_company=True,
        help="Approves a delegation's programme and its meeting protocol 403-02 with the rector (5.4.3); "
             "signs invitation letters.")
    intl_programmes_head_id = fields.Many2one(
        "hr.employee", "Head of the International Programmes Office", check_company=True,
        help="Decides with the DIC Director whether to accept an invited scholar's file (5.5.1).")
    intl_approval_grace_days = fields.Integer(
        "Escalation Grace Period", default=2,
        help="Working days after a step's deadline before it goes to the route's next level.")
    intl_approval_link_days = fields.Integer(
        "Decision Links Valid For", default=7,
        help="Days during which the Approve / Reject links of an approval e-mail work.")

    def write(self, vals):
        result = super().write(vals)
        if POSITIONS & set(vals):
            # the approval engine caches who holds the positions
            self.env.registry.clear_cache()
        return result

    def _intl_signatory_employees(self):
        """The rector and the vice-rectors: who may sign for the university (5.4.1)."""
        self.ensure_one()
        return self.intl_rector_id | self.intl_vice_rector_science_id | self.intl_vice_rector_academic_id
