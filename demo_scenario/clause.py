"""Issue 23 demo (files complete by their deadlines) through the real doors.

demo/intl_clause_demo.xml loads the drafts; ``run(env)`` moves them as the demo users would:
the traveller of the D-14 trip attaches the application and the estimate but not yet the
invitation nor the unit head's recommendation (the form lists what is missing); the daily
cron flags the draft whose departure passed unsubmitted to the traveller and the unit head;
the DIC Director records why a visit is outside the semester plan and the coordinator
submits its complete file; in December the cron opens the year's annual report for the
DIC Director. Idempotent: records already moved are left alone.
Run as the step "clause" of the demo scenario (demo_scenario/__init__.py).
"""
import base64

from odoo import Command

PDF = base64.b64encode(b"%PDF-1.4\n% demo scan\n")


def run(env):
    def ref(xmlid):
        return env.ref(f"intl_cooperation.{xmlid}", raise_if_not_found=False)

    def attach(record, lines, as_user):
        for line in lines.filtered(lambda line: not line.attachment_ids):
            attachment = env["ir.attachment"].with_user(as_user).create({
                "name": f"{line.type_id.code or line.type_id.name} {record.name}.pdf".replace("/", "-"),
                "datas": PDF, "res_model": record._name, "res_id": record.id})
            line.with_user(as_user).write({"attachment_ids": [Command.link(attachment.id)]})

    # §5.3: the file incomplete at D-15: the application and the estimate only
    trip = ref("intl_trip_file_incomplete_demo")
    if trip and trip.state == "draft":
        traveller = trip.user_id or ref("user_dic_officer")
        kept = ("intl_document_type_application", "intl_document_type_cost_estimate")
        attach(trip, trip.document_line_ids.filtered(
            lambda line: line.type_id in (ref(kept[0]) | ref(kept[1]))), traveller)
    # §5.3: the departure passed unsubmitted: the cron tells the traveller and the unit head
    env["intl.trip"]._cron_flag_unsubmitted()
    # §7.1: in December, the cron opens the year's report for the DIC Director (no-op otherwise)
    env["intl.annual.report"]._cron_open_december()
    # §5.5: a visit outside the plan, allowed by the DIC Director, submitted complete
    visit = ref("intl_scholar_visit_unplanned_demo")
    if visit and visit.state == "draft":
        director, coordinator = ref("user_dic_director"), ref("user_coordinator")
        if not visit.unplanned_reason:
            env["intl.scholar.unplanned"].with_user(director).create({
                "visit_id": visit.id,
                "reason": "The scholar's visit to the region was confirmed after the plan was approved; "
                          "the seminar fits the master programme."}).action_confirm()
        attach(visit, visit.document_line_ids.filtered(
            lambda line: line.required and "scholar" in line.type_id.process_ids.mapped("code")),
            coordinator)
        if visit.submit_late and not visit.late_override_reason:
            env["intl.scholar.override"].with_user(director).create({
                "visit_id": visit.id, "reason": "The file was handed over on paper."}).action_confirm()
        visit.with_user(coordinator).action_submit()
