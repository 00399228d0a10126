"""Delegations received at every stage, as DIC and the approvers move them.

DIC attaches the memo 403-03 before asking the rector's decision and the estimate before the
programme, writes down what the delegation told it before the invitation (DP 717 5.4.2), and
verifies the signed original of the protocol 403-02 before closing. Mines Paris waits for its
member list: the visit is approved, the invitation cannot go yet.
"""
from .common import approve_current, attach, ref, user

DELEGATIONS = [
    ("tu_berlin", "closed", None), ("pw", "protocol_approved", None),
    ("polimi", "protocol_review", None), ("metu", "in_progress", None),
    ("freiberg", "programme_approved", None), ("tsinghua", "programme_review", None),
    ("kaist", "invitation_sent", None), ("mines", "approved", None),
    ("gubkin", "decision_requested", None),
    ("polimi_refused", "refused", "The budget for receptions of this quarter is spent."),
    ("metu_cancel", "cancel", "The delegation postponed its visit to next year."),
]
# what each delegation told DIC before its invitation (5.4.2): contact phone, language, hotel
# booking, and the members' positions and workplaces where the demo data left them out
PRELIMINARY = {
    "pw": {"contact_phone": "+48 22 234 7211", "hotel_room_category": "Single", "hotel_room_count": 1,
           "hotel_occupant_count": 1},
    "polimi": {"contact_name": "Prof. Luca Bianchi", "contact_phone": "+39 02 2399 1", "lang_id": "base.lang_en",
               "hotel_room_category": "Single", "hotel_room_count": 1, "hotel_occupant_count": 1,
               "workplace": "Politecnico di Milano"},
    "metu": {"contact_name": "Prof. Ayşe Yılmaz", "contact_phone": "+90 312 210 2000", "lang_id": "base.lang_en",
             "hotel_room_category": "Single", "hotel_room_count": 1, "hotel_occupant_count": 1,
             "workplace": "Middle East Technical University"},
    "freiberg": {"contact_name": "Dr. Jana Richter", "contact_phone": "+49 3731 39 0", "lang_id": "base.lang_en",
                 "hotel_room_category": "Double", "hotel_room_count": 2, "hotel_occupant_count": 4,
                 "members": [{"surname": "Richter", "first_name": "Jana", "position": "Professor of Geology",
                              "workplace": "TU Bergakademie Freiberg", "is_head": True},
                             {"surname": "Wolf", "first_name": "Martin", "position": "Field school coordinator",
                              "workplace": "TU Bergakademie Freiberg"}]},
    "tsinghua": {"contact_name": "Prof. Li Wei", "contact_phone": "+86 10 6278 5001",
                 "hotel_room_category": "Single", "hotel_room_count": 2, "hotel_occupant_count": 2,
                 "members": [{"surname": "Li", "first_name": "Wei", "position": "Dean of the AI Institute",
                              "workplace": "Tsinghua University", "is_head": True},
                             {"surname": "Zhang", "first_name": "Min", "position": "Associate Professor",
                              "workplace": "Tsinghua University"}]},
    "kaist": {"contact_name": "Dr. Kim Ji-ho", "contact_phone": "+82 42 350 2114", "lang_id": "base.lang_en",
              "hotel_room_category": "Single", "hotel_room_count": 1, "hotel_occupant_count": 1,
              "members": [{"surname": "Kim", "first_name": "Ji-ho", "position": "Head of the Robotics Laboratory",
                           "workplace": "KAIST", "is_head": True}]},
}
# the visits whose protocol was signed by the director of their institute
PROTOCOL_DIRECTORS = {"pw": "hr_employee_dic_director_demo", "polimi": "hr_employee_geo_director_demo"}
MEMO, ESTIMATE, PROTOCOL = ("intl_document_type_service_memo", "intl_document_type_cost_estimate",
                            "intl_document_type_protocol")

FLOW = [
    ("decision_requested", "action_request_decision"), ("approved", None),
    ("invitation_sent", "action_send_invitation"), ("programme_review", "action_submit_programme"),
    ("programme_approved", None), ("in_progress", "action_start_visit"),
    ("protocol_review", "action_submit_protocol"), ("protocol_approved", None),
    ("closed", "action_close"),
]


def _papers(env, visit, xmlid):
    doc_type = ref(env, xmlid)
    return visit.document_line_ids.filtered(lambda line: line.type_id == doc_type)


def _before(env, visit, suffix, method, officer):
    """What DIC does before each click: attach the paper the step decides on, write down the
    preliminary information, name the protocol's director, verify the signed protocol."""
    if method == "action_request_decision":
        attach(env, visit, _papers(env, visit, MEMO), officer)
    elif method == "action_send_invitation" and suffix in PRELIMINARY:
        vals = dict(PRELIMINARY[suffix])
        members, workplace = vals.pop("members", None), vals.pop("workplace", None)
        if "lang_id" in vals:
            vals["lang_id"] = env.ref(vals["lang_id"]).id
        if members and not visit.member_ids:
            vals["member_ids"] = [(0, 0, member) for member in members]
        visit.with_user(officer).write(vals)
        if workplace:
            visit.member_ids.filtered(lambda m: not m.workplace).with_user(officer).write({"workplace": workplace})
    elif method == "action_submit_programme":
        attach(env, visit, _papers(env, visit, ESTIMATE), officer)
    elif method == "action_submit_protocol" and suffix in PROTOCOL_DIRECTORS and not visit.protocol_director_id:
        visit.with_user(officer).write({"protocol_director_id": ref(env, PROTOCOL_DIRECTORS[suffix]).id})
    elif method == "action_close":
        protocol = _papers(env, visit, PROTOCOL)
        attach(env, visit, protocol, officer)
        protocol.filtered(lambda line: line.state != "verified").with_user(officer)._do_check_all()


def run(env):
    officer = user(env, "user_dic_officer")
    for suffix, target, reason in DELEGATIONS:
        visit = ref(env, f"intl_delegation_{suffix}_demo")
        if not visit or visit.state != "draft":
            continue
        if target == "refused":
            _before(env, visit, suffix, "action_request_decision", officer)
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
                _before(env, visit, suffix, method, officer)
                getattr(visit.with_user(officer), method)()
            else:
                approve_current(visit)
    visit = ref(env, "intl_delegation_tu_berlin_demo")
    if visit and visit.protocol_decision_ids.filtered(lambda d: not d.plan_line_id):
        visit.with_user(officer).action_create_plan_lines()
