"""Trips abroad filed in time, approved, under way and back, as their travellers and approvers.

Every trip is filed under the 15-day rule: a trip that departs soon enough to
need it was filed on a working day three weeks before its departure (the
step runs on that day), so no late submission is allowed for it. The one
draft filed too late shows the rule: its traveller asks Management.
"""
from .common import approve_current, attach, on_day, ref, today, user
from .dates import late_return_day, submission_day

# xml id suffix -> (stage, money scenario of trip_money.py)
TRIPS = {
    "to_head": ("to_head", None),
    "to_dic": ("to_dic", None),
    "to_management": ("to_management", None),
    "approved": ("approved", None),  # the accountant pays its advance (tenge)
    "approved_eur": ("approved", None),  # the accountant pays its advance (euros)
    "abroad": ("approved", "advance"),
    "returned": ("returned", "check"),  # euro advance; report with receipts to check
    "settled_under": ("returned", "deduction"),  # rest deducted from the salary
    "settled_over": ("returned", "to_settle"),  # grant trip: the difference to pay
    "settled_foreign": ("returned", "foreign"),  # euro rest returned, matched with the bank
    "host": ("done", None),
    "late": ("returned", "advance"),
    # trips whose traveller came back late (or not yet): the disciplinary cases of discipline.py
    "late_noreturn": ("approved", None),
    "late_explained": ("returned", None),
    "late_refusal": ("returned", None),
    "late_decided": ("returned", None),
    "late_closed": ("returned", None),
}
STAGES = ["to_head", "to_dic", "to_management", "approved"]
LATE_REQUEST = ("The organisers confirmed my talk only this week; the programme committee met late. "
                "The invitation is attached.")


def run(env):
    officer = user(env, "user_dic_officer")
    submit_days = env.company.intl_trip_submit_days
    for suffix, (stage, _money) in TRIPS.items():
        trip = ref(env, f"intl_trip_{suffix}_demo")
        if not trip or trip.state != "draft":
            continue
        # a traveller without a login is helped by DIC, as in real life
        traveller = trip.user_id or officer
        filed_on = None
        if (trip.date_departure - today()).days < submit_days:
            filed_on = submission_day(env, trip)
        with on_day(env, filed_on):
            # §5.3: the file's documents are attached before the submission
            trip._document_sync_checklist()
            attach(env, trip, trip.document_line_ids.filtered(
                lambda line: line.required and line.state == "missing" and not line.due_later), traveller)
            trip.with_user(traveller).action_submit()
            while trip.state != stage and trip.state in STAGES[:-1]:
                if trip.state == "to_dic":
                    required = trip.document_line_ids.filtered("required")
                    attach(env, trip, required, traveller)
                    required.with_user(officer)._do_check_all()
                approve_current(trip)
        if stage in ("returned", "done"):
            # late travellers are back having missed 2 working days of their calendar (holidays and
            # transfers counted), the others within their period; the unit head confirms the return
            # on the day the traveller is back
            back = late_return_day(env, trip) if suffix.startswith("late") else trip.approved_date_to
            head = trip._unit_head_users()[:1] or officer
            with on_day(env, back, hour=11):
                trip.with_user(head)._register_return(back)
        if stage == "done":
            trip.with_user(traveller).write({"results": "<p>Lectures given; joint publication agreed.</p>"})
            trip.with_user(traveller).action_submit_assignment_report()
    # a draft departing within 15 days: the form says why it cannot be submitted, and its traveller
    # asks Management for a late submission (an activity in each member's inbox)
    late = ref(env, "intl_trip_draft_late_demo")
    if late and late.state == "draft" and late.submission_late and not late.late_request_pending:
        late.with_user(late.user_id or officer)._do_request_late_submission(LATE_REQUEST)
