"""Foreign grant projects (DP 717 §1 activity 7): one running, funding a trip; one waiting for the funder.

DIC registers the proposals of the institutes and moves them as the funder decides. It runs
before the trips' step: the Erasmus+ kick-off trip to Milan (``intl_trip_to_dic_demo``) names
the running project, and the trips' step then files it through its approvals.
"""
from datetime import timedelta

from odoo import Command

from .common import on_day, ref, today, user
from .dates import working_day_on_or_before

RUNNING = "Erasmus+ CBHE: digital curricula for Central Asian engineering schools"
WAITING = "Horizon Europe MSCA Staff Exchanges: digital twins of mining processes"


def run(env):
    officer = user(env, "user_dic_officer")
    Project = env["intl.grant.project"].with_user(officer)
    if Project.search_count([("name", "in", (RUNNING, WAITING))]):
        return
    Partner = env["res.partner"].with_user(officer)
    agency = Partner.search([("name", "=", "European Education and Culture Executive Agency")], limit=1) \
        or Partner.create({"name": "European Education and Culture Executive Agency", "is_company": True,
                           "country_id": env.ref("base.be").id, "city": "Brussels"})
    rea = Partner.search([("name", "=", "European Research Executive Agency")], limit=1) \
        or Partner.create({"name": "European Research Executive Agency", "is_company": True,
                           "country_id": env.ref("base.be").id, "city": "Brussels"})
    partners = (ref(env, "res_partner_polimi_demo") or env["res.partner"]) | (
        ref(env, "res_partner_tu_berlin_demo") or env["res.partner"])
    lecturer = ref(env, "hr_employee_lecturer_demo")
    professor = ref(env, "hr_employee_professor_demo") or lecturer
    eur = env.ref("base.EUR")
    agreement = env["intl.agreement"].search([("partner_id", "in", partners.ids)], limit=1)
    running = Project.create({
        "name": RUNNING, "acronym": "DigiCA", "call": "Erasmus+ Capacity Building in Higher Education",
        "funder_id": agency.id, "partner_ids": [Command.set(partners.ids)], "agreement_id": agreement.id,
        "principal_investigator_id": lecturer.id, "amount_budget": 780000.0, "currency_id": eur.id,
        "date_start": today() - timedelta(days=120), "date_end": today() + timedelta(days=3 * 365 - 120),
        "note": "WP3: the university hosts the curriculum workshops and sends staff to Milan and Berlin."})
    with on_day(env, working_day_on_or_before(env, today() - timedelta(days=260))):
        running.action_submit()
    with on_day(env, working_day_on_or_before(env, today() - timedelta(days=150))):
        running.action_win()
    with on_day(env, working_day_on_or_before(env, today() - timedelta(days=120))):
        running.action_start()
    waiting = Project.create({
        "name": WAITING, "acronym": "MINETWIN", "call": "HORIZON-MSCA-SE", "funder_id": rea.id,
        "partner_ids": [Command.set(partners[-1:].ids)], "principal_investigator_id": professor.id,
        "amount_budget": 414000.0, "currency_id": eur.id,
        "date_start": today() + timedelta(days=200), "date_end": today() + timedelta(days=200 + 4 * 365)})
    with on_day(env, working_day_on_or_before(env, today() - timedelta(days=20))):
        waiting.action_submit()
    # the kick-off trip to Milan is paid by the running project (set on its draft, by whoever files it)
    trip = ref(env, "intl_trip_to_dic_demo")
    if trip and trip.state == "draft":
        trip.with_user(trip.user_id or officer).write({"grant_project_id": running.id})
