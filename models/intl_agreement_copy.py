from odoo import fields, models


class IntlAgreementCopy(models.Model):
    """Where a signed copy of an agreement is kept (DP 717 5.1.4).

    The original is kept by Accounting, copies by the institute and by DIC; the partner's copy
    sent by e-mail is entered by the sending (how, when, by whom, to whom).
    """

    _name = "intl.agreement.copy"
    _inherit = ["intl.lifecycle.mixin"]
    _lifecycle_state_field = False
    _lifecycle_parent_field = "agreement_id"
    # the receipt is DIC's record (action_dic_copy_received), the sending by e-mail the sending's
    # (action_send_copy_mail): never typed by a client
    _lifecycle_workflow_fields = ("date_received", "received_by_id", "date_sent", "sent_by_id", "recipient_ids",
                                  "message_id")
    _description = "Agreement Copy"
    _order = "agreement_id, copy_type desc, id"

    agreement_id = fields.Many2one("intl.agreement", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    copy_type = fields.Selection([("original", "Original"), ("copy", "Copy")], required=True, default="copy")
    holder = fields.Selection(
        [
            ("accounting", "Finance and Accounting"),
            ("institute", "Institute"),
            ("dic", "DIC"),
            ("partner", "Partner Institution"),
            ("other", "Other"),
        ],
        required=True,
    )
    department_id = fields.Many2one("hr.department", "Unit")
    location = fields.Char(help="Room, cabinet, folder or file number where the copy is kept.")
    date_received = fields.Date("Received on", readonly=True)
    received_by_id = fields.Many2one("res.users", "Received by", readonly=True)
    note = fields.Char()
    # how the copy was given out (the partner's copy sent by e-mail is entered by the sending)
    delivery = fields.Selection([("hand", "By Hand"), ("post", "By Post"), ("email", "By E-mail")], "Given Out")
    date_sent = fields.Datetime("Sent On", readonly=True)
    sent_by_id = fields.Many2one("res.users", "Sent By", readonly=True)
    recipient_ids = fields.Many2many("res.partner", string="Sent To", readonly=True)
    message_id = fields.Many2one("mail.message", "E-mail", readonly=True, ondelete="set null")
