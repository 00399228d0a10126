from odoo import models

MODULE = "intl_cooperation"
# Odoo's models whose records the module's flows post and track (a trip's journal entries and
# payments, a business trip's time off): their statuses read in the reader's language too
CORE_MODELS = {"account.move", "account.payment", "hr.leave"}


class MailTrackingValue(models.Model):
    """Tracked statuses and links of the module's records in the reader's language.

    Odoo stores a tracked selection's label and a many2one's name in the
    language of whoever made the change; the chatter of the module's records
    shows them in the reader's language instead (the label of the same key,
    the record's name read again).
    """

    _inherit = "mail.tracking.value"

    def _tracking_value_format_model(self, model):
        formatted = super()._tracking_value_format_model(model)
        if not model or model not in self.env or (
                self.env[model]._original_module != MODULE and model not in CORE_MODELS):
            return formatted
        Model = self.env[model]
        by_id = {tracking.id: tracking for tracking in self}
        labels, names, links = {}, {}, []
        for values in formatted:
            field = Model._fields.get(values["fieldName"])
            tracking = by_id.get(values["id"])
            if not field or not tracking:
                continue
            if field.type == "selection":
                if field.name not in labels:
                    labels[field.name] = (self._intl_selection_keys(Model, field),
                                          dict(field._description_selection(self.env)))
                keys, here = labels[field.name]
                for side, char in (("oldValue", tracking.old_value_char), ("newValue", tracking.new_value_char)):
                    key = keys.get(char)
                    if key is not None:
                        values[side]["value"] = here.get(key, char)
            elif field.type == "many2one" and field.comodel_name in self.env:
                for side, record_id in (("oldValue", tracking.old_value_integer),
                                        ("newValue", tracking.new_value_integer)):
                    if record_id:
                        names.setdefault(field.comodel_name, set()).add(record_id)
                        links.append((values[side], field.comodel_name, record_id))
        # one read per linked model: the names in the reader's language
        for comodel, ids in names.items():
            # sudo: the names were already in the tracking the reader reads; only their language changes
            records = self.env[comodel].sudo().browse(list(ids)).exists()
            names[comodel] = dict(zip(records.ids, records.mapped("display_name"), strict=True))
        for side_values, comodel, record_id in links:
            if record_id in names[comodel]:
                side_values["value"] = names[comodel][record_id]
        return formatted

    def _intl_selection_keys(self, Model, field):
        """Label (in any active language) -> key of a selection field."""
        keys = {}
        for lang, _name in self.env["res.lang"].get_installed():
            for key, label in field._description_selection(Model.with_context(lang=lang).env):
                keys.setdefault(label, key)
        return keys
