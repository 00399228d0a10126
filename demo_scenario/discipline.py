"""Disciplinary cases of the late travellers: the unit head draws up the act, HR moves each case."""
from odoo import Command

from .common import on_day, ref, user
from .dates import working_days_back

CASES = {
    "late_noreturn": "open", "late": "explanation_requested", "late_explained": "explanation_received",
    "late_refusal": "refusal", "late_decided": "decided", "late_closed": "closed",
}
EXPLANATION = ("The return flight was cancelled by the airline and the next one left three days later; "
               "I did not warn the department in time.")


def run(env):
    hr_officer = user(env, "user_hr")
    witnesses = env.ref("intl_cooperation.hr_employee_dic_officer_demo") | env.ref(
        "intl_cooperation.hr_employee_coordinator_demo")
    env["intl.trip"]._cron_check_trips()  # asks the unit heads and HR to confirm presence
    for suffix, target in CASES.items():
        trip = ref(env, f"intl_trip_{suffix}_demo")
        # sudo: the demo reads whether the trip already has its case, whoever may see cases
        if not trip or trip.sudo().case_ids or trip.state not in ("approved", "returned"):
            continue
        head = trip._unit_head_users()[:1]
        if not head:
            continue
        # the refusal: the act and the request were handed over a week of working days ago, so the
        # two working days to explain are over; the other cases are handled today
        acted_on = working_days_back(env, 5, trip.employee_id) if target == "refusal" else None
        with on_day(env, acted_on):
            kind = "late_return" if trip.state == "returned" else "no_return"
            env["intl.disciplinary.act"].with_user(head).with_context(
                default_trip_id=trip.id, default_kind=kind).create({
                    "witness_ids": [Command.set((witnesses - trip.employee_id).ids)]}).action_confirm()
            # sudo: the unit head drew the act; HR (reading cases) takes the case from here
            case = trip.sudo().case_ids.with_user(hr_officer)
            if target == "open":
                continue
            case.action_request_explanation()
        if target in ("explanation_requested", "refusal"):
            if target == "refusal":
                case.action_refusal_act()
            continue
        case.write({"explanation": EXPLANATION})
        case.action_record_explanation()
        if target == "decided":
            case.write({"decision": "reprimand"})
            case.action_decide()
        elif target == "closed":
            case.write({"closing_reason": "The airline's certificate confirms the cancellation: a good "
                                          "reason; no sanction."})
            case.action_close_without_sanction()
