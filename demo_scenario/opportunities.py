"""Opportunities abroad (DP 717 §1 activity 5, §4): DIC's register and the weekly digest.

DIC publishes a few opportunities (in English, Kazakh and Russian) and the weekly digest goes
to each institute's coordinators, each in their language (mails queued in the outbox).
"""
from datetime import timedelta

from odoo import Command

from .common import ref, today, user
from .dates import working_day_on_or_after

OPPORTUNITIES = [
    # (name en, kk, ru), kind, sponsor, audience, days to the deadline, link, institutes
    (("DAAD research grants for doctoral candidates", "DAAD докторанттарға арналған зерттеу гранттары",
      "Исследовательские гранты DAAD для докторантов"),
     "scholarship", "DAAD", "students", 75, "https://www.daad.de/en/study-and-research-in-germany/scholarships/",
     ("hr_department_inst_it_demo",)),
    (("Erasmus+ staff training week at Politecnico di Milano",
      "Politecnico di Milano-дағы Erasmus+ қызметкерлерді оқыту апталығы",
      "Неделя обучения персонала Erasmus+ в Politecnico di Milano"),
     "seminar", "European Commission (Erasmus+)", "staff", 40, "https://erasmus-plus.ec.europa.eu/", ()),
    (("Summer internship in petroleum geoscience", "Мұнай геоғылымы бойынша жазғы тағылымдама",
      "Летняя стажировка по нефтяной геологии"),
     "internship", "TU Berlin", "students", 60, "https://www.tu.berlin/en/", ("hr_department_inst_geo_demo",)),
    (("Hannover Messe: university stand", "Hannover Messe: университет стенді",
      "Hannover Messe: стенд университета"),
     "exhibition", "Deutsche Messe AG", "both", 90, "https://www.hannovermesse.de/en/", ()),
]


def run(env):
    officer = user(env, "user_dic_officer")
    Opportunity = env["intl.opportunity"].with_user(officer)
    if Opportunity.search_count([("name", "=", OPPORTUNITIES[0][0][0])]):
        return
    for (name, name_kk, name_ru), kind, sponsor, audience, days, link, institutes in OPPORTUNITIES:
        departments = env["hr.department"].browse([ref(env, xmlid).id for xmlid in institutes if ref(env, xmlid)])
        opportunity = Opportunity.with_context(lang="en_US").create({
            "name": name, "kind": kind, "sponsor": sponsor, "audience": audience, "link": link,
            "date_deadline": working_day_on_or_after(env, today() + timedelta(days=days)),
            "institute_ids": [Command.set(departments.ids)]})
        opportunity.with_context(lang="kk_KZ").name = name_kk
        opportunity.with_context(lang="ru_RU").name = name_ru
        opportunity.action_publish()
    # a draft DIC is still checking
    Opportunity.create({"name": "Chevening scholarships 2027/2028", "kind": "scholarship",
                        "sponsor": "UK Foreign, Commonwealth and Development Office", "audience": "both",
                        "link": "https://www.chevening.org/"})
    # this week's digest: each institute's coordinators, in their language
    env["intl.opportunity"]._cron_weekly_digest()
