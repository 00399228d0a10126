"""Double degrees and academic mobility, as the Registrar Office, the coordinator, DIC and the approvers.

The Registrar Office imports the learners' export of the student system; the
coordinator submits the TU Berlin programme, the rector agrees, DIC drafts the
contract which goes through finance, legal and Management to its signature;
the first intake is decided by the commission; the best candidates' study
plans go to the institute and the Registrar Office (one approved, its results
to recognise on return; one waiting for the Registrar); last academic year's
intake sent a learner who is back: the Registrar imports TU Berlin's transcript
of records into her plan and recognises it; last academic year's mobility is
recorded in both directions. Nothing is done twice.
"""
import base64
import csv
import io
from datetime import date, timedelta

from odoo import Command

from .common import on_day
from .common import today as demo_today
from .dates import working_day_on_or_before

DEMO_PDF = base64.b64encode(b"%PDF-1.4\n% demo scan\n")

# Learners of the Institute of Automation and IT imported from the student system (one row per grade)
DEMO_LEARNERS = [
    # student id, Latin, Cyrillic, year, citizenship, grades per term, (language, certificate, level, score)
    ("SU-2024-0101", "Aruzhan Serikbayeva", "Аружан Серікбаева", 2, "KZ",
     [("A", "A-", "A"), ("A", "A", "B+")], ("en", "IELTS Academic", "C1", 7.5)),
    ("SU-2024-0102", "Nursultan Abenov", "Нұрсұлтан Әбенов", 2, "KZ",
     [("A-", "B+", "A-"), ("B+", "A-", "A")], ("en", "IELTS Academic", "B2", 6.5)),
    ("SU-2024-0103", "Dana Zhumabekova", "Дана Жұмабекова", 2, "KZ",
     [("B+", "B", "A-"), ("B", "B+", "B+")], ("en", "TOEFL iBT", "B2", 6.0)),
    ("SU-2024-0104", "Timur Kassymov", "Тимур Қасымов", 2, "KZ",
     [("A", "C+", "B"), ("B+", "B", "A-")], ("en", "IELTS Academic", "C1", 7.0)),
    ("SU-2024-0105", "Aigerim Tokhtarova", "Айгерім Тоқтарова", 2, "KZ",
     [("A-", "A-", "B+"), ("A", "B+", "A-")], ("en", "Duolingo English Test", "B1", 5.5)),
    ("SU-2023-0106", "Madina Akhmetova", "Мадина Ахметова", 3, "KZ",
     [("A", "A-", "A"), ("A-", "A", "B+")], ("en", "IELTS Academic", "C1", 7.0)),
    ("SU-2026-0201", "Yerassyl Nurpeisov", "Ерасыл Нұрпейісов", 1, "KZ", [], ("en", "IELTS Academic", "B2", 6.5)),
    ("SU-2025-0301", "Lena Hoffmann", "Лена Хофман", 1, "DE", [("A", "A-", "B+")], ("en", "TOEFL iBT", "C1", 7.0)),
    ("SU-2025-0302", "Giulia Ferrari", "Джулия Феррари", 1, "IT", [("B+", "A-", "B")],
     ("en", "IELTS Academic", "B2", 6.5)),
    ("SU-2025-0303", "Emre Yilmaz", "Эмре Йылмаз", 1, "TR", [("B", "B+", "B-")], ("en", "IELTS Academic", "B2", 6.0)),
    ("SU-2025-0304", "Li Wei", "Ли Вэй", 1, "CN", [("A-", "B+", "A")], ("en", "IELTS Academic", "B2", 6.0)),
]
# the learner of last academic year's intake, back from TU Berlin with the partner's transcript of records
RETURNED = "SU-2023-0106"
# TU Berlin's grades (1.0 best, 4.0 the lowest pass) of the plan's modules, by partner module code
TOR_GRADES = {"MOD-40852": "1.3", "MOD-41071": "1.7", "MOD-40960": "1.0", "MOD-40018": "2.3",
              "MOD-MA-THESIS": "1.3"}
DISCIPLINES = [("Алгоритмы и структуры данных", "Algorithms and Data Structures"),
               ("Базы данных", "Databases"),
               ("Машинное обучение", "Machine Learning")]

def user(env, xmlid):
    return env.ref(f"intl_cooperation.{xmlid}")


def attach(env, records):
    for record in records:
        for line in record.document_line_ids.filtered(lambda doc: not doc.attachment_ids):
            attachment = env["ir.attachment"].create({
                "name": f"{line.type_id.code or line.type_id.name} {record.name}.pdf".replace("/", "-"),
                "datas": DEMO_PDF, "res_model": record._name, "res_id": record.id,
            })
            line.attachment_ids = [Command.link(attachment.id)]
            if line.expires:
                line.expiry_date = demo_today() + timedelta(days=700)


def current_year(env):
    today = demo_today()
    return today.year if today.month >= 9 else today.year - 1


def import_learners(env):
    """The Registrar Office imports the learners' export of the student system."""
    start = current_year(env)
    institute = env.ref("intl_cooperation.hr_department_inst_it_demo").name
    department = env.ref("intl_cooperation.hr_department_dep_software_demo").name
    header = ["student_id", "name_latin", "name_cyrillic", "institute", "department", "programme", "level",
              "year_of_study", "citizenship", "email", "academic_year", "term", "discipline", "discipline_en",
              "credits", "grade", "language", "certificate", "cefr_level", "score"]
    rows = []
    for code, latin, cyrillic, year, country, terms, cert in DEMO_LEARNERS:
        learner = [code, latin, cyrillic, institute, department, "6B06102 Computer Science", "bachelor",
                   year, country, f"{code.lower()}@student.intl-demo.kz"]
        grades = []
        for index, term_grades in enumerate(terms):
            term_year = start - year + 1 + index // 2
            for (discipline, discipline_en), grade in zip(DISCIPLINES, term_grades, strict=False):
                grades.append([f"{term_year}/{term_year + 1}", index % 2 + 1, f"{discipline} {index + 1}",
                               f"{discipline_en} {index + 1}", 5, grade])
        for index, grade in enumerate(grades or [[""] * 6]):
            own = learner if index == 0 else [code] + [""] * 9
            rows.append(own + grade + (list(cert) if index == 0 else [""] * 4))
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    wizard = env["intl.learner.import"].with_user(user(env, "user_registrar")).create({
        "file": base64.b64encode(buffer.getvalue().encode()), "filename": "learners.csv",
    })
    wizard.action_preview()
    wizard.action_import()
    return env["intl.learner"].search([("student_code", "in", [row[0] for row in DEMO_LEARNERS])])


def run_programme(env):
    programme = env.ref("intl_cooperation.intl_degree_programme_tu_berlin_demo")
    if programme.state != "draft":
        return programme
    coordinator, officer = user(env, "user_coordinator"), user(env, "user_dic_officer")
    attach(env, programme)
    programme.with_user(coordinator).action_submit()
    programme.with_user(user(env, "user_rector")).action_approval_approve()
    programme.with_user(officer).action_prepare_contract()
    contract = programme.agreement_id
    today = demo_today()
    # signed before last academic year's intake (its learner is back: run_returned_learner)
    signed = working_day_on_or_before(env, date(current_year(env) - 1, 1, 20))
    contract.with_user(officer).write({
        "sign_lang_national": "kk_KZ", "sign_lang_foreign_id": env.ref("base.lang_en").id,
        "signatory_university": "Meruyert Begentayeva", "signatory_university_position": "Rector",
        "signatory_partner": "Geraldine Rauch", "signatory_partner_position": "President",
        "date_sign_university": signed, "date_sign_partner": signed + timedelta(days=5),
        "date_end": today + timedelta(days=5 * 365),
        "priority_directions": "Data science; geoinformatics",
        "implementation_conditions": "Up to five students a year each way; each university waives the tuition "
                                     "of the students it receives.",
        "contact_employee_ids": [Command.link(env.ref("intl_cooperation.hr_employee_coordinator_demo").id)],
    })
    attach(env, contract)
    contract.with_user(coordinator).action_submit()
    contract.with_user(officer).action_approval_submit()
    contract.document_line_ids.filtered(lambda doc: doc.required).with_user(officer)._do_check_all()
    contract.with_user(officer).action_start_negotiation()
    contract.with_user(officer).action_draft_ready()
    for approver in ("user_dic_director", "user_accountant", "user_legal", "user_rector"):
        contract.with_user(user(env, approver)).action_approval_approve()
    contract.with_user(coordinator).action_sign()
    programme.with_user(coordinator).action_start()
    return programme


def run_selection(env, programme, learners):
    coordinator = user(env, "user_coordinator")
    officer = user(env, "user_dic_officer")
    start = current_year(env)
    Intake = env["intl.degree.intake"].with_user(coordinator)
    intake = Intake.create({
        "programme_id": programme.id,
        "academic_year": f"{start + 1}/{start + 2}",
        "date_deadline": demo_today() + timedelta(days=20),
        "commission_user_ids": [Command.set(officer.ids)],
    })
    # nobody appoints themselves: DIC appoints the coordinator to the commission
    intake.with_user(officer).write({"commission_user_ids": [Command.link(coordinator.id)]})
    intake.action_open()
    home = learners.filtered(lambda learner: not learner.is_foreign and learner.student_code != RETURNED)
    applications = env["intl.degree.application"].with_user(coordinator).create([
        {"intake_id": intake.id, "learner_id": learner.id,
         "motivation": "Data science at TU Berlin builds on my bachelor thesis in machine learning."}
        for learner in home
    ])
    attach(env, applications)
    applications.action_submit()
    intake.action_close_applications()
    intake.decision_ref = "No. 4 of the institute's selection commission"
    intake.action_decide()
    selected = applications.filtered(lambda app: app.state == "selected").sorted("rank")
    # DIC drafts the plans with the graduating department; the institute's directorate and the
    # Registrar approve them: the best candidate's plan is approved (its results are recognised
    # on return), the next one waits at the Registrar Office
    officer, registrar = user(env, "user_dic_officer"), user(env, "user_registrar")
    plans = env["intl.study.plan"]
    for application in selected[:2]:
        action = application.with_user(officer).action_create_study_plan()
        plan = env["intl.study.plan"].with_user(officer).browse(action["res_id"])
        plan.write({"date_partner_agreed": demo_today() - timedelta(days=2),
                    "partner_contact": "Prof. Dr. Volker Markl, Faculty IV"})
        plan.action_submit()
        plan.with_user(coordinator).action_approval_approve()
        plans |= plan
    plan = plans[:1]
    plan.with_user(registrar).action_approval_approve()
    selected = selected[:1]
    env["intl.mobility"].with_user(coordinator).create({
        "participant_type": "learner", "learner_id": selected.learner_id.id, "direction": "outgoing",
        "mobility_type": "studies", "programme_type": "double_degree", "degree_programme_id": programme.id,
        "partner_id": programme.partner_id.id, "agreement_id": programme.agreement_id.id,
        "academic_year": f"{start + 1}/{start + 2}", "date_start": date(start + 1, 10, 1),
        "date_end": date(start + 2, 7, 31), "eqf_level": "7", "isced_code": "0613",
        "language_id": env.ref("base.lang_en").id, "cefr_level": "C1", "funding": "university",
        "credits_planned": plan.partner_credits,
    })


def run_returned_learner(env, programme, learners):
    """Last academic year's intake: its learner studied at TU Berlin and is back. The Registrar
    imports TU Berlin's transcript of records into her study plan (previewed, converted from the
    German scale) and recognises the results: they join her transcript, and her mobility is closed
    with the credits recognised."""
    coordinator, officer = user(env, "user_coordinator"), user(env, "user_dic_officer")
    registrar = user(env, "user_registrar")
    start = current_year(env)
    learner = learners.filtered(lambda rec: rec.student_code == RETURNED)
    opened = working_day_on_or_before(env, date(start - 1, 3, 2))
    decided = working_day_on_or_before(env, date(start - 1, 4, 6))
    with on_day(env, opened):
        intake = env["intl.degree.intake"].with_user(coordinator).create({
            "programme_id": programme.id, "academic_year": f"{start - 1}/{start}",
            "date_deadline": opened + timedelta(days=21), "commission_user_ids": [Command.set(officer.ids)],
        })
        intake.with_user(officer).write({"commission_user_ids": [Command.link(coordinator.id)]})
        intake.action_open()
        application = env["intl.degree.application"].with_user(coordinator).create({
            "intake_id": intake.id, "learner_id": learner.id,
            "motivation": "A master's in data science at TU Berlin continues my work on distributed databases."})
        attach(env, application)
        application.action_submit()
    with on_day(env, decided):
        intake.action_close_applications()
        intake.decision_ref = "No. 2 of the institute's selection commission"
        intake.action_decide()
        action = application.with_user(officer).action_create_study_plan()
        plan = env["intl.study.plan"].with_user(officer).browse(action["res_id"])
        plan.write({"date_partner_agreed": decided - timedelta(days=2),
                    "partner_contact": "Prof. Dr. Volker Markl, Faculty IV"})
        plan.action_submit()
        plan.with_user(coordinator).action_approval_approve()
        plan.with_user(registrar).action_approval_approve()
    mobility = env["intl.mobility"].with_user(coordinator).create({
        "participant_type": "learner", "learner_id": learner.id, "direction": "outgoing",
        "mobility_type": "studies", "programme_type": "double_degree", "degree_programme_id": programme.id,
        "partner_id": programme.partner_id.id, "agreement_id": programme.agreement_id.id,
        "academic_year": f"{start - 1}/{start}", "date_start": date(start - 1, 10, 1),
        "date_end": date(start, 7, 31), "eqf_level": "7", "isced_code": "0613",
        "language_id": env.ref("base.lang_en").id, "cefr_level": "C1", "funding": "university",
        "credits_planned": plan.partner_credits,
    })
    # back home: TU Berlin's transcript of records, imported by the Registrar Office
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["code", "module", "credits", "grade"], *(
        [line.discipline_id.partner_code, line.partner_discipline, line.partner_credits,
         TOR_GRADES[line.discipline_id.partner_code]] for line in plan.line_ids)])
    wizard = env["intl.study.plan.grade.import"].with_user(registrar).create({
        "plan_id": plan.id, "grade_scale": "one_to_five", "filename": "TU Berlin transcript of records.csv",
        "file": base64.b64encode(buffer.getvalue().encode()),
    })
    wizard.action_preview()
    wizard.action_import()
    plan.with_user(registrar).action_recognise()
    mobility.write({"credits_recognised": plan.home_credits, "report_received": True,
                    "outcome": "Both degrees' first year completed; the master thesis defended at TU Berlin."})
    mobility.action_complete()


def record_mobility(env, learners):
    """Last academic year's mobility in both directions, completed; this year's trip-linked one."""
    coordinator, officer = user(env, "user_coordinator"), user(env, "user_dic_officer")
    start = current_year(env) - 1
    year = f"{start}/{start + 1}"
    ref = env.ref
    p = "intl_cooperation."
    by_code = {learner.student_code: learner for learner in learners}
    english, german = ref("base.lang_en"), ref("base.lang_de")
    tub, polimi, metu = (ref(p + "res_partner_tu_berlin_demo"), ref(p + "res_partner_polimi_demo"),
                         ref(p + "res_partner_metu_demo"))
    tub_agreement = ref(p + "intl_agreement_tu_berlin_demo")
    freiberg_agreement = ref(p + "intl_agreement_freiberg_demo")
    autumn = (date(start, 9, 1), date(start + 1, 1, 31))
    spring = (date(start + 1, 2, 1), date(start + 1, 6, 30))
    records = [
        # outgoing learners
        ("learner", "SU-2024-0101", "outgoing", "studies", "erasmus", tub, tub_agreement, spring, "6", "0613",
         english, "C1", "erasmus", 30, 30, True),
        ("learner", "SU-2024-0102", "outgoing", "studies", "bilateral", tub, tub_agreement, spring, "6", "0613",
         german, "B1", "university", 30, 25, True),
        ("learner", "SU-2024-0103", "outgoing", "traineeship", "bilateral", polimi, False,
         (date(start + 1, 7, 1), date(start + 1, 8, 31)), "6", "0714", english, "B2", "own", 0, 0, True),
        ("learner", "SU-2024-0104", "outgoing", "studies", "dp718", metu, False, autumn, "6", "0613",
         english, "C1", "state", 30, 30, True),
        # incoming foreign learners
        ("learner", "SU-2025-0301", "incoming", "studies", "erasmus", tub, tub_agreement, autumn, "6", "0613",
         english, "B2", "erasmus", 30, 30, True),
        ("learner", "SU-2025-0302", "incoming", "studies", "bilateral", polimi, False, autumn, "6", "0613",
         english, "B2", "host", 30, 30, True),
        ("learner", "SU-2025-0303", "incoming", "studies", "bilateral", metu, False, spring, "6", "0714",
         english, "B2", "own", 30, 24, True),
        ("learner", "SU-2025-0304", "incoming", "studies", "other", tub, tub_agreement, spring, "6", "0613",
         english, "B2", "own", 30, 30, False),
        # staff
        ("staff", "hr_employee_professor_demo", "outgoing", "teaching", "erasmus", tub, tub_agreement,
         (date(start + 1, 3, 2), date(start + 1, 3, 8)), False, "0613", english, "C1", "erasmus", 0, 0, True),
        ("staff", "hr_employee_lecturer_demo", "outgoing", "training", "bilateral", polimi, False,
         (date(start + 1, 5, 11), date(start + 1, 5, 15)), False, "0714", english, "B2", "university", 0, 0, True),
        ("visitor", "Prof. Dr. Stefan Weber", "incoming", "teaching", "erasmus", tub, tub_agreement,
         (date(start, 11, 9), date(start, 11, 13)), False, "0613", english, "C1", "host", 0, 0, True),
    ]
    vals_list = []
    for (kind, who, direction, activity, programme, partner, agreement, dates, eqf, isced, lang, cefr, funding,
         planned, recognised, report) in records:
        vals = {
            "participant_type": kind, "direction": direction, "mobility_type": activity,
            "programme_type": programme, "partner_id": partner.id,
            "agreement_id": agreement.id if agreement else False, "academic_year": year,
            "date_start": dates[0], "date_end": dates[1], "eqf_level": eqf, "isced_code": isced,
            "language_id": lang.id, "cefr_level": cefr, "funding": funding,
            "credits_planned": planned, "credits_recognised": recognised, "report_received": report,
        }
        if kind == "learner":
            vals["learner_id"] = by_code[who].id
        elif kind == "visitor":
            vals.update(participant_type="staff", visitor_name=who,
                        institute_id=ref(p + "hr_department_inst_it_demo").id)
        else:
            vals["employee_id"] = ref(p + who).id
        vals_list.append(vals)
    mobility = env["intl.mobility"].with_user(coordinator).create(vals_list)
    mobility.action_complete()
    trip = ref(p + "intl_trip_returned_demo", raise_if_not_found=False)
    if trip and trip.date_return_actual:
        Mobility = env["intl.mobility"].with_user(officer)
        staff = Mobility.create({
            **Mobility._prepare_trip_vals(trip),
            "mobility_type": "teaching", "programme_type": "bilateral",
            "agreement_id": freiberg_agreement.id, "isced_code": "0724", "language_id": german.id,
            "cefr_level": "B2", "funding": "university",
        })
        staff.action_complete()


def run(env):
    programme = env.ref("intl_cooperation.intl_degree_programme_tu_berlin_demo", raise_if_not_found=False)
    if programme and programme.state == "draft":
        learners = import_learners(env)
        programme = run_programme(env)
        run_selection(env, programme, learners)
        run_returned_learner(env, programme, learners)
        record_mobility(env, learners)
