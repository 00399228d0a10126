from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval


class IntlApprovalRoute(models.Model):
    """An ordered list of approval steps for one kind of record.

    Routes are data: the DIC Director edits them. A record's route is the
    first active route of its model and purpose whose condition matches it.
    """

    _name = "intl.approval.route"
    _inherit = ["mail.thread"]
    _description = "Approval Route"
    _order = "model, purpose, sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    model_id = fields.Many2one(
        "ir.model", "Applies To", required=True, ondelete="cascade",
        domain=[("model", "=like", "intl.%"), ("transient", "=", False)],
    )
    model = fields.Char(related="model_id.model", store=True, index=True)
    purpose = fields.Char(
        required=True, default="default", tracking=True,
        help="Which decision of the record the route serves (e.g. default, programme, extension).",
    )
    filter_domain = fields.Char(
        "Condition", default="[]", tracking=True,
        help="Only records matching this condition follow the route (e.g. funding source, amount).",
    )
    sequence = fields.Integer(default=10, help="The first matching route is used.")
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    escalation_group_id = fields.Many2one(
        "res.groups", "Next Level", ondelete="restrict", tracking=True,
        default=lambda self: self.env.ref("intl_cooperation.group_intl_director",
                                          raise_if_not_found=False),
        help="Decides a step that would otherwise have no approver, e.g. when the only approver "
             "requested the record or it is about them.")
    step_ids = fields.One2many("intl.approval.route.step", "route_id", "Steps", copy=True)
    step_count = fields.Integer(compute="_compute_step_count")

    @api.depends("step_ids")
    def _compute_step_count(self):
        for route in self:
            route.step_count = len(route.step_ids)

    @api.constrains("filter_domain", "model_id")
    def _check_filter_domain(self):
        for route in self:
            try:
                domain = safe_eval(route.filter_domain or "[]")
                self.env[route.model].search_count(domain, limit=1)
            except Exception as exc:  # any parsing error is a user error here
                raise ValidationError(
                    self.env._("The condition of route %(route)s is not valid: %(error)s",
                               route=route.name, error=exc)
                ) from exc

    def _escalation_group(self):
        """The group of the route's next level (the DIC Director by default)."""
        self.ensure_one()
        return self.escalation_group_id or self.env.ref("intl_cooperation.group_intl_director")

    def _escalation_users(self):
        """Internal users of the route's next level (the DIC Director by default)."""
        return self._escalation_group().users.filtered(lambda user: not user.share and user.active)

    def _matches(self, record):
        """Whether ``record`` satisfies the route's condition."""
        self.ensure_one()
        domain = safe_eval(self.filter_domain or "[]")
        return bool(record.filtered_domain(domain)) if domain else True

    @api.model
    def _find_routes(self, records, purpose="default"):
        """``{record: route}`` for ``records`` of one model (one search for all of them).

        A route of a company applies to the records of that company only (the record's
        company, not the companies the user works in): a route without company to all.
        """
        with_company = "company_id" in records._fields
        companies = records.company_id if with_company else records.env.companies
        routes = self.search([
            ("model", "=", records._name),
            ("purpose", "=", purpose),
            ("company_id", "in", [False, *companies.ids]),
        ])
        return {
            record: next((route for route in routes
                          if (not with_company or not route.company_id or route.company_id == record.company_id)
                          and route._matches(record)), self.browse())
            for record in records
        }
