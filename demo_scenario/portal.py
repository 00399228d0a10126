"""The portal (issue 20): the people outside the university, each with a record waiting for them.

- ``scholar``: the invited scholar of the accepted visit (Dr. Kim), who sends the visa documents;
- ``delegation``: the contact person of TU Berlin's delegation, who fills in the member list;
- ``partner``: the coordinator at TU Berlin, who sees the agreement and nominates students;
- ``applicant``: a TU Berlin student nominated by that coordinator, who completes the application.

Every portal password is ``intl``. The nomination is made through the portal's own path (the
partner's coordinator), the delegation's contact person is chosen by the DIC officer.
"""
from datetime import timedelta

from odoo import Command

from .common import ref, today, user
from .dates import working_day_on_or_after


def portal_user(env, login, partner, lang="en_US"):
    Users = env["res.users"].with_context(active_test=False, no_reset_password=True)
    existing = Users.search([("login", "=", login)], limit=1)
    if existing:
        return existing
    return Users.create({
        "name": partner.name, "login": login, "password": "intl", "partner_id": partner.id, "lang": lang,
        "groups_id": [Command.set(env.ref("base.group_portal").ids)]})


def run(env):
    berlin = ref(env, "res_partner_tu_berlin_demo")
    officer = user(env, "user_dic_officer")
    # the invited scholar
    visit = ref(env, "intl_scholar_visit_kim_demo")
    if visit:
        portal_user(env, "scholar", visit.scholar_id)
        visit.with_user(officer)._portal_ensure_token()
    if not berlin:
        return
    # the delegation's contact person: TU Berlin's visit, or the next visit still being prepared
    Partner = env["res.partner"]
    contact = Partner.search([("email", "=", "katrin.vogel@delegation.example")], limit=1)
    if not contact:
        Delegation = env["intl.delegation"]
        open_visits = Delegation.search([("portal_contact_id", "=", False)], order="date_arrival").filtered(
            lambda visit: visit._intl_portal_can_edit())
        delegation = open_visits.filtered(lambda visit: visit.partner_id == berlin)[:1] or open_visits[:1]
        if delegation:
            contact = Partner.create({
                "name": "Dr. Katrin Vogel", "email": "katrin.vogel@delegation.example",
                "parent_id": delegation.partner_id.id, "function": "International Office"})
            delegation.with_user(officer).portal_contact_id = contact
    if contact:
        portal_user(env, "delegation", contact)
    # the partner's coordinator and the student they nominated
    coordinator = Partner.search([("email", "=", "julia.hoffmann@tu-berlin.example")], limit=1) or Partner.create({
        "name": "Julia Hoffmann", "email": "julia.hoffmann@tu-berlin.example", "parent_id": berlin.id,
        "function": "Erasmus+ coordinator"})
    portal_user(env, "partner", coordinator)
    Nomination = env["intl.mobility.nomination"]
    if not Nomination.search_count([("nominated_by_id", "=", coordinator.id)]):
        applicant = Partner.create({"name": "Lukas Brandt", "email": "lukas.brandt@tu-berlin.example",
                                    "parent_id": berlin.id})
        portal_user(env, "applicant", applicant)
        agreement = ref(env, "intl_agreement_tu_berlin_demo")
        start = working_day_on_or_after(env, today() + timedelta(days=120))
        # the portal's own path (controllers/portal.py): a draft, who nominated is the engine's
        nomination = Nomination._lifecycle_create([{
            "partner_id": berlin.id, "agreement_id": agreement.id if agreement else False,
            "institute_id": agreement.institute_id.id if agreement else False,
            "nominated_by_id": coordinator.id, "applicant_id": applicant.id, "participant_type": "learner",
            "surname": "Brandt", "first_name": "Lukas", "email": applicant.email, "mobility_type": "studies",
            "academic_year": f"{start.year}/{start.year + 1}", "date_start": start,
            "date_end": working_day_on_or_after(env, start + timedelta(days=140)),
            "field_of_study": "Computer science",
            "company_id": (agreement.company_id if agreement else env.company).id}])
        nomination._portal_ensure_token()
