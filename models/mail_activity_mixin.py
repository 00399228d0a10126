from odoo import models


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
