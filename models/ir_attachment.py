from odoo import fields, models
from odoo.exceptions import UserError

# what a file is: its content and the record it belongs to
_CONTENT_FIELDS = {"datas", "raw", "db_datas", "store_fname", "url", "type", "res_model", "res_id",
                   "res_field"}


class IrAttachment(models.Model):
    """The files a DIC officer verified or an accountant checked stay as they were seen.

    A verified document of a checklist and the receipts of a submitted advance
    report keep their files: their content is not replaced and they are not
    deleted or moved while the record rests on them (DIC resets the document,
    the accountant returns the report to draft first).
    """

    _inherit = "ir.attachment"

    # the checklist lines holding the file: a file of a personal-data line (passport, identity
    # card) is read by DIC only (rule ``ir_attachment_rule_intl_personal_data``)
    intl_document_line_ids = fields.Many2many(
        "intl.document.line", "intl_document_line_attachment_rel", "attachment_id", "line_id",
        string="Checklist Documents", readonly=True)

    def _intl_check_not_fixed(self):
        if not self.ids or (self.env.su and self.env.context.get("install_mode")):
            return
        # sudo: whoever touches the file, the module's record decides
        document = self.env["intl.document.line"].sudo().search(
            [("attachment_ids", "in", self.ids), ("state", "=", "verified")], limit=1)
        if document:
            raise UserError(self.env._(
                "%(document)s was verified with this file: it stays as verified (ask DIC to "
                "reset the document first).", document=document.type_id.display_name))
        receipt = self.env["intl.trip.advance.report.line"].sudo().search(
            [("attachment_ids", "in", self.ids), ("report_id.state", "!=", "draft")], limit=1)
        if receipt:
            raise UserError(self.env._(
                "%(report)s was submitted with this receipt: it stays as submitted.",
                report=receipt.report_id.display_name))

    def write(self, vals):
        if _CONTENT_FIELDS & set(vals):
            self._intl_check_not_fixed()
        return super().write(vals)

    def unlink(self):
        self._intl_check_not_fixed()
        return super().unlink()
