from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    intl_trip_id = fields.Many2one(related="move_id.intl_trip_id", store=True, index="btree_not_null",
                                   string="Business Trip")

    def action_intl_advances_ledger(self):
        """The journal items of the employee advances account (1250), by trip, with their
        reconciliation; filters per trip, traveller and account."""
        self.check_access("read")
        company = self.env.company
        accounts = self.env["res.company"].search(
            [("id", "in", self.env.companies.ids)]).intl_advance_account_id
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "intl_cooperation.intl_account_move_line_action_advances")
        action["domain"] = [("account_id", "in", accounts.ids or company.intl_advance_account_id.ids),
                            ("parent_state", "=", "posted")]
        return action
