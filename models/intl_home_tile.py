from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.safe_eval import datetime as safe_datetime
from odoo.tools.safe_eval import dateutil, safe_eval

ROLES = [
    ("dic", "International Cooperation Department"),
    ("registrar", "Registrar"),
]


class IntlHomeTile(models.Model):
    """A counter on a role's home dashboard: what waits, with a click to the list.

    Tiles are data: another process adds its own tiles for a role (the
    registrar's study plans, for instance) without touching the dashboard. The
    count is read with the user's own rights.
    """

    _name = "intl.home.tile"
    _description = "Home Dashboard Tile"
    _order = "role, sequence, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Char(translate=True)
    sequence = fields.Integer(default=10)
    role = fields.Selection(ROLES, required=True, index=True)
    action_id = fields.Many2one("ir.actions.act_window", required=True, ondelete="cascade")
    domain = fields.Char(default="[]", help="Records counted and listed, on top of the action's own domain.")
    icon = fields.Char(default="fa-list", help="Font Awesome icon class.")
    color = fields.Integer()
    alert = fields.Boolean(help="Shown in red when something waits: a delay or a deadline.")
    count = fields.Integer(compute="_compute_count")

    @api.depends_context("uid")
    def _compute_count(self):
        for tile in self:
            # one count per tile: each tile reads another model or domain
            model = self.env[tile._action_model()]
            tile.count = model.search_count(tile._full_domain()) if model.has_access("read") else 0

    def _action_model(self):
        # sudo: the web client reads window actions through sudo too (their metadata is public)
        return self.action_id.sudo().res_model

    def _eval_context(self):
        return {
            "uid": self.env.uid,
            "context_today": lambda: fields.Date.context_today(self),
            "datetime": safe_datetime,
            "relativedelta": dateutil.relativedelta.relativedelta,
        }

    def _full_domain(self):
        self.ensure_one()
        context = self._eval_context()
        # sudo: see _action_model
        action_domain = safe_eval(self.action_id.sudo().domain or "[]", context)
        return [*action_domain, *safe_eval(self.domain or "[]", context)]

    def action_open(self):
        self.ensure_one()
        if not self.env[self._action_model()].has_access("read"):
            raise UserError(self.env._("You have no access to %(tile)s.", tile=self.name))
        action = self.action_id._get_action_dict()
        action["domain"] = self._full_domain()
        action["name"] = self.name
        # the tile's domain replaces the action's default filters
        context = safe_eval(action.get("context") or "{}", self._eval_context())
        action["context"] = {key: value for key, value in context.items()
                             if not key.startswith("search_default_")}
        return action
