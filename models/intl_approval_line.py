from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class IntlApprovalLine(models.Model):
    """A step of an approval round of a record, with its decision.

    Lines are written by the approval engine only (``intl.approval.mixin``):
    nobody has write access to them, the engine checks the approver first and
    writes them through the lifecycle path (every field is a workflow field).

    The approvals inbox lists the pending lines of the current user: the step
    is shown in the reader's language (from the translatable route step), with
    a summary of the record (what, who, amount, dates) read from the fields the
    process declares in ``_approval_summary_fields``; approve and reject act on
    the record through its own approval actions.
    """

    _name = "intl.approval.line"
    _inherit = ["intl.related.record.mixin", "intl.lifecycle.mixin"]
    _description = "Approval Line"
    _order = "res_model, res_id, round desc, sequence, id"

    purpose = fields.Char(required=True, default="default", readonly=True)
    round = fields.Integer(default=1, readonly=True, help="Submissions of the record for this purpose.")
    is_current = fields.Boolean(default=True, readonly=True, index=True)
    route_id = fields.Many2one("intl.approval.route", readonly=True, ondelete="set null")
    step_id = fields.Many2one("intl.approval.route.step", "Route Step", readonly=True, ondelete="set null")
    sequence = fields.Integer(readonly=True)
    name = fields.Char("Step (as submitted)", required=True, readonly=True)
    step_name = fields.Char("Step", compute="_compute_step_name",
                            help="The route step's name in the reader's language.")
    record_state = fields.Char(readonly=True)
    require_documents = fields.Boolean(readonly=True)
    deadline_days = fields.Integer(readonly=True)
    user_ids = fields.Many2many(
        "res.users", "intl_approval_line_res_users_rel", "line_id", "user_id",
        string="Approvers", readonly=True,
    )
    state = fields.Selection(
        [
            ("waiting", "Waiting"),
            ("pending", "To Decide"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancelled", "Cancelled"),
        ],
        default="waiting", required=True, readonly=True, index=True,
    )
    activated_on = fields.Datetime("Waiting Since", readonly=True,
                                   help="When the step opened for its approvers.")
    date_deadline = fields.Date("Decide By", compute="_compute_date_deadline", store=True)
    decided_by_id = fields.Many2one("res.users", "Decided By", readonly=True)
    decided_on = fields.Datetime(readonly=True)
    comment = fields.Text(readonly=True)
    # summary of the record, in the reader's language
    process_name = fields.Char("Process", compute="_compute_summary")
    summary_what = fields.Char("What", compute="_compute_summary")
    summary_who = fields.Char("Who", compute="_compute_summary")
    summary_amount = fields.Monetary("Amount", compute="_compute_summary",
                                     currency_field="summary_currency_id")
    summary_currency_id = fields.Many2one("res.currency", compute="_compute_summary")
    summary_date_from = fields.Date("From", compute="_compute_summary")
    summary_date_to = fields.Date("To", compute="_compute_summary")
    can_decide = fields.Boolean(compute="_compute_summary")
    is_late = fields.Boolean(compute="_compute_summary")

    _lifecycle_transitions = {}
    _lifecycle_workflow_fields = (
        "res_model", "res_id", "purpose", "round", "is_current", "route_id", "step_id", "sequence",
        "name", "record_state", "require_documents", "deadline_days", "user_ids", "decided_by_id",
        "decided_on", "comment", "activated_on",
    )

    @api.depends("step_id.name", "name")
    @api.depends_context("lang")
    def _compute_step_name(self):
        for line in self:
            # the route step is translatable: its name reads in the reader's language
            line.step_name = line.step_id.name or line.name

    @api.depends("activated_on", "deadline_days")
    def _compute_date_deadline(self):
        for line in self:
            line.date_deadline = line.activated_on and (
                line.activated_on.date() + timedelta(days=line.deadline_days or 0))

    @api.depends("res_model", "res_id", "state")
    @api.depends_context("uid", "lang")
    def _compute_summary(self):
        by_model = defaultdict(lambda: self.browse())
        for line in self:
            by_model[line.res_model] |= line
        today = fields.Date.context_today(self)
        for model, lines in by_model.items():
            if not model or model not in self.env:
                for line in lines:
                    line._set_empty_summary()
                continue
            process_name = self.env["ir.model"]._get(model).name
            records = self.env[model].browse(lines.mapped("res_id")).exists()
            summaries = records._approval_summary() if records else {}
            decidable = records.filtered("can_approve") if "can_approve" in records._fields else records.browse()
            for line in lines:
                record = records.browse(line.res_id)
                summary = summaries.get(record.id, {}) if record in records else {}
                line.process_name = process_name
                line.summary_what = summary.get("what") or False
                line.summary_who = summary.get("who") or False
                line.summary_amount = summary.get("amount") or 0.0
                line.summary_currency_id = summary.get("currency") or self.env.company.currency_id
                line.summary_date_from = summary.get("date_from") or False
                line.summary_date_to = summary.get("date_to") or False
                line.can_decide = line.state == "pending" and record in decidable
                line.is_late = bool(line.state == "pending" and line.date_deadline
                                    and line.date_deadline < today)

    def _set_empty_summary(self):
        self.update({
            "process_name": False, "summary_what": False, "summary_who": False, "summary_amount": 0.0,
            "summary_currency_id": self.env.company.currency_id, "summary_date_from": False,
            "summary_date_to": False, "can_decide": False, "is_late": False,
        })

    # ------------------------------------------------------------------
    # Actions of the approvals inbox
    # ------------------------------------------------------------------

    def action_approve(self):
        """Approve the record of each line at the line's step, and say what was decided."""
        messages = []
        for line in self:
            record = line._check_can_decide()
            messages.append(line._decision_message(self.env._("approved")))
            record.action_approval_approve()
        return self._notify_decision(messages)

    def action_reject(self):
        """Ask the reason, then reject the records at the lines' steps."""
        if len(set(self.mapped("res_model"))) > 1:
            raise UserError(self.env._("Reject the records of one process at a time."))
        records = self.env[self[:1].res_model or "intl.approval.line"].browse()
        for line in self:
            records |= line._check_can_decide()
        return records.action_approval_reject()

    def _check_can_decide(self):
        """The record of the line, when the line is the user's step to decide now."""
        self.ensure_one()
        if self.state != "pending":
            raise UserError(self.env._(
                "The step %(step)s of %(record)s is no longer waiting for a decision.",
                step=self.step_name, record=self.res_name))
        record = self._get_record()
        record._approval_check_can_approve()
        return record

    def _decision_message(self, decision):
        self.ensure_one()
        return self.env._("%(process)s %(record)s, step %(step)s: %(decision)s.",
                          process=self.process_name, record=self.res_name, step=self.step_name,
                          decision=decision)

    @api.model
    def _notify_decision(self, messages):
        """A notification saying what was decided, then the view reloads."""
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": "\n".join(messages),
                "sticky": False,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
