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
    copies = fields.Integer(
        "Paper Copies Needed",
        help="How many paper copies are handed in (e.g. the invitation in 3 copies); 0: not counted.")
    electronic_copy = fields.Boolean("Electronic Copy Needed")
    seal_required = fields.Boolean("Seal Needed", help="Stamped with the seal (HR, the university).")
    due_after = fields.Boolean(
        "Due After the Event",
        help="Handed in after the trip or the visit (reports): not asked for at application time.")
    expires = fields.Boolean(
        "Has Expiry Date", help="The document is valid until a date (passport, visa, certificate)."
    )
    personal_data = fields.Boolean(
        "Personal Data (DIC Only)",
        help="Identity documents (passports, identity cards): their files are read by the "
             "International Cooperation Department only. Others see that the document is on "
             "the checklist and its status, not the file.")

    _sql_constraints = [
        ("copies_positive", "CHECK(copies >= 0)", "The number of copies cannot be negative."),
    ]

    def _check_properties(self):
        """(key, label) of each property this type declares, which verification confirms."""
        self.ensure_one()
        declared = []
        if self.copies:
            declared.append(("copies", self.env._("%(copies)s paper copies", copies=self.copies)))
        if self.electronic_copy:
            declared.append(("electronic", self.env._("the electronic copy")))
        if self.original_required:
            declared.append(("original", self.env._("the original")))
        if self.notarized_copy:
            declared.append(("notarized", self.env._("notarised")))
        if self.apostille:
            declared.append(("apostille", self.env._("the apostille")))
        if self.seal_required:
            declared.append(("seal", self.env._("the seal")))
        return declared

    def _compute_display_name(self):
        for doc_type in self:
            doc_type.display_name = (
                f"{doc_type.code} {doc_type.name}" if doc_type.code else doc_type.name
            )
