from odoo import api, fields, models, tools
from odoo.exceptions import UserError

MODULE = "intl_cooperation"

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
        string="Checklist Documents", readonly=True, copy=False)

    @tools.ormcache()
    def _intl_module_models(self):
        """The models of the module: the only owners of a file a checklist or a report holds."""
        return frozenset(name for name, model in self.env.registry.items() if model._original_module == MODULE)

    def _intl_may_be_fixed(self):
        """Whether a file of ``self`` may be held by a checklist or a report: a file of one of
        the module's records, or of no record (the checklist and receipt lines give their files
        a module record as owner and refuse the files of other records,
        ``_intl_check_module_owned``). The files of Odoo's own records (the
        mail composer's, a partner's) cost no query here."""
        models = self._intl_module_models()
        # sudo: the owner of the file, read without the attachment's access check (no query
        # when the caller read or created it already)
        return any(not attachment.res_model or attachment.res_model in models for attachment in self.sudo())

    def _intl_check_module_owned(self):
        """Refuse to hold (in a checklist or a report) a file of a record of another application:
        a held file stays as it was seen, which ``_intl_check_not_fixed`` checks on the files of
        the module's records only."""
        models = self._intl_module_models()
        # sudo: the owner of the file, whoever links it
        foreign = self.sudo().filtered(lambda attachment: attachment.res_model and attachment.res_model not in models)
        if foreign:
            raise UserError(self.env._(
                "%(file)s belongs to another application's record: upload the file here instead.",
                file=foreign[0].name))

    def _intl_check_not_fixed(self):
        if not self.ids or (self.env.su and self.env.context.get("install_mode")):
            return
        if not self._intl_may_be_fixed():
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

    @api.model_create_multi
    def create(self, vals_list):
        if any("intl_document_line_ids" in vals for vals in vals_list):
            self._intl_refuse_checklist_link()
        return super().create(vals_list)

    def _intl_refuse_checklist_link(self):
        """A file joins a checklist from the document's side only (``intl.document.line``), which
        checks who attaches it and keeps a verified document's files."""
        if not (self.env.su and self.env.context.get("install_mode")):
            raise UserError(self.env._("Attach the file from its checklist document."))

    def write(self, vals):
        if "intl_document_line_ids" in vals:
            self._intl_refuse_checklist_link()
        if _CONTENT_FIELDS & set(vals):
            self._intl_check_not_fixed()
        return super().write(vals)

    def unlink(self):
        self._intl_check_not_fixed()
        return super().unlink()
