from odoo import api, models

# The home of each role, first match wins (see ``_intl_home_action``).
ROLE_HOMES = [
    ("intl_cooperation.group_intl_officer", "intl_cooperation.intl_home_tile_action_dic"),
    ("intl_cooperation.group_intl_accountant", "intl_cooperation.intl_trip_action_money_desk"),
    ("intl_cooperation.group_intl_hr", "intl_cooperation.intl_disciplinary_case_action_home"),
    ("intl_cooperation.group_intl_registrar", "intl_cooperation.intl_home_tile_action_registrar"),
    ("intl_cooperation.group_intl_management", "intl_cooperation.intl_approval_line_action"),
    ("intl_cooperation.group_intl_legal", "intl_cooperation.intl_approval_line_action"),
]
APPROVER_HOME = "intl_cooperation.intl_approval_line_action"
COORDINATOR_HOME = "intl_cooperation.intl_agreement_action"
REQUESTER_HOME = "intl_cooperation.intl_trip_action_mine"
HOME_DISPATCHER = "intl_cooperation.intl_home_action_server"


class ResUsers(models.Model):
    """Each user of the international office lands on their role's work.

    The user's home action (``action_id``) is the module's home dispatcher,
    which opens the home of the user's role at the time of login: the DIC
    dashboard, the accountant's money desk, HR's open cases, the registrar's
    dashboard, the approvals inbox of Management, legal reviewers and unit
    heads, the institute's agreements for coordinators, and the requester's
    own trips. The app's first menu opens the same home.
    """

    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._intl_set_home_action()
        return users

    def write(self, vals):
        result = super().write(vals)
        if any(key == "groups_id" or key.startswith(("in_group_", "sel_groups_")) for key in vals):
            self._intl_set_home_action()
        return result

    def _intl_set_home_action(self):
        """Give the users of the module the role home, unless they chose another home."""
        dispatcher = self.env.ref(HOME_DISPATCHER, raise_if_not_found=False)
        if not dispatcher:
            return
        users = self.filtered(lambda user: not user.action_id and not user.share
                              and user.has_group("intl_cooperation.group_intl_requester"))
        if users:
            # sudo: the home action is a preference the module sets for the user's role
            users.sudo().action_id = self.env["ir.actions.actions"].browse(dispatcher.id)

    def _intl_home_xmlid(self):
        """The xml id of the home action of the user's role."""
        self.ensure_one()
        for group, home in ROLE_HOMES:
            if self.has_group(group):
                return home
        is_head = self.env["hr.department"].search_count(
            [("manager_id.user_id", "=", self.id)], limit=1)
        if is_head:
            return APPROVER_HOME
        if self.has_group("intl_cooperation.group_intl_coordinator"):
            return COORDINATOR_HOME
        return REQUESTER_HOME

    def _intl_home_action(self):
        """The window action of the user's home (the dispatcher's result)."""
        self.ensure_one()
        return self.env["ir.actions.act_window"]._for_xml_id(self._intl_home_xmlid())
