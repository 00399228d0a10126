from odoo import models


class IntlTrip(models.Model):
    """The trip's journal items for the accountant."""

    _inherit = "intl.trip"

    def action_view_journal_items(self):
        self.ensure_one()
        self._check_is_accountant()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "intl_cooperation.intl_account_move_line_action_trip")
        action["domain"] = [("intl_trip_id", "=", self.id)]
        action["context"] = {"search_default_group_by_account": 1}
        action["display_name"] = self.env._("Journal Items: %(trip)s", trip=self.name)
        return action
