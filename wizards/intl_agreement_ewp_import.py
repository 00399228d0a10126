import base64

from odoo import api, fields, models
from odoo.exceptions import UserError

KINDS = [
    ("create", "New condition"),
    ("update", "Changed value"),
    ("remove", "Only in ours"),
    ("mapping", "Agreement ids"),
    ("hash", "Hash check"),
]


class IntlAgreementEwpImport(models.TransientModel):
    """Read a partner's EWP IIA file, show how it differs from the agreement, then apply it."""

    _name = "intl.agreement.ewp.import"
    _description = "Import a Partner's EWP IIA"

    agreement_id = fields.Many2one("intl.agreement", required=True, ondelete="cascade")
    data_file = fields.Binary("iias-get-response XML", required=True)
    filename = fields.Char()
    remove_missing = fields.Boolean(
        "Remove Ours Missing in the File",
        help="Conditions of the agreement the partner's file does not have are removed when applying.",
    )
    state = fields.Selection([("upload", "Upload"), ("preview", "Preview")], default="upload", required=True)
    partner_iia_code = fields.Char("Partner's IIA Code", readonly=True)
    line_ids = fields.One2many("intl.agreement.ewp.import.line", "wizard_id", "Differences", readonly=True)
    difference_count = fields.Integer(compute="_compute_difference_count")

    @api.depends("line_ids")
    def _compute_difference_count(self):
        for wizard in self:
            wizard.difference_count = len(wizard.line_ids)

    def _reports(self, apply=False):
        self.ensure_one()
        data = base64.b64decode(self.data_file or b"")
        if not data:
            raise UserError(self.env._("Upload the partner's iias-get-response XML file."))
        return self.env["intl.agreement"].ewp_import(
            data, apply=apply, remove_missing=self.remove_missing, agreement=self.agreement_id,
        )

    def action_preview(self):
        """Compare the file with the agreement; nothing changes yet."""
        self.ensure_one()
        report = self._reports()[0]
        Line = self.env["intl.agreement.ewp.import.line"]
        self.line_ids.unlink()
        Line.create([Line._prepare_vals(self, index, diff) for index, diff in enumerate(report["differences"])])
        self.write({"state": "preview", "partner_iia_code": report["iia"]["partner"]["iia_code"]})
        return self._reopen()

    def action_apply(self):
        """Take the partner's conditions and ids into the agreement."""
        self.ensure_one()
        self._reports(apply=True)
        return {"type": "ir.actions.act_window_close"}

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import the Partner's IIA"),
        }
