from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

# the agreement's statuses in which its draft text is still written (DIC and the institute)
DRAFT_OPEN_STATES = ("draft", "submitted", "dic_review", "negotiation", "drafting")


class IntlAgreementDraftVersion(models.Model):
    """A version of the text of a draft agreement (DP 717 5.1.3), the document Legal reviews.

    Each new text is a new version: none is ever changed or deleted. The
    version Legal approved at its step is marked (``legal_approved``); the
    files of every version are also on the agreement's checklist line
    *Draft agreement*.
    """

    _name = "intl.agreement.draft.version"
    _inherit = ["intl.lifecycle.mixin"]
    _description = "Draft Agreement Version"
    _order = "agreement_id, version desc, id desc"
    _rec_name = "version"
    _check_company_auto = True
    _lifecycle_state_field = False
    _lifecycle_parent_field = "agreement_id"
    _lifecycle_workflow_fields = ("version", "template_id", "legal_approved", "legal_approved_by_id",
                                  "legal_approved_on")

    agreement_id = fields.Many2one("intl.agreement", "Agreement", required=True, ondelete="cascade", index=True,
                                   check_company=True)
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    version = fields.Integer(readonly=True, copy=False)
    attachment_ids = fields.Many2many(
        "ir.attachment", "intl_agreement_draft_version_attachment_rel", "version_id", "attachment_id",
        string="Files", copy=False)
    note = fields.Char("Changes", help="What this version changes in the text.")
    template_id = fields.Many2one("intl.agreement.template", "From the Model", readonly=True, copy=False)
    legal_approved = fields.Boolean("Approved by Legal", readonly=True, copy=False)
    legal_approved_by_id = fields.Many2one("res.users", "Approved by", readonly=True, copy=False)
    legal_approved_on = fields.Datetime("Approved on", readonly=True, copy=False)

    _sql_constraints = [
        ("version_uniq", "unique(agreement_id, version)", "Each version of a draft agreement has its own number."),
    ]

    def _compute_display_name(self):
        for version in self:
            version.display_name = self.env._("Version %(version)s", version=version.version)

    @api.model_create_multi
    def create(self, vals_list):
        Agreement = self.env["intl.agreement"]
        agreements = Agreement.browse([vals.get("agreement_id") for vals in vals_list]).exists()
        agreements._check_draft_version_allowed()
        for vals in vals_list:
            if not vals.get("attachment_ids"):
                raise UserError(self.env._("A version of the draft agreement has its file."))
        if self._lifecycle_trusted():
            for vals in vals_list:
                vals.pop("version", None)
        # the mixin refuses a number (or a mark of Legal) sent by a client
        versions = super().create(vals_list)
        # the number follows the agreement's last version
        last = {}
        for version in versions:
            agreement = version.agreement_id
            if agreement.id not in last:
                # sudo: every version counts, whoever reads them
                last[agreement.id] = max((agreement.sudo().draft_version_ids - versions).mapped("version"),
                                         default=0)
            last[agreement.id] += 1
            version._lifecycle_write({"version": last[agreement.id]})
        versions._link_attachments()
        versions.agreement_id._draft_versions_added(versions)
        return versions

    def write(self, vals):
        if not self._lifecycle_trusted() and set(vals) - {"note"}:
            raise UserError(self.env._(
                "A version of the draft agreement is kept as it was: add a new version instead."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if self:
            raise UserError(self.env._("Versions of a draft agreement are kept: they are never deleted."))

    def _link_attachments(self):
        """The uploader's own files get the version as their owner (read with the version)."""
        for version in self:
            # sudo: the uploader's unlinked files (res_id 0); any other attachment keeps its owner
            orphans = version.sudo().attachment_ids.filtered(
                lambda a, uid=self.env.uid: not a.res_id and a.create_uid.id == uid)
            if orphans:
                orphans.write({"res_model": version._name, "res_id": version.id})
