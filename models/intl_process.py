from odoo import fields, models


class IntlProcess(models.Model):
    """A process of DP 717 (section 1): agreements, trips, delegations, ...

    Document types and approval routes say which processes they serve; each
    process model names its code in ``_intl_process_code``.
    """

    _name = "intl.process"
    _description = "International Cooperation Process"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Technical code used by the process model.")
    section = fields.Char(help="Section of DP 717 describing the process.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The process code must be unique."),
    ]
