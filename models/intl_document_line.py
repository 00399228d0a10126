from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

OFFICER = "intl_cooperation.group_intl_officer"


class IntlDocumentLine(models.Model):
    """One line of a record's document checklist."""

    _name = "intl.document.line"
    _inherit = ["intl.related.record.mixin", "intl.lifecycle.mixin"]
    _description = "Document Checklist Line"
    _order = "res_model, res_id, required desc, sequence, id"

    type_id = fields.Many2one("intl.document.type", "Document", required=True, ondelete="restrict")
    code = fields.Char(related="type_id.code")
    sequence = fields.Integer(related="type_id.sequence", store=True)
    required = fields.Boolean(help="Approval steps that require documents wait for this one.")
    expires = fields.Boolean(related="type_id.expires")
    state = fields.Selection(
        [
            ("missing", "Missing"),
            ("received", "Received"),
            ("verified", "Verified"),
            ("rejected", "Rejected"),
        ],
        default="missing",
        required=True,
        readonly=True,
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "intl_document_line_attachment_rel",
        "line_id",
        "attachment_id",
        string="Files",
    )
    personal_data = fields.Boolean(related="type_id.personal_data")
    has_files = fields.Boolean(
        compute="_compute_has_files", store=True,
        help="Files are attached, whether or not the reader may open them (the files of "
             "personal data are read by DIC only).")
    expiry_date = fields.Date()
    note = fields.Char()
    verified_by_id = fields.Many2one("res.users", "Checked By", readonly=True)
    verified_on = fields.Datetime("Checked On", readonly=True)
    is_expired = fields.Boolean(compute="_compute_is_expired")
    due_later = fields.Boolean(
        compute="_compute_display_state",
        help="Handed in after the trip or the visit: not missing at application time.")
    display_state = fields.Selection(
        [("missing", "Missing"), ("later", "Due Later"), ("received", "Received"),
         ("verified", "Verified"), ("rejected", "Rejected")],
        "Document Status", compute="_compute_display_state")
    can_verify = fields.Boolean(compute="_compute_lifecycle_can")
    # what the officer confirmed of the properties the document type declares (§5.5: the visa
    # file as the migration service wants it); written only through the check
    checked_copies = fields.Integer("Paper Copies Checked", readonly=True, copy=False)
    checked_electronic = fields.Boolean("Electronic Copy Checked", readonly=True, copy=False)
    checked_original = fields.Boolean("Original Checked", readonly=True, copy=False)
    checked_notarized = fields.Boolean("Notarisation Checked", readonly=True, copy=False)
    checked_apostille = fields.Boolean("Apostille Checked", readonly=True, copy=False)
    checked_seal = fields.Boolean("Seal Checked", readonly=True, copy=False)
    has_check_properties = fields.Boolean(
        compute="_compute_check_summary",
        help="The document type declares properties (copies, original, notarised, apostille, "
             "seal) the officer confirms when verifying.")
    check_summary = fields.Char("To Confirm", compute="_compute_check_summary")

    _lifecycle_transitions = {
        "receive": {"from": ("missing",), "to": "received", "who": ("system",)},
        "verify": {"from": ("missing", "received", "rejected", "verified"), "to": "verified",
                   "who": (OFFICER,), "guard": "_guard_verify"},
        "reject": {"from": ("missing", "received", "rejected", "verified"), "to": "rejected",
                   "who": (OFFICER,)},
        # the system: a new version of a versioned document (the draft agreement) is checked again
        "reset_received": {"from": ("verified", "rejected", "received", "missing"), "to": "received",
                           "who": (OFFICER, "system")},
        "reset_missing": {"from": ("verified", "rejected", "received", "missing"), "to": "missing",
                          "who": (OFFICER,)},
    }
    _lifecycle_workflow_fields = ("verified_by_id", "verified_on", "required", "res_model", "res_id",
                                  "checked_copies", "checked_electronic", "checked_original",
                                  "checked_notarized", "checked_apostille", "checked_seal")

    # the files' name: a file deleted outside the line (as an attachment) recomputes it too
    @api.depends("attachment_ids", "attachment_ids.name")
    def _compute_has_files(self):
        # stored, so computed as the superuser: the files count even when the reader
        # may not open them (``ir.attachment`` rule of personal data); the relation is read
        # again, as a reader's cache of it leaves out the files they may not open
        if all(self._ids):
            self.invalidate_recordset(["attachment_ids"])
        for line in self:
            line.has_files = bool(line.attachment_ids)

    @api.depends("expiry_date")
    def _compute_is_expired(self):
        today = fields.Date.context_today(self)
        for line in self:
            line.is_expired = bool(line.expiry_date and line.expiry_date < today)

    @api.depends("type_id.copies", "type_id.electronic_copy", "type_id.original_required",
                 "type_id.notarized_copy", "type_id.apostille", "type_id.seal_required")
    @api.depends_context("lang")
    def _compute_check_summary(self):
        for line in self:
            declared = line.type_id._check_properties()
            line.has_check_properties = bool(declared)
            line.check_summary = ", ".join(label for _key, label in declared) or False

    @api.depends("state", "type_id.due_after", "res_model", "res_id")
    def _compute_display_state(self):
        records = {}
        for line in self:
            if line.res_model in self.env and "_document_due_later" in dir(self.env[line.res_model]):
                records.setdefault(line.res_model, set()).add(line.res_id)
        browsed = {model: self.env[model].browse(ids) for model, ids in records.items()}
        for line in self:
            record = browsed[line.res_model].browse(line.res_id) if line.res_model in browsed else None
            line.due_later = bool(line.state == "missing" and line.type_id.due_after and record
                                  and record._document_due_later(line.type_id))
            line.display_state = "later" if line.due_later else line.state

    @api.constrains("state", "expiry_date")
    def _check_expiry(self):
        for line in self:
            if line.state == "verified" and line.expires and not line.expiry_date:
                raise ValidationError(
                    self.env._("Enter the expiry date of %(document)s before verifying it.",
                               document=line.type_id.display_name)
                )

    def _lifecycle_subject_users(self):
        """Whom the record of the checklist is about: they never verify its documents."""
        users = self.env["res.users"]
        # sudo: the record's subject is read whoever checks the document
        for line in self.sudo():
            record = line.env[line.res_model].browse(line.res_id) if line.res_model in line.env else None
            if record and hasattr(record, "_lifecycle_subject_users"):
                users |= record.exists()._lifecycle_subject_users()
        return users.with_env(self.env)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._link_attachments()
        lines._receive_attached()
        return lines

    def write(self, vals):
        before = None
        if "attachment_ids" in vals and not self._lifecycle_trusted():
            # a verified document keeps the files it was verified with
            if self.filtered(lambda line: line.state == "verified"):
                raise UserError(self.env._(
                    "A verified document keeps its files: ask DIC to reset it first."))
            # sudo: every file counts, whoever may open it
            before = {line: line.sudo().attachment_ids for line in self}
        result = super().write(vals)
        if "attachment_ids" in vals:
            self._link_attachments()
            self._receive_attached()
        if before is not None:
            self._files_changed(before)
        return result

    def _files_changed(self, before):
        """Tell each record whose checklist a client changed the files of (``before``: the files
        of each line before the write): a record may keep its document in versions (the draft
        agreement), never losing one."""
        for line in self:
            record = self.env[line.res_model].browse(line.res_id) if line.res_model in self.env else None
            if record is not None and hasattr(record, "_document_line_files_changed"):
                after = line.sudo().attachment_ids
                record._document_line_files_changed(
                    line, (after - before[line]).with_env(self.env), (before[line] - after).with_env(self.env))

    def _link_attachments(self):
        """Files uploaded before the line existed belong to nobody but their uploader:
        link them to the line, so that whoever reads the record reads them too."""
        # the files' side of the link decides who reads them (personal data: DIC only); a
        # file created in this transaction may hold it in cache as empty
        self.env["ir.attachment"].invalidate_model(["intl_document_line_ids"])
        for line in self:
            # sudo: the uploader's own unlinked files (res_id 0) get the line as their owner;
            # any other attachment keeps its owner
            orphans = line.sudo().attachment_ids.filtered(
                lambda a, uid=self.env.uid: not a.res_id and a.create_uid.id == uid)
            if orphans:
                orphans.write({"res_model": line._name, "res_id": line.id})
            line.sudo().attachment_ids._intl_check_module_owned()

    def action_attach(self):
        """Open the line in a dialog to attach its files."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.type_id.display_name,
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("intl_cooperation.intl_document_line_view_form_attach").id, "form")],
            "target": "new",
        }

    def _receive_attached(self):
        """Missing lines that got a file are received (the system's transition)."""
        received = self.filtered(lambda line: line.state == "missing" and line.has_files)
        if received:
            received._lifecycle_run("receive", by="system")

    def _guard_verify(self):
        if not self.attachment_ids:
            return self.env._("Attach the file of %(document)s before verifying it.",
                              document=self.type_id.display_name)
        if self.is_expired:
            return self.env._("%(document)s expired on %(date)s.",
                              document=self.type_id.display_name, date=format_date(self.env, self.expiry_date))
        unconfirmed = self._check_unconfirmed()
        if unconfirmed:
            return self.env._("Confirm what %(document)s needs before verifying it: %(properties)s.",
                              document=self.type_id.display_name, properties=", ".join(unconfirmed))
        return False

    def _check_unconfirmed(self):
        """Labels of the declared properties the officer has not confirmed on this line."""
        self.ensure_one()
        confirmed = {
            "copies": self.checked_copies >= self.type_id.copies,
            "electronic": self.checked_electronic, "original": self.checked_original,
            "notarized": self.checked_notarized, "apostille": self.checked_apostille,
            "seal": self.checked_seal,
        }
        return [label for key, label in self.type_id._check_properties() if not confirmed[key]]

    def action_check(self):
        """Open the check of the declared properties, which verifies the document."""
        self.ensure_one()
        self._check_can_check()
        return {
            "type": "ir.actions.act_window",
            "name": self.type_id.display_name,
            "res_model": "intl.document.check",
            "view_mode": "form",
            "target": "new",
            "context": {"default_line_id": self.id},
        }

    def _do_check(self, copies=0, electronic=False, original=False, notarized=False,
                  apostille=False, seal=False):
        """Record what the officer confirmed of the document, then verify it."""
        self._check_can_check()
        if copies < 0:
            raise UserError(self.env._("The number of copies cannot be negative."))
        self._lifecycle_write({
            "checked_copies": copies, "checked_electronic": electronic, "checked_original": original,
            "checked_notarized": notarized, "checked_apostille": apostille, "checked_seal": seal})
        self.action_verify()

    def _do_check_all(self):
        """The officer confirms every property each type declares, then verifies."""
        for line in self:
            doc_type = line.type_id
            line._do_check(copies=doc_type.copies, electronic=doc_type.electronic_copy,
                           original=doc_type.original_required, notarized=doc_type.notarized_copy,
                           apostille=doc_type.apostille, seal=doc_type.seal_required)

    def _clear_checks(self):
        checked = self.filtered(lambda line: line.checked_copies or any(line[name] for name in (
            "checked_electronic", "checked_original", "checked_notarized", "checked_apostille",
            "checked_seal")))
        if checked:
            checked._lifecycle_write({
                "checked_copies": 0, "checked_electronic": False, "checked_original": False,
                "checked_notarized": False, "checked_apostille": False, "checked_seal": False})

    def action_verify(self):
        self._check_can_check()
        self._lifecycle_run("verify", {"verified_by_id": self.env.uid,
                                       "verified_on": fields.Datetime.now()})
        self._post_on_records(_lt("Document verified: %(documents)s"))

    def action_reject(self):
        self._check_can_check()
        self._clear_checks()
        self._lifecycle_run("reject", {"verified_by_id": self.env.uid,
                                       "verified_on": fields.Datetime.now()})
        self._post_on_records(_lt("Document rejected: %(documents)s"))

    def action_reset(self):
        self._check_can_check()
        self._clear_checks()
        for line in self:
            line._lifecycle_run("reset_received" if line.has_files else "reset_missing")

    def _check_can_check(self):
        if not self.env.user.has_group("intl_cooperation.group_intl_officer"):
            raise UserError(
                self.env._("Only the International Cooperation Department checks documents.")
            )

    def _post_on_records(self, message):
        """Log the decision on each process record, once per record."""
        by_record = {}
        for line in self:
            by_record.setdefault((line.res_model, line.res_id), self.env["intl.document.type"])
            by_record[line.res_model, line.res_id] |= line.type_id
        for (model, res_id), types in by_record.items():
            record = self.env[model].browse(res_id)
            if hasattr(record, "_intl_message_post"):
                record._intl_message_post(_lt(message._source, documents=types))
