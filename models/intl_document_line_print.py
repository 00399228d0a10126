from odoo import api, fields, models
from odoo.exceptions import UserError


class IntlDocumentLine(models.Model):
    """A form the module prints (601-03, 403-03, 403-10) is attached by printing it from the record."""

    _inherit = "intl.document.line"

    can_print_form = fields.Boolean(compute="_compute_can_print_form")

    @api.depends("type_id.report_ids", "res_model", "state")
    def _compute_can_print_form(self):
        for line in self:
            line.can_print_form = line.state != "verified" and bool(line._printed_form_report())

    def _printed_form_report(self):
        self.ensure_one()
        return self.type_id.report_ids.filtered(lambda report: report.model == self.res_model)[:1]

    def action_print_attach(self):
        self.ensure_one()
        report = self._printed_form_report()
        if not report or self.state == "verified":
            raise UserError(self.env._("%(document)s is not printed from the record here.",
                                       document=self.type_id.display_name))
        record = self.env[self.res_model].browse(self.res_id)
        record.check_access("read")
        self.check_access("write")
        pdf, _kind = self.env["ir.actions.report"]._render_qweb_pdf(report, record.ids)
        name = "%s %s.pdf" % (self.type_id.code or self.type_id.name, record.display_name)
        attachment = self.env["ir.attachment"].create({
            "name": name.replace("/", "-"), "raw": pdf, "mimetype": "application/pdf",
            "res_model": self._name, "res_id": self.id})
        self.write({"attachment_ids": [fields.Command.link(attachment.id)]})
        return True
