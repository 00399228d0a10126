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

    _lifecycle_transitions = {
        "receive": {"from": ("missing",), "to": "received", "who": ("system",)},
        "verify": {"from": ("missing", "received", "rejected", "verified"), "to": "verified",
                   "who": (OFFICER,), "guard": "_guard_verify"},
        "reject": {"from": ("missing", "received", "rejected", "verified"), "to": "rejected",
                   "who": (OFFICER,)},
        "reset_received": {"from": ("verified", "rejected", "received", "missing"), "to": "received",
                           "who": (OFFICER,)},
        "reset_missing": {"from": ("verified", "rejected", "received", "missing"), "to": "missing",
                          "who": (OFFICER,)},
    }
    _lifecycle_workflow_fields = ("verified_by_id", "verified_on", "required", "res_model", "res_id")

    @api.depends("expiry_date")
    def _compute_is_expired(self):
        today = fields.Date.context_today(self)
        for line in self:
            line.is_expired = bool(line.expiry_date and line.expiry_date < today)

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
        if "attachment_ids" in vals and not self._lifecycle_trusted():
            # a verified document keeps the files it was verified with
            if self.filtered(lambda line: line.state == "verified"):
                raise UserError(self.env._(
                    "A verified document keeps its files: ask DIC to reset it first."))
        result = super().write(vals)
        if "attachment_ids" in vals:
            self._link_attachments()
            self._receive_attached()
        return result

    def _link_attachments(self):
        """Files uploaded before the line existed belong to nobody but their uploader:
        link them to the line, so that whoever reads the record reads them too."""
        for line in self:
            # sudo: the uploader's own unlinked files (res_id 0) get the line as their owner;
            # any other attachment keeps its owner
            orphans = line.sudo().attachment_ids.filtered(
                lambda a, uid=self.env.uid: not a.res_id and a.create_uid.id == uid)
            if orphans:
                orphans.write({"res_model": line._name, "res_id": line.id})

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
        received = self.filtered(lambda line: line.state == "missing" and line.attachment_ids)
        if received:
            received._lifecycle_run("receive", by="system")

    def _guard_verify(self):
        if not self.attachment_ids:
            return self.env._("Attach the file of %(document)s before verifying it.",
                              document=self.type_id.display_name)
        if self.is_expired:
            return self.env._("%(document)s expired on %(date)s.",
                              document=self.type_id.display_name, date=format_date(self.env, self.expiry_date))
        return False

    def action_verify(self):
        self._check_can_check()
        self._lifecycle_run("verify", {"verified_by_id": self.env.uid,
                                       "verified_on": fields.Datetime.now()})
        self._post_on_records(_lt("Document verified: %(documents)s"))

    def action_reject(self):
        self._check_can_check()
        self._lifecycle_run("reject", {"verified_by_id": self.env.uid,
                                       "verified_on": fields.Datetime.now()})
        self._post_on_records(_lt("Document rejected: %(documents)s"))

    def action_reset(self):
        self._check_can_check()
        for line in self:
            line._lifecycle_run("reset_received" if line.attachment_ids else "reset_missing")

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
