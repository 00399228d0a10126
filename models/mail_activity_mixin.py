from odoo import api, models


class MailActivityMixin(models.AbstractModel):
    """The next activity's summary of a list (``activity_summary``) in the reader's language,
    as the activity itself reads (``mail.activity._read_format``)."""

    _inherit = "mail.activity.mixin"

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load)
        if "activity_summary" not in fnames or not result:
            return result
        records = self.browse([values["id"] for values in result])
        # the related field reads the first activity of each record (its default order)
        firsts = {record.id: record.activity_ids[:1] for record in records}
        summaries = self.env["mail.activity"].concat(*firsts.values())._intl_summaries()
        for values in result:
            first = firsts.get(values["id"])
            if first and first.id in summaries and "activity_summary" in values:
                values["activity_summary"] = summaries[first.id]
        return result

    @api.model
    def _search_activity_user_id(self, operator, operand):
        """Odoo finds the records of a user's done (archived) activities too, for the types that
        keep them; the approval engine archives the activities of a decided step
        (``intl.approval.mixin._approval_close_activities``): those are not the user's to-dos,
        and the list the systray opens (``activity_user_id``) shows their open ones only."""
        domain = super()._search_activity_user_id(operator, operand)
        if isinstance(operand, bool) and ((operator == "=" and not operand) or (operator == "!=" and operand)):
            return domain
        # the id alone: no query to check that the type still exists
        type_id = self.env["ir.model.data"]._xmlid_to_res_id(
            "intl_cooperation.mail_activity_type_approval", raise_if_not_found=False)
        if not type_id:
            return domain
        return [("activity_ids", "any", [
            ("active", "in", [True, False]), ("user_id", operator, operand),
            "|", ("active", "=", True), ("activity_type_id", "!=", type_id)])]
