from datetime import date, timedelta

from odoo import Command
from odoo.tests import new_test_user

from .common_trip import IntlTripCommon

YEAR = 2025
# The figures of YEAR hand-computed from the dataset below.
EXPECTED_TOTALS = {
    "trip_count": 3, "trip_days": 18, "trip_reported": 1,
    "delegation_count": 2, "delegation_members": 5,
    "agreement_new": 1, "agreement_in_force": 3, "agreement_expiring": 1, "agreement_terminated": 1,
    "plan_done": 1, "plan_overdue": 1,
    "money_total": 150000.0,
    # two learners went abroad in YEAR (a third cancelled, a fourth left the year before, staff
    # do not count); two invited scholars came in YEAR and gave 3 x 2 + 2 x 2 + 1.5 hours (planned
    # and cancelled lectures do not count); two foreign students came for YEAR/YEAR+1 (a Kazakh
    # one and one of the year before do not count); one double-degree intake of YEAR/YEAR+1
    # with two learners selected (one in reserve, one not eligible)
    "learner_out": 2, "scholar_count": 2, "scholar_hours": 11.5, "student_incoming": 2,
    "degree_intake": 1, "degree_learners": 2,
    # academic mobility (_create_mobility_dataset): three applications to a call of YEAR (a draft, a
    # withdrawn one and one to last year's call aside), none nominated to the partner yet; three
    # incoming nominations submitted in YEAR, one accepted; three mobilities ended and completed in
    # YEAR (two outgoing studies, one incoming teaching) of 4.0 + 5.0 + 0.2 months, 30 credits recognised
    "mobility_applications": 3, "mobility_nominated_out": 0, "mobility_accepted_out": 0,
    "mobility_nominations_in": 3, "mobility_accepted_in": 1,
    "mobility_realised": 3, "mobility_months": 9.2, "mobility_credits": 30.0,
    # no foreign grant project in the dataset (test_grant_project.py counts them)
    "grant_submitted": 0, "grant_won": 0, "grant_running": 0,
}


class AnnualReportCommon(IntlTripCommon):
    """A small fixed dataset of YEAR (and around it), the DIC Director and the rector.

    The records are put directly in the statuses they reached (engine-side
    creation, as a data migration would): these tests are about the figures,
    the processes have their own tests.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company_ids = [Command.set(cls.company.ids)]
        cls.user_dic_director = new_test_user(
            cls.env, login="report_dic_director", name="Report DIC Director",
            groups="base.group_user,intl_cooperation.group_intl_director",
            company_id=cls.company.id, company_ids=company_ids, email="dicdir@example.com")
        cls.user_rector = cls.user_management
        cls.user_director_other = new_test_user(
            cls.env, login="report_inst_director", name="Report Institute Director",
            groups="base.group_user", company_id=cls.company.id, company_ids=company_ids,
            email="instdir@example.com")
        cls.employee_director_other = cls.env["hr.employee"].create({
            "name": cls.user_director_other.name, "user_id": cls.user_director_other.id,
            "department_id": cls.other_institute.id, "company_id": cls.company.id})
        cls.other_institute.manager_id = cls.employee_director_other
        cls.funding_grant = cls.env.ref("intl_cooperation.intl_funding_source_grant")
        cls.fr = cls.env.ref("base.fr")
        cls.de = cls.env.ref("base.de")
        cls._create_dataset()

    @classmethod
    def _trip(cls, state, departure, days, **vals):
        values = cls._trip_vals(departure=departure, days=days, **vals)
        values["state"] = state
        return cls.env["intl.trip"]._lifecycle_create([values])

    @classmethod
    def _create_dataset(cls):
        trip = cls._trip
        conference = cls.env.ref("intl_cooperation.intl_trip_purpose_category_conference")
        internship = cls.env.ref("intl_cooperation.intl_trip_purpose_category_internship")
        # the purposes in the travellers' own words; the report counts their categories
        cls.trip_1 = trip("done", date(YEAR, 3, 1), 5, purpose="Mining conference in Berlin",
                          purpose_category_id=conference.id, assignment_report_date=date(YEAR, 3, 12))
        cls.trip_2 = trip("returned", date(YEAR, 6, 10), 3, purpose="Conference",
                          purpose_category_id=conference.id,
                          employee_id=cls.employee_requester_other.id,
                          funding_source_id=cls.funding_grant.id)
        cls.trip_3 = trip("approved", date(YEAR, 9, 1), 10, purpose="Internship",
                          purpose_category_id=internship.id,
                          country_id=cls.fr.id, city="Paris")
        trip("draft", date(YEAR, 10, 1), 4, country_id=cls.fr.id, city="Lyon")
        trip("done", date(YEAR - 1, 12, 30), 4)
        trip("cancel", date(YEAR, 4, 1), 2)

        Delegation = cls.env["intl.delegation"]

        def delegation(state, arrival, members):
            return Delegation._lifecycle_create([{
                "partner_id": cls.partner_host.id, "purpose": "Joint research",
                "date_arrival": arrival, "date_departure": arrival, "state": state,
                "institute_id": cls.institute.id, "company_id": cls.company.id,
                "member_ids": [Command.create({"surname": f"Member{i}", "first_name": "A"})
                               for i in range(members)],
            }])
        cls.delegation_1 = delegation("closed", date(YEAR, 4, 15), 3)
        delegation("in_progress", date(YEAR, 10, 2), 2)
        delegation("draft", date(YEAR, 11, 2), 4)
        delegation("cancel", date(YEAR, 5, 2), 1)

        Agreement = cls.env["intl.agreement"]
        kind = cls.env.ref("intl_cooperation.intl_agreement_kind_memorandum")

        def agreement(state, signed, end, **vals):
            return Agreement._lifecycle_create([{
                "title": "Memorandum", "partner_id": cls.partner_host.id, "kind_id": kind.id,
                "institute_id": cls.institute.id, "company_id": cls.company.id, "state": state,
                "date_sign_university": signed, "date_sign_partner": signed, "date_end": end, **vals,
            }])
        cls.agreement_1 = agreement("in_force", date(YEAR, 2, 1), date(YEAR + 5, 1, 31))
        agreement("expired", date(YEAR - 2, 7, 1), date(YEAR, 6, 30))
        agreement("terminated", date(YEAR - 3, 1, 10), date(YEAR + 2, 1, 9),
                  date_terminated=date(YEAR, 5, 1), termination_reason="Partner closed the programme")
        agreement("signed", date(YEAR + 1, 2, 1), date(YEAR + 6, 1, 31))
        agreement("draft", False, False)

        Line = cls.env["intl.agreement.plan.line"]
        Line._lifecycle_create([
            {"agreement_id": cls.agreement_1.id, "name": "Joint seminar", "state": "done",
             "date_deadline": date(YEAR, 5, 1)},
            {"agreement_id": cls.agreement_1.id, "name": "Student exchange", "state": "overdue",
             "date_deadline": date(YEAR, 11, 1)},
            {"agreement_id": cls.agreement_1.id, "name": "Summer school", "state": "planned",
             "date_deadline": date(YEAR, 12, 20)},
            {"agreement_id": cls.agreement_1.id, "name": "Visit", "state": "done",
             "date_deadline": date(YEAR - 1, 5, 1)},
        ])

        cls._create_people_dataset()
        cls._create_mobility_dataset()

        cls.advance_1 = cls._advance_report(cls.trip_1, 100000.0, date(YEAR, 3, 20))
        cls._advance_report(cls.trip_2, 50000.0, date(YEAR, 6, 20))
        cls._advance_report(cls.trip_3, 70000.0, date(YEAR + 1, 1, 5))
        cls._advance_report(cls.trip_3, 9000.0, date(YEAR, 9, 20), state="submitted")

    @classmethod
    def _create_people_dataset(cls):
        """Learners abroad, invited scholars with lectures, incoming students, a double degree."""
        env = cls.env
        Partner = env["res.partner"]
        cls.uni_fr = Partner.create({
            "name": "Université Test", "is_company": True, "is_intl_institution": True,
            "intl_institution_type": "university", "country_id": cls.fr.id})
        Learner = env["intl.learner"]

        def learner(code, country, institute=None):
            return Learner.create({
                "name": f"Learner {code}", "student_code": code, "company_id": cls.company.id,
                "institute_id": (institute or cls.institute).id, "country_id": country.id})
        kz = env.ref("base.kz")
        cls.learner_kz_1, cls.learner_kz_2 = learner("AR-1", kz), learner("AR-2", kz, cls.other_institute)
        cls.learner_fr, cls.learner_de = learner("AR-3", cls.fr), learner("AR-4", cls.de)
        Mobility = env["intl.mobility"]

        def mobility(direction, learner_rec, start, state="planned", partner=None, **vals):
            values = {
                "participant_type": "learner", "learner_id": learner_rec.id, "direction": direction,
                "partner_id": (partner or cls.partner_host).id, "company_id": cls.company.id,
                "academic_year": f"{start.year}/{start.year + 1}" if start.month >= 9
                else f"{start.year - 1}/{start.year}",
                "date_start": start, "date_end": start + timedelta(days=120), "state": state, **vals}
            return Mobility._lifecycle_create([values])
        cls.mobility_out_1 = mobility("outgoing", cls.learner_kz_1, date(YEAR, 2, 1), "completed")
        cls.mobility_out_2 = mobility("outgoing", cls.learner_kz_2, date(YEAR, 9, 1), partner=cls.uni_fr)
        mobility("outgoing", cls.learner_kz_1, date(YEAR, 10, 1), "cancel")
        mobility("outgoing", cls.learner_kz_2, date(YEAR - 1, 9, 1), "completed")
        Mobility._lifecycle_create([{
            "participant_type": "staff", "employee_id": cls.employee_requester.id, "direction": "outgoing",
            "mobility_type": "teaching", "partner_id": cls.partner_host.id, "company_id": cls.company.id,
            "academic_year": f"{YEAR - 1}/{YEAR}", "date_start": date(YEAR, 3, 1),
            "date_end": date(YEAR, 3, 10)}])
        # incoming students of the academic year YEAR/YEAR+1
        cls.mobility_in_1 = mobility("incoming", cls.learner_fr, date(YEAR, 9, 1), partner=cls.uni_fr)
        cls.mobility_in_2 = mobility("incoming", cls.learner_de, date(YEAR + 1, 2, 1),
                                     academic_year=f"{YEAR}/{YEAR + 1}")
        mobility("incoming", cls.learner_kz_1, date(YEAR, 9, 1))
        mobility("incoming", cls.learner_de, date(YEAR - 1, 9, 1), "completed")
        # invited scholars and their lectures
        Visit, Lecture = env["intl.scholar.visit"], env["intl.scholar.lecture"]
        funding = env.ref("intl_cooperation.intl_funding_source_scholar_programme")

        def visit(state, arrival, institute, lectures):
            scholar = Partner.create({"name": f"Scholar {arrival}", "country_id": cls.fr.id})
            record = Visit._lifecycle_create([{
                "scholar_id": scholar.id, "institute_id": institute.id, "company_id": cls.company.id,
                "date_arrival": arrival, "date_departure": arrival + timedelta(days=9),
                "purpose": "Lectures", "funding_source_id": funding.id, "state": state}])
            Lecture._lifecycle_create([{
                "visit_id": record.id, "date": arrival + timedelta(days=day), "time_from": 10.0,
                "time_to": 12.0, "group_name": "MSc", "discipline": "Geology", "hours_planned": 2.0,
                "state": lecture_state, "hours_given": hours,
            } for day, (lecture_state, hours) in enumerate(lectures)])
            return record
        given = ("given", 2.0)
        cls.visit_1 = visit("done", date(YEAR, 3, 10), cls.institute,
                            [given, given, given, ("planned", 0.0), ("cancel", 0.0)])
        cls.visit_2 = visit("ended", date(YEAR, 10, 5), cls.other_institute, [given, given, ("given", 1.5)])
        visit("accepted", date(YEAR, 12, 1), cls.institute, [("planned", 0.0)])
        visit("done", date(YEAR - 1, 11, 20), cls.institute, [given])
        # a double-degree programme, its intakes and applications
        programme = env["intl.degree.programme"]._lifecycle_create([{
            "title": "MSc Geoscience", "partner_id": cls.uni_fr.id, "institute_id": cls.institute.id,
            "company_id": cls.company.id, "state": "active"}])
        Intake = env["intl.degree.intake"]

        def intake(state, academic_year):
            return Intake._lifecycle_create([{
                "programme_id": programme.id, "academic_year": academic_year, "state": state,
                "date_deadline": date(YEAR, 5, 1)}])
        cls.intake = intake("decided", f"{YEAR}/{YEAR + 1}")
        intake("cancel", f"{YEAR}/{YEAR + 1}")
        previous = intake("decided", f"{YEAR - 1}/{YEAR}")
        Application = env["intl.degree.application"]
        cls.applications_selected = Application._lifecycle_create([
            {"intake_id": cls.intake.id, "learner_id": cls.learner_kz_1.id, "state": "selected"},
            {"intake_id": cls.intake.id, "learner_id": cls.learner_kz_2.id, "state": "selected"},
        ])
        Application._lifecycle_create([
            {"intake_id": cls.intake.id, "learner_id": cls.learner_fr.id, "state": "reserve"},
            {"intake_id": cls.intake.id, "learner_id": cls.learner_de.id, "state": "ineligible"},
            {"intake_id": previous.id, "learner_id": cls.learner_fr.id, "state": "selected"},
        ])

    @classmethod
    def _create_mobility_dataset(cls):
        """Calls and their applications, incoming nominations, mobilities realised in YEAR (besides
        the learners abroad of ``_create_people_dataset``: the first of them ended in YEAR)."""
        env = cls.env
        kind = env.ref("intl_cooperation.intl_agreement_kind_memorandum")
        agreement = env["intl.agreement"]._lifecycle_create([{
            "title": "Erasmus+ inter-institutional agreement", "partner_id": cls.partner_host.id,
            "kind_id": kind.id, "institute_id": cls.institute.id, "company_id": cls.company.id}])
        condition = env["intl.agreement.condition"].create({
            "agreement_id": agreement.id, "direction": "outgoing", "mobility_type": "studies",
            "year_first": f"{YEAR - 1}/{YEAR}", "year_last": f"{YEAR + 1}/{YEAR + 2}", "mobilities_per_year": 10})
        Call = env["intl.mobility.call"]
        cls.mobility_call = Call._lifecycle_create([{
            "condition_id": condition.id, "academic_year": f"{YEAR}/{YEAR + 1}", "semester": "autumn",
            "date_deadline": date(YEAR, 3, 1), "seats": 5, "state": "open"}])
        previous_call = Call._lifecycle_create([{
            "condition_id": condition.id, "academic_year": f"{YEAR - 1}/{YEAR}", "semester": "spring",
            "date_deadline": date(YEAR - 1, 11, 1), "seats": 2, "state": "open"}])
        withdrawn = env["intl.learner"].create({
            "name": "Learner AR-5", "student_code": "AR-5", "company_id": cls.company.id,
            "institute_id": cls.institute.id})
        Application = env["intl.mobility.application"]
        cls.mobility_applications = Application._lifecycle_create([
            {"call_id": cls.mobility_call.id, "learner_id": learner.id, "state": state}
            for learner, state in ((cls.learner_kz_1, "selected"), (cls.learner_kz_2, "reserve"),
                                   (cls.learner_fr, "ineligible"))])
        Application._lifecycle_create([
            {"call_id": cls.mobility_call.id, "learner_id": cls.learner_de.id, "state": "draft"},
            {"call_id": cls.mobility_call.id, "learner_id": withdrawn.id, "state": "withdrawn"},
            {"call_id": previous_call.id, "learner_id": cls.learner_kz_1.id, "state": "submitted"},
        ])
        Nomination = env["intl.mobility.nomination"]

        def nomination(state, submitted, institute=None):
            return Nomination._lifecycle_create([{
                "partner_id": cls.uni_fr.id, "company_id": cls.company.id,
                "institute_id": (institute or cls.institute).id, "surname": f"Nominee {state}",
                "first_name": "B", "email": "nominee@example.com", "academic_year": f"{YEAR}/{YEAR + 1}",
                "date_start": date(YEAR, 9, 1), "date_end": date(YEAR + 1, 1, 31), "state": state,
                "submit_date": submitted}])
        cls.nominations_in = (nomination("submitted", date(YEAR, 4, 1))
                              | nomination("accepted", date(YEAR, 5, 1))
                              | nomination("refused", date(YEAR, 6, 1), cls.other_institute))
        nomination("draft", False)
        nomination("accepted", date(YEAR - 1, 11, 1))
        nomination("cancel", date(YEAR, 2, 1))
        Mobility = env["intl.mobility"]
        common = {"company_id": cls.company.id, "state": "completed"}
        cls.mobility_realised = cls.mobility_out_1 | Mobility._lifecycle_create([
            {**common, "participant_type": "learner", "learner_id": cls.learner_kz_2.id, "direction": "outgoing",
             "mobility_type": "studies", "partner_id": cls.uni_fr.id, "academic_year": f"{YEAR - 1}/{YEAR}",
             "date_start": date(YEAR - 1, 10, 1), "date_end": date(YEAR, 2, 28), "credits_recognised": 30},
            {**common, "participant_type": "staff", "visitor_name": "Dr. Visiting Lecturer",
             "institute_id": cls.institute.id, "direction": "incoming", "mobility_type": "teaching",
             "partner_id": cls.uni_fr.id, "academic_year": f"{YEAR}/{YEAR + 1}",
             "date_start": date(YEAR, 11, 2), "date_end": date(YEAR, 11, 6)},
        ])
        # completed, but ended the next year
        Mobility._lifecycle_create([{
            **common, "participant_type": "staff", "employee_id": cls.employee_requester.id,
            "direction": "outgoing", "mobility_type": "training", "partner_id": cls.partner_host.id,
            "academic_year": f"{YEAR}/{YEAR + 1}", "date_start": date(YEAR, 12, 20),
            "date_end": date(YEAR + 1, 1, 10)}])

    @classmethod
    def _advance_report(cls, trip, amount, day, state="posted"):
        vals = {"trip_id": trip.id, "date": day, "state": state, "line_ids": [Command.create({
            "category_id": cls.cat_fares.id, "name": "Flight", "amount": amount, "date": day,
            "currency_id": cls.kzt.id})]}
        if state == "posted":
            move = cls.env["account.move"].create({
                "move_type": "entry", "journal_id": cls.misc_journal.id, "date": day,
                "company_id": cls.company.id, "line_ids": [
                    Command.create({"name": "Flight", "account_id": cls.travel_account.id,
                                    "debit": amount, "credit": 0.0}),
                    Command.create({"name": "Flight", "account_id": cls.advance_account.id,
                                    "debit": 0.0, "credit": amount,
                                    "partner_id": trip.employee_id.work_contact_id.id}),
                ]})
            move.action_post()
            vals["move_id"] = move.id
        return cls.env["intl.trip.advance.report"]._lifecycle_create([vals])

    def _new_report(self, year=YEAR, **vals):
        report = self.env["intl.annual.report"].with_user(self.user_dic_director).create({
            "year": year, "company_id": self.company.id,
            "summary": "<p>International activity grew.</p>",
            "conclusions": "<p>Keep going.</p>", **vals})
        report.action_refresh_figures()
        return report

    @staticmethod
    def _totals(report):
        return {figure.code: figure.value for figure in report.figure_ids if figure.dimension == "total"}

    @staticmethod
    def _breakdown(report, code):
        return {figure.dimension_label: figure.value for figure in report.figure_ids
                if figure.code == code}

    def _approve_report(self, report):
        report.with_user(self.user_dic_director).action_submit()
        report.with_user(self.user_rector).action_approval_approve()
        return report
