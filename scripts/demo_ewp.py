"""Erasmus Without Paper through the real doors: run by `make run` after scripts/demo.py.

DIC exports the signed TU Berlin agreement, its cooperation conditions as the
demo data negotiated them, as an EWP iias-get-response (IIA API v7) file
attached to the agreement, then reads that file back as a partner's: no
differences. Idempotent: nothing is done twice.
"""
# ruff: noqa: F821  (``env`` is the odoo shell's)


def run_demo_ewp(env):
    """Export the TU Berlin agreement once (as the DIC officer) and check the file reads back unchanged."""
    agreement = env.ref("intl_cooperation.intl_agreement_tu_berlin_demo", raise_if_not_found=False)
    officer = env.ref("intl_cooperation.user_dic_officer", raise_if_not_found=False)
    if not agreement or not officer or not agreement.condition_ids or agreement.state not in ("signed", "in_force"):
        return False
    Attachment = env["ir.attachment"]
    done = Attachment.search_count([
        ("res_model", "=", "intl.agreement"), ("res_id", "=", agreement.id), ("name", "=like", "EWP-IIA-%.xml"),
    ])
    if done:
        return False
    agreement = agreement.with_user(officer)
    attachment = agreement._ewp_export_attachment()
    reports = agreement.ewp_import(attachment.raw)
    assert reports[0]["agreement"] == agreement and not reports[0]["differences"], reports
    return attachment


run_demo_ewp(env)
env.cr.commit()
