from odoo import api, fields, models

PRINT_LANGS = [("kk_KZ", "Kazakh"), ("ru_RU", "Russian"), ("en_US", "English")]


class IntlPrintWizardMixin(models.AbstractModel):
    """Print a process form in the language chosen at print time (kk, ru or en).

    A print wizard inherits this mixin and implements ``_get_report_and_docs``
    returning the report action record and the records it prints; the mixin
    gives the language field, its default (the user's language when it is one
    of the three) and ``action_print``.
    """

    _name = "intl.print.wizard.mixin"
    _description = "Print in a Language"

    lang = fields.Selection(PRINT_LANGS, "Language", required=True,
                            default=lambda self: self._default_lang())

    @api.model
    def _default_lang(self):
        lang = self.env.lang or self.env.user.lang or "en_US"
        return lang if lang in dict(PRINT_LANGS) else "en_US"

    def _get_report_and_docs(self):
        """Hook: ``(ir.actions.report record, records to print)``; raise a ``UserError`` if none."""
        raise NotImplementedError

    def action_print(self):
        self.ensure_one()
        report, docs = self._get_report_and_docs()
        action = report.with_context(lang=self.lang).report_action(docs, config=False)
        action["context"] = dict(action.get("context") or {}, lang=self.lang)
        action["close_on_report_download"] = True
        return action
