"""Evaluation (DP 717 section 7): indicators, the annual reports, review actions, risks.

Last year's report was approved by the rector and reviewed by Management (its
review actions are under way); this year's is in draft for the DIC Director.
"""
from datetime import timedelta

from .common import ref, today, user

TARGETS = {"trips_out": 6, "agreements_in_force": 4, "delegations": 2, "scholar_hours": 120,
           "incoming_students": 15, "mobility_applications": 4, "mobility_realised": 6, "mobility_credits": 120}
INSTITUTES = ("hr_department_inst_it_demo", "hr_department_inst_geo_demo", "hr_department_inst_metal_demo")


def run(env):
    director, rector = user(env, "user_dic_director"), user(env, "user_rector")
    year = today().year
    Indicator = env["intl.institute.indicator"].with_user(director)
    for xmlid in INSTITUTES:
        institute = ref(env, xmlid)
        for indicator_year in (year - 1, year):
            if institute and not Indicator.search_count(
                    [("institute_id", "=", institute.id), ("year", "=", indicator_year)]):
                Indicator.create([{"institute_id": institute.id, "year": indicator_year, "code": code,
                                   "target": target} for code, target in TARGETS.items()])
    Report = env["intl.annual.report"].with_user(director)
    if not Report.search_count([("year", "=", year - 1), ("company_id", "=", env.company.id)]):
        report = Report.create({
            "year": year - 1, "lang": "ru_RU",
            "summary": "<p>The university widened its partnerships in Central Europe and East Asia; "
                       "outgoing mobility of faculty grew and two new memoranda were signed.</p>",
            "conclusions": "<p>Agreement approvals are still slow; trip reports are mostly on time.</p>",
            "proposals": "<p>Move agreement approvals to the electronic document flow; plan invited "
                         "scholars a semester ahead.</p>"})
        report.action_submit()
        report.with_user(rector).action_approval_approve()
        # §7.3: the management review (DP 502), then the Academic Council on its summary
        report.write({
            "review_date": today() - timedelta(days=30),
            "review_summary": "<p>Management review: mobility on track, agreements lag; the process "
                              "meets its objectives but the approval of agreements takes too long.</p>",
            "council_date": today() - timedelta(days=20), "council_reference": "No. 4",
            "council_summary": "<p>The department proposes to move agreement approvals to the electronic "
                               "document flow and to fund the invited scholars from January.</p>"})
        officer = user(env, "user_dic_officer")
        actions = env["intl.review.action"].with_user(director).create([
            {"report_id": report.id, "origin": "review",
             "name": "Shorten the approval of agreements to 20 days",
             "owner_id": officer.id, "date_deadline": today() + timedelta(days=60)},
            {"report_id": report.id, "origin": "review", "name": "Publish the trip reports on the intranet",
             "owner_id": officer.id, "date_deadline": today() + timedelta(days=10)},
            {"report_id": report.id, "origin": "council", "name": "Fund the invited scholars from January",
             "owner_id": director.id, "date_deadline": today() + timedelta(days=90)},
        ])
        # the owner reports one done: the follow-up the paper prints
        done = actions[1].with_user(officer)
        done.write({"result": "The reports of the year are on the intranet since last week."})
        done.action_done()
    if not Report.search_count([("year", "=", year), ("company_id", "=", env.company.id)]):
        Report.create({
            "year": year, "lang": "ru_RU",
            "summary": "<p>Draft: the figures of the year so far; the institutes' reports are due in "
                       "December.</p>"})
    # the DIC Director computes this year's figures so far (in December the cron opened the draft)
    draft = Report.search([("year", "=", year), ("company_id", "=", env.company.id), ("state", "=", "draft")],
                          limit=1)
    if draft and not draft.figure_ids:
        draft.action_refresh_figures()
    for risk in env["intl.risk"].search([("owner_id", "=", env.ref("base.user_admin").id)]):
        risk.owner_id = director
    env["intl.risk"].search([("indicator", "=", "funds_used_november")]).write({"allocated_amount": 25000000})
    env["intl.risk"]._cron_check_risks()
