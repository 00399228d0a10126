"""Issue 25 demo (papers in the paper's language): the university's departments and job
positions named in Kazakh and Russian.

demo/hr_department_demo.xml loads the departments and employees in English, each with
the job title typed on the employee; ``run(env)`` does what HR does in Odoo: gives the
departments their Kazakh and Russian names (the translation dialog of the name), and
gives each demo employee the job position of their title (Employees > Configuration >
Job Positions), named in the three languages, so that a paper printed in Kazakh or
Russian shows the department and the position in that language. Idempotent.
Run as the step "words" of the demo scenario (demo_scenario/__init__.py), first.
"""

DEPARTMENTS = {
    "hr_department_rectorate_demo": ("Ректорат", "Ректорат"),
    "hr_department_dic_demo": ("Халықаралық ынтымақтастық департаменті",
                               "Департамент международного сотрудничества"),
    "hr_department_fad_demo": ("Қаржы және бухгалтерлік есеп департаменті",
                               "Департамент финансов и бухгалтерского учёта"),
    "hr_department_lpd_demo": ("Құқықтық қамтамасыз ету және мемлекеттік сатып алу дирекциясы",
                               "Дирекция правового обеспечения и государственных закупок"),
    "hr_department_hrd_demo": ("Персоналды басқару департаменті", "Департамент управления персоналом"),
    "hr_department_registrar_demo": ("Тіркеу кеңсесі", "Офис регистратора"),
    "hr_department_inst_it_demo": ("Автоматика және ақпараттық технологиялар институты",
                                   "Институт автоматики и информационных технологий"),
    "hr_department_dep_software_demo": ("Бағдарламалық инженерия кафедрасы", "Кафедра программной инженерии"),
    "hr_department_dep_cyber_demo": ("Киберқауіпсіздік кафедрасы", "Кафедра кибербезопасности"),
    "hr_department_inst_geo_demo": ("Геология және мұнай-газ ісі институты",
                                    "Институт геологии и нефтегазового дела"),
    "hr_department_dep_petroleum_demo": ("Мұнай инженериясы кафедрасы", "Кафедра нефтяной инженерии"),
    "hr_department_inst_metal_demo": ("Тау-кен металлургия институты", "Горно-металлургический институт"),
    "hr_department_dep_metallurgy_demo": ("Металлургия және пайдалы қазбаларды байыту кафедрасы",
                                          "Кафедра металлургии и обогащения полезных ископаемых"),
}

# the job titles typed on the demo employees -> (Kazakh, Russian)
JOBS = {
    "Rector": ("Ректор", "Ректор"),
    "Director of International Cooperation": ("Халықаралық ынтымақтастық директоры",
                                              "Директор по международному сотрудничеству"),
    "International Cooperation Officer": ("Халықаралық ынтымақтастық жөніндегі маман",
                                          "Специалист по международному сотрудничеству"),
    "Deputy Director for International Affairs": ("Директордың халықаралық байланыстар жөніндегі орынбасары",
                                                  "Заместитель директора по международным связям"),
    "Director of the Institute": ("Институт директоры", "Директор института"),
    "Head of Department": ("Кафедра меңгерушісі", "Заведующий кафедрой"),
    "Associate Professor": ("Қауымдастырылған профессор", "Ассоциированный профессор"),
    "Legal Counsel": ("Заңгер-кеңесші", "Юрисконсульт"),
    "Chief Accountant": ("Бас бухгалтер", "Главный бухгалтер"),
    "HR Specialist": ("Персоналды басқару жөніндегі маман", "Специалист по управлению персоналом"),
    "Registrar": ("Тіркеуші", "Регистратор"),
    "Senior Lecturer": ("Аға оқытушы", "Старший преподаватель"),
    "Professor": ("Профессор", "Профессор"),
    "Head of the International Programmes Office": ("Халықаралық бағдарламалар бөлімінің басшысы",
                                                    "Руководитель отдела международных программ"),
    "Vice-Rector for Science and International Cooperation": (
        "Ғылым және халықаралық ынтымақтастық жөніндегі проректор",
        "Проректор по науке и международному сотрудничеству"),
    "Vice-Rector for Academic Affairs": ("Академиялық мәселелер жөніндегі проректор",
                                         "Проректор по академическим вопросам"),
}


def run(env):
    langs = {code for code, _name in env["res.lang"].get_installed()} & {"kk_KZ", "ru_RU"}
    if not langs:
        return

    def names(kk, ru):
        return {lang: {"kk_KZ": kk, "ru_RU": ru}[lang] for lang in langs}

    for xmlid, (kk, ru) in DEPARTMENTS.items():
        department = env.ref(f"intl_cooperation.{xmlid}", raise_if_not_found=False)
        if department:
            department.update_field_translations("name", names(kk, ru))
    employees = env["hr.employee"].search([("job_title", "in", list(JOBS)), ("job_id", "=", False)])
    Job = env["hr.job"].with_context(lang="en_US")
    jobs = {}
    for employee in employees:
        key = (employee.job_title, employee.company_id.id)
        if key not in jobs:
            job = Job.search([("name", "=", employee.job_title), ("company_id", "in", (employee.company_id.id, False))],
                             limit=1)
            if not job:
                job = Job.create({"name": employee.job_title, "company_id": employee.company_id.id})
            job.update_field_translations("name", names(*JOBS[employee.job_title]))
            jobs[key] = job
        # the position keeps the title typed on the employee (Odoo fills the title from the position)
        employee.write({"job_id": jobs[key].id, "job_title": employee.job_title})
