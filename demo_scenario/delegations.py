"""Delegations received at every stage, as DIC and the approvers move them."""
from .common import approve_current, ref, user

DELEGATIONS = [
    ("tu_berlin", "closed", None), ("pw", "protocol_approved", None),
    ("polimi", "protocol_review", None), ("metu", "in_progress", None),
    ("freiberg", "programme_approved", None), ("tsinghua", "programme_review", None),
    ("kaist", "invitation_sent", None), ("mines", "approved", None),
    ("gubkin", "decision_requested", None),
    ("polimi_refused", "refused", "The budget for receptions of this quarter is spent."),
    ("metu_cancel", "cancel", "The delegation postponed its visit to next year."),
]
FLOW = [
    ("decision_requested", "action_request_decision"), ("approved", None),
    ("invitation_sent", "action_send_invitation"), ("programme_review", "action_submit_programme"),
    ("programme_approved", None), ("in_progress", "action_start_visit"),
    ("protocol_review", "action_submit_protocol"), ("protocol_approved", None),
    ("closed", "action_close"),
]


def run(env):
    officer = user(env, "user_dic_officer")
    for suffix, target, reason in DELEGATIONS:
        visit = ref(env, f"intl_delegation_{suffix}_demo")
        if not visit or visit.state != "draft":
            continue
        if target == "refused":
            visit.with_user(officer).action_request_decision()
            approver = visit.approval_user_ids.filtered(lambda u: not u._is_superuser())[:1]
            visit.with_user(approver)._approval_do_reject(reason)
            continue
        if target == "cancel":
            visit.with_user(officer)._check_can_cancel()
            visit.with_user(officer)._do_cancel(reason)
            continue
        for _state, method in FLOW:
            if visit.state == target:
                break
            if method:
                getattr(visit.with_user(officer), method)()
            else:
                approve_current(visit)
    visit = ref(env, "intl_delegation_tu_berlin_demo")
    if visit and visit.protocol_decision_ids.filtered(lambda d: not d.plan_line_id):
        visit.with_user(officer).action_create_plan_lines()
