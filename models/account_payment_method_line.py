from odoo import api, models


class AccountPaymentMethodLine(models.Model):
    """A journal's payment method named in the reader's language.

    Odoo stores the line's name once, in the language of whoever created the
    journal (the chart's installation), so a Kazakh accountant read "Ручной
    платеж"; a name left as Odoo wrote it is shown as the method's name in the
    reader's language (a name someone typed stays as typed).
    """

    _inherit = "account.payment.method.line"

    @api.depends("journal_id", "name", "payment_method_id")
    @api.depends_context("hide_payment_journal_id", "lang")
    def _compute_display_name(self):
        result = super()._compute_display_name()
        langs = [code for code, _name in self.env["res.lang"].get_installed()]
        for line in self:
            method = line.payment_method_id
            if not (line.name and method):
                continue
            # sudo: the method's name in the other languages only tells whether the name was typed
            names = {method.sudo().with_context(lang=code).name for code in langs}
            if line.name not in names:
                continue
            name = method.name
            line.display_name = name if self.env.context.get("hide_payment_journal_id") \
                else f"{name} ({line.journal_id.name})"
        return result
