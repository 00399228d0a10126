from odoo import fields, models


class IntlDocumentType(models.Model):
    """A kind of document a process asks for (DP 717 forms, passports, ...)."""

    _name = "intl.document.type"
    _description = "Document Type"
    _order = "sequence, code, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Form number in the university's register, e.g. 601-03.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    process_ids = fields.Many2many(
        "intl.process",
        string="Processes",
        help="Processes whose records get this document in their checklist.",
    )
    required = fields.Boolean(
        help="Mandatory: approval steps that require documents wait until it is verified."
    )
    original_required = fields.Boolean("Original Needed")
    notarized_copy = fields.Boolean("Notarised Copy Needed")
    apostille = fields.Boolean("Apostille Needed")
    due_after = fields.Boolean(
        "Due After the Event",
        help="Handed in after the trip or the visit (reports): not asked for at application time.")
    expires = fields.Boolean(
        "Has Expiry Date", help="The document is valid until a date (passport, visa, certificate)."
    )

    def _compute_display_name(self):
        for doc_type in self:
            doc_type.display_name = (
                f"{doc_type.code} {doc_type.name}" if doc_type.code else doc_type.name
            )
