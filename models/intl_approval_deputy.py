from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, ValidationError

HR = "intl_cooperation.group_intl_hr"


class IntlApprovalDeputy(models.Model):
    """Who decides an approver's steps while they are away (business trip, leave).

    The approver names their deputy for a date range, or HR does it for them.
    Steps that open in the range, and steps already open, go to the deputy as
    well (``intl.approval.mixin`` resolves them; ``_sync_open_lines`` updates the
    open ones when a deputy is named or a range starts or ends). Separation of
    duties applies to the deputy too: they never decide a record they requested
    or that is about them.
    """

    _name = "intl.approval.deputy"
    _inherit = ["mail.thread"]
    _description = "Approval Deputy"
    _order = "date_from desc, id desc"
    _check_company_auto = True

    user_id = fields.Many2one("res.users", "Approver", required=True, tracking=True, index=True,
                              domain=[("share", "=", False)], default=lambda self: self.env.user)
    deputy_id = fields.Many2one("res.users", "Deputy", required=True, tracking=True,
                                domain=[("share", "=", False)])
    date_from = fields.Date("From", required=True, tracking=True)
    date_to = fields.Date("To", required=True, tracking=True)
    reason = fields.Selection([("trip", "Business trip"), ("leave", "Leave"), ("other", "Other")],
                              required=True, default="other", tracking=True)
    trip_id = fields.Many2one("intl.trip", "Business Trip", ondelete="set null")
    note = fields.Char()
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    in_force = fields.Boolean("In Force Today", compute="_compute_in_force")

    @api.depends("date_from", "date_to", "active")
    def _compute_in_force(self):
        today = fields.Date.context_today(self)
        for deputy in self:
            deputy.in_force = bool(deputy.active and deputy.date_from and deputy.date_to
                                   and deputy.date_from <= today <= deputy.date_to)

    @api.constrains("user_id", "deputy_id", "date_from", "date_to")
    def _check_deputy(self):
        for deputy in self:
            if deputy.user_id == deputy.deputy_id:
                raise ValidationError(self.env._("%(user)s cannot be their own deputy.",
                                                 user=deputy.user_id.name))
            if deputy.deputy_id.share:
                raise ValidationError(self.env._("The deputy %(user)s is not an employee of the university.",
                                                 user=deputy.deputy_id.name))
            if deputy.date_from > deputy.date_to:
                raise ValidationError(self.env._("The deputy's period ends before it starts."))

    @api.model
    def default_get(self, fields_list):
        """From a business trip: the traveller's deputy for the trip's dates."""
        result = super().default_get(fields_list)
        trip_id = self.env.context.get("default_trip_id")
        if trip_id:
            trip = self.env["intl.trip"].browse(trip_id)
            result.update({
                "user_id": trip.user_id.id or result.get("user_id"), "reason": "trip",
                "date_from": trip.approved_date_from or trip.date_departure,
                "date_to": trip.approved_date_to or trip.date_return,
            })
        return result

    @api.model_create_multi
    def create(self, vals_list):
        self._check_can_name(vals_list)
        deputies = super().create(vals_list)
        deputies._changed()
        return deputies

    def write(self, vals):
        self._check_can_name([vals], self)
        result = super().write(vals)
        self._changed()
        return result

    def unlink(self):
        self._check_can_name([{}], self)
        result = super().unlink()
        self._changed()
        return result

    def _check_can_name(self, vals_list, deputies=None):
        """An approver names their own deputy; HR names anyone's."""
        if self.env.su or self.env.user.has_group(HR):
            return
        users = {vals["user_id"] for vals in vals_list if vals.get("user_id")}
        if deputies:
            users |= set(deputies.user_id.ids)
        if users - {self.env.uid}:
            raise AccessError(self.env._("You name your own deputy; HR names the deputy of someone else."))

    def _changed(self):
        self.env.registry.clear_cache()
        # sudo: the open steps of the approver are updated whoever named the deputy
        self.env["intl.approval.line"].sudo()._sync_deputies()

    # ------------------------------------------------------------------
    # Who stands in for whom (no query once cached: the approval click reads it)
    # ------------------------------------------------------------------

    @api.model
    @tools.ormcache("day")
    def _deputy_map(self, day):
        """``{approver id: (deputy ids)}`` of the deputies in force on ``day`` (ISO date)."""
        # sudo: who stands in for whom is read by the engine, whoever decides
        deputies = self.sudo().search_fetch([("date_from", "<=", day), ("date_to", ">=", day)],
                                            ["user_id", "deputy_id"])
        result = {}
        for deputy in deputies:
            result.setdefault(deputy.user_id.id, set()).add(deputy.deputy_id.id)
        return {user: tuple(sorted(ids)) for user, ids in result.items()}

    @api.model
    @tools.ormcache()
    def _any_deputy(self):
        """Whether any deputy is named at all (most days none is: no query, no date to read)."""
        # sudo: the engine checks whether anyone stands in for anyone
        return bool(self.sudo().search_count([], limit=1))

    @api.model
    def _today_map(self):
        if not self._any_deputy():
            return {}
        return self._deputy_map(fields.Date.to_string(fields.Date.context_today(self)))

    @api.model
    def _deputies_of(self, users):
        """The active deputies in force today of ``users`` (``res.users``)."""
        mapping = self._today_map()
        ids = {deputy for user in users.ids for deputy in mapping.get(user, ())}
        deputies = self.env["res.users"].browse(sorted(ids))
        return deputies.filtered("active") if deputies else deputies

    @api.model
    def _principals_of(self, deputy, users):
        """Those of ``users`` for whom ``deputy`` stands in today."""
        mapping = self._today_map()
        return users.filtered(lambda user: deputy.id in mapping.get(user.id, ()))

    @api.model
    def _cron_sync_deputies(self):
        """Daily: the open steps follow the deputies' ranges that start or end today."""
        self.env["intl.approval.line"].sudo()._sync_deputies()
