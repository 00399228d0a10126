"""What every demo step shares: the demo users, scans, the approver's click, a day in the past."""
import base64
import logging
from contextlib import contextmanager
from datetime import datetime, time

import pytz

from odoo import Command

_logger = logging.getLogger(__name__)

try:
    from freezegun import freeze_time
except ImportError:  # pragma: no cover - Odoo 18's test tools need freezegun, so it is there
    freeze_time = None

PDF = base64.b64encode(b"%PDF-1.4\n% demo scan\n")
ALMATY = pytz.timezone("Asia/Almaty")


def user(env, xmlid):
    return env.ref(f"intl_cooperation.{xmlid}")


def ref(env, xmlid):
    return env.ref(f"intl_cooperation.{xmlid}", raise_if_not_found=False)


def today():
    """The university's today (Almaty), the day its users' rules count from: from 19:00 UTC on
    it is already UTC's tomorrow, and a date taken from UTC's day would be a day early."""
    return datetime.now(ALMATY).date()


def attach(env, record, lines, as_user):
    """``as_user`` attaches a small scan to each checklist line of ``lines`` without one."""
    for line in lines.filtered(lambda line: not line.attachment_ids):
        name = f"{line.type_id.code or line.type_id.name} {record.name}.pdf".replace("/", "-")
        attachment = env["ir.attachment"].with_user(as_user).create({
            "name": name, "datas": PDF, "res_model": record._name, "res_id": record.id})
        line.with_user(as_user).write({"attachment_ids": [Command.link(attachment.id)]})


def approve_current(record):
    """The first current approver decides the pending step."""
    approver = record.approval_user_ids.filtered(lambda u: not u._is_superuser())[:1]
    record.with_user(approver).action_approval_approve()


@contextmanager
def on_day(env, day, hour=10):
    """Run the block as on ``day`` at ``hour`` (Almaty time): what the demo users did that day.

    A past day only (today and later run now). The clock moves on from that
    moment while the block runs; the caches are flushed and emptied around it
    so that nothing computed on one day is read on another.
    """
    if not day or day >= today() or freeze_time is None:
        yield
        return
    moment = ALMATY.localize(datetime.combine(day, time(hour))).astimezone(pytz.utc).replace(tzinfo=None)
    env.flush_all()
    env.invalidate_all()
    with freeze_time(moment, tick=True):
        yield
        env.flush_all()
    env.invalidate_all()
