from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation


class IntlAgreementAnnex(models.Model):
    """An annex of a signed agreement (DP 717 5.1.5): an integral part of it.

    Annexes are the only way to change a signed agreement; one may move its
    expiry date, the agreement then shows the history of those changes.
    """

    _name = "intl.agreement.annex"
    _inherit = ["mail.thread"]
    _description = "Agreement Annex"
    _order = "agreement_id, number, id"
    _rec_name = "number"

    agreement_id = fields.Many2one("intl.agreement", required=True, ondelete="restrict", index=True)
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    number = fields.Char(required=True, copy=False, tracking=True)
    date = fields.Date("Signing Date", required=True, default=fields.Date.context_today, tracking=True)
    date_start = fields.Date("Effective Date", tracking=True, help="Empty: effective from its signature.")
    summary = fields.Text(required=True)
    scan = fields.Binary("Signed Scan", attachment=True, copy=False)
    scan_filename = fields.Char()
    changes_expiry = fields.Boolean("Changes the Expiry Date")
    date_end_previous = fields.Date("Previous Expiry Date", readonly=True, copy=False)
    date_end_new = fields.Date("New Expiry Date", tracking=True)

    _sql_constraints = [
        ("number_uniq", "unique(agreement_id, number)", "Annex numbers are unique within an agreement."),
    ]

    @api.constrains("changes_expiry", "date_end_new", "date", "date_start")
    def _check_expiry(self):
        for annex in self:
            if annex.changes_expiry and not annex.date_end_new:
                raise ValidationError(self.env._("Annex %(number)s: enter the new expiry date.", number=annex.number))
            if annex.changes_expiry and annex.date_end_new < (annex.date_start or annex.date):
                raise ValidationError(self.env._(
                    "Annex %(number)s: the new expiry date is before the annex takes effect.", number=annex.number
                ))

    def _compute_display_name(self):
        for annex in self:
            annex.display_name = self.env._(
                "Annex %(number)s to %(agreement)s", number=annex.number, agreement=annex.agreement_id.name or ""
            )

    @api.model_create_multi
    def create(self, vals_list):
        agreements = self.env["intl.agreement"].browse([v.get("agreement_id") for v in vals_list])
        for vals, agreement in zip(vals_list, agreements, strict=True):
            if agreement.state not in ("signed", "in_force", "expired"):
                raise UserError(self.env._(
                    "%(agreement)s is not signed: change the draft itself rather than add an annex.",
                    agreement=agreement.display_name,
                ))
            if not self.env.user.has_group("intl_cooperation.group_intl_coordinator"):
                raise UserError(self.env._("Coordinators and DIC register the annexes of an agreement."))
            # the previous expiry is the agreement's, never the client's
            vals["date_end_previous"] = agreement.date_end if vals.get("changes_expiry") else False
        annexes = super().create(vals_list)
        annexes._apply_to_agreements()
        return annexes

    def write(self, vals):
        if {"changes_expiry", "date_end_new", "date_start", "date", "agreement_id", "number",
                "date_end_previous"} & set(vals):
            raise UserError(self.env._(
                "A signed annex is not edited: add a new annex to change the agreement again."
            ))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if self:
            raise UserError(self.env._("Annexes are part of the agreement and are never deleted."))

    def _apply_to_agreements(self):
        """Post the annex on its agreement; a new expiry date restarts the reminders."""
        today = fields.Date.context_today(self)
        for annex in self:
            agreement = annex.agreement_id
            if annex.changes_expiry:
                agreement._lifecycle_write({"reminder_lead_sent": 0})
                if agreement.state == "expired" and annex.date_end_new >= today:
                    agreement._lifecycle_run("revive", by="system")
                body = _lt(
                    "Annex %(number)s: expiry date changed from %(old)s to %(new)s.",
                    number=annex.number, old=annex.date_end_previous or "-", new=annex.date_end_new,
                )
            else:
                body = _lt("Annex %(number)s added: %(summary)s", number=annex.number, summary=annex.summary)
            agreement._intl_message_post(body, subtype_xmlid="mail.mt_note")
