from markupsafe import Markup

from odoo import api, fields, models

from ..tools.prefetch import fetch_one2many


class IntlDocumentMixin(models.AbstractModel):
    """Gives a process record a document checklist.

    A consumer sets ``_intl_process_code`` (an ``intl.process`` code); the
    checklist is filled from the document types of that process when the
    record is created, and ``documents_complete`` tells whether every
    mandatory document is verified.
    """

    _name = "intl.document.mixin"
    _description = "Document Checklist Mixin"
    _intl_process_code = None
    # statuses from which the documents due after the event (reports) are asked for
    _document_after_states = ()

    document_line_ids = fields.One2many(
        "intl.document.line",
        "res_id",
        string="Documents",
        domain=lambda self: [("res_model", "=", self._name)],
        copy=False,
    )
    documents_complete = fields.Boolean(
        compute="_compute_documents_complete",
        help="Every mandatory document of the checklist is verified.",
    )
    document_missing_count = fields.Integer(compute="_compute_documents_complete")
    document_preview = fields.Html(
        "Checklist", compute="_compute_document_preview", sanitize=True,
        help="The documents the record will ask for, shown before its first save.")

    @api.depends("document_line_ids.state", "document_line_ids.required")
    def _compute_documents_complete(self):
        # the checklists and their lines' fields in one query
        fetch_one2many(self.filtered("id"), "document_line_ids")
        for record in self:
            pending = record.document_line_ids.filtered(
                lambda line: line.required and line.state != "verified"
            )
            record.documents_complete = not pending
            record.document_missing_count = len(pending)

    @api.depends(lambda self: [name for name in ("company_id", "host_pays_all") if name in self._fields])
    @api.depends_context("lang")
    def _compute_document_preview(self):
        doc_types = self._document_types()
        for record in self:
            if record.id or not doc_types:
                record.document_preview = False
                continue
            ordered = sorted(doc_types, key=lambda t: (not record._document_is_required(t), t.sequence))
            items = Markup().join(
                Markup("<li>%s%s</li>") % (
                    doc_type.display_name,
                    Markup(" <strong>(%s)</strong>") % self.env._("mandatory")
                    if record._document_is_required(doc_type) else "")
                for doc_type in ordered)
            record.document_preview = Markup("<ul>%s</ul>") % items

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._document_sync_checklist()
        return records

    def action_document_sync(self):
        self._document_sync_checklist()

    def _document_types(self):
        """Document types this record's process asks for."""
        if not self._intl_process_code:
            return self.env["intl.document.type"]
        return self.env["intl.document.type"].search(
            [("process_ids.code", "=", self._intl_process_code)]
        )

    def _document_due_later(self, doc_type):
        """Whether ``doc_type`` is handed in after the event, which has not happened yet."""
        self.ensure_one()
        state = self[getattr(self, "_lifecycle_state_field", "state")] if "state" in self else False
        return bool(doc_type.due_after and state not in self._document_after_states)

    def _document_is_required(self, doc_type):
        """Whether ``doc_type`` is mandatory for this record; consumers refine it."""
        self.ensure_one()
        return doc_type.required

    def _document_sync_checklist(self):
        """Add the missing checklist lines and refresh which ones are mandatory."""
        doc_types = self._document_types()
        if not doc_types or not self:
            return
        vals_list = []
        for record in self:
            present = {line.type_id: line for line in record.document_line_ids}
            for doc_type in doc_types:
                required = record._document_is_required(doc_type)
                line = present.get(doc_type)
                if line:
                    if line.required != required:
                        line._lifecycle_write({"required": required})
                    continue
                vals_list.append({
                    "res_model": record._name,
                    "res_id": record.id,
                    "type_id": doc_type.id,
                    "required": required,
                })
        if vals_list:
            # the checklist is the engine's: its lines are created through the lifecycle path
            self.env["intl.document.line"]._lifecycle_create(vals_list)

    def _document_missing_names(self):
        """Names of mandatory documents not yet verified, for error messages."""
        self.ensure_one()
        return [
            line.type_id.display_name
            for line in self.document_line_ids
            if line.required and line.state != "verified"
        ]

    def _document_unattached_names(self):
        """Names of mandatory documents due now that have no accepted file yet (missing or
        rejected): what the requester still has to attach before submitting."""
        self.ensure_one()
        return [
            line.type_id.display_name
            for line in self.document_line_ids
            if line.required and line.state in ("missing", "rejected")
            and not self._document_due_later(line.type_id)
        ]
