from odoo import api, fields, models


class IntlDocumentCheck(models.TransientModel):
    """The officer confirms each property the document type declares, and verifies it."""

    _name = "intl.document.check"
    _description = "Check a Document"

    line_id = fields.Many2one("intl.document.line", required=True, ondelete="cascade")
    type_id = fields.Many2one(related="line_id.type_id")
    attachment_ids = fields.Many2many(related="line_id.attachment_ids", string="Files")
    need_copies = fields.Integer(related="line_id.type_id.copies", string="Copies Needed")
    need_electronic = fields.Boolean(related="line_id.type_id.electronic_copy")
    need_original = fields.Boolean(related="line_id.type_id.original_required")
    need_notarized = fields.Boolean(related="line_id.type_id.notarized_copy")
    need_apostille = fields.Boolean(related="line_id.type_id.apostille")
    need_seal = fields.Boolean(related="line_id.type_id.seal_required")
    copies = fields.Integer("Paper Copies Handed In")
    electronic = fields.Boolean("Electronic Copy Received")
    original = fields.Boolean("Original Seen")
    notarized = fields.Boolean("Notarised")
    apostille = fields.Boolean("Apostille Present")
    seal = fields.Boolean("Seal Present")

    @api.onchange("line_id")
    def _onchange_line_id(self):
        self.copies = self.line_id.checked_copies

    def action_confirm(self):
        self.ensure_one()
        self.line_id._do_check(copies=self.copies, electronic=self.electronic, original=self.original,
                               notarized=self.notarized, apostille=self.apostille, seal=self.seal)
