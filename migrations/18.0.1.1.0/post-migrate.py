"""18.0.1.1.0: the deciders DP 717 names on the route steps of a database installed before.

The route steps and risk 1 are ``noupdate`` data: an update keeps them as they were installed.
The steps the admin left on the Management group get the rector's or a vice-rector's role, and
risk 1 left on its former indicator (agreement lead time, threshold 30) gets the share of the
steps decided late (threshold 20 %); what the DIC Director edited is kept.
"""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["intl.approval.route.step"]._intl_migrate_dp717_deciders()
    env["intl.risk"]._intl_migrate_risk_indicator()
