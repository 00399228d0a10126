from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

OFFICER = "intl_cooperation.group_intl_officer"


class IntlDocumentLine(models.Model):
    """One line of a record's document checklist."""

    _name = "intl.document.line"
    _inherit = ["intl.related.record.mixin", "intl.lifecycle.mixin"]
    _description = "Document Checklist Line"
    _order = "res_model, res_id, sequence, id"

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

    @api.constrains("state", "expiry_date")
    def _check_expiry(self):
        for line in self:
            if line.state == "verified" and line.expires and not line.expiry_date:
                raise ValidationError(
                    self.env._("Enter the expiry date of %(document)s before verifying it.",
                               document=line.type_id.display_name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
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
            self._receive_attached()
        return result

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
                              document=self.type_id.display_name, date=self.expiry_date)
        return False

    def action_verify(self):
        self._check_can_check()
        self._lifecycle_run("verify", {"verified_by_id": self.env.uid,
                                       "verified_on": fields.Datetime.now()})
        self._post_on_records(self.env._("Document verified: %(documents)s"))

    def action_reject(self):
        self._check_can_check()
        self._lifecycle_run("reject", {"verified_by_id": self.env.uid,
                                       "verified_on": fields.Datetime.now()})
        self._post_on_records(self.env._("Document rejected: %(documents)s"))

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
            by_record.setdefault((line.res_model, line.res_id), []).append(
                line.type_id.display_name
            )
        for (model, res_id), names in by_record.items():
            record = self.env[model].browse(res_id)
            if hasattr(record, "message_post"):
                record.message_post(body=message % {"documents": ", ".join(names)})
