import base64
from datetime import timedelta

from odoo import Command, fields

from .common import IntlCommon

PDF_BYTES = base64.b64encode(b"%PDF-1.4\n% test scan\n")


class DegreeCommon(IntlCommon):
    """Learners, a running double-degree programme (through its real lifecycle) and an open intake."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["intl.learner"])
        cls.lang_en = cls.env.ref("base.lang_en")
        cls.lang_de = cls.env.ref("base.lang_de")
        cls.env.company.partner_id.intl_schac_code = "test.university.kz"
        cls.partner_institution.intl_schac_code = "test-tu.de"
        cls.programme = cls._create_programme()
        cls._run_programme(cls.programme)
        cls.intake = cls.env["intl.degree.intake"].with_user(cls.user_coordinator).create({
            "programme_id": cls.programme.id,
            "academic_year": "2027/2028",
            "date_deadline": cls.today + timedelta(days=30),
            "seats": 2,
            "commission_user_ids": [Command.set(cls.user_director_institute.ids)],
        })
        cls.intake.action_open()

    # ------------------------------------------------------------------

    @classmethod
    def _create_learner(self, code, grades=("A", "A-", "B+"), periods=1, cert=("C1", 7.0), user=None, **vals):
        grade_lines = []
        for period in range(periods):
            for index, grade in enumerate(grades):
                grade_lines.append(Command.create({
                    "academic_year": "2025/2026", "term": str(period % 2 + 1) if period < 2 else "3",
                    "discipline": f"Discipline {index} term {period}", "credits": 5, "grade": grade,
                }))
        languages = []
        if cert:
            languages.append(Command.create({
                "language_id": self.lang_en.id, "certificate": "IELTS Academic",
                "cefr_level": cert[0], "score": cert[1],
            }))
        return self.env["intl.learner"].with_user(user or self.user_registrar).create({
            "name": f"Learner {code}", "student_code": code, "institute_id": self.institute.id,
            "level": "bachelor", "year_of_study": 2, "grade_ids": grade_lines, "language_ids": languages,
            **vals,
        })

    @classmethod
    def _attach_all(self, record, user=None):
        for line in record.document_line_ids:
            attachment = self.env["ir.attachment"].create({
                "name": f"{line.type_id.name}.pdf", "datas": PDF_BYTES,
                "res_model": record._name, "res_id": record.id,
            })
            line.with_user(user or self.user_coordinator).write({
                "attachment_ids": [Command.link(attachment.id)],
                "expiry_date": self.today + timedelta(days=400) if line.expires else False,
            })

    @classmethod
    def _create_programme(self, **vals):
        return self.env["intl.degree.programme"].with_user(self.user_coordinator).create({
            "title": "Double-degree master in data science",
            "partner_id": self.partner_institution.id,
            "institute_id": self.institute.id,
            "department_id": self.department.id,
            "curator_id": self.user_officer.id,
            "level": "master",
            "isced_code": "0613",
            "language_ids": [Command.set(self.lang_en.ids)],
            "required_language_id": self.lang_en.id,
            "required_cefr": "B2",
            "duration_months": 10,
            "seats": 2,
            "discipline_ids": [
                Command.create({"semester": 3, "home_discipline": "Machine learning", "home_credits": 6,
                                "partner_discipline": "Machine Learning 1", "partner_credits": 9}),
                Command.create({"semester": 4, "home_discipline": "Master thesis", "home_credits": 12,
                                "partner_discipline": "Master Thesis", "partner_credits": 30}),
            ],
            **vals,
        })

    @classmethod
    def _run_programme(self, programme):
        """Proposal → Management → negotiation → contract signed → running."""
        self._attach_all(programme)
        programme.with_user(self.user_coordinator).action_submit()
        programme.with_user(self.user_management).action_approval_approve()
        programme.with_user(self.user_officer).action_prepare_contract()
        contract = programme.agreement_id
        contract.with_user(self.user_officer).write({
            "sign_lang_national": "ru_RU", "sign_lang_foreign_id": self.lang_en.id,
            "signatory_university": "Rector", "signatory_partner": "President",
            "date_sign_university": self.today - timedelta(days=3),
            "date_sign_partner": self.today - timedelta(days=2),
            "date_end": self.today + timedelta(days=1000),
            "priority_directions": "Data science",
            "implementation_conditions": "Two students a year each way; tuition waived by the host.",
            "contact_employee_ids": [Command.link(self.employee_coordinator.id)],
        })
        self._attach_all(contract)
        contract.with_user(self.user_coordinator).action_submit()
        contract.with_user(self.user_officer).action_approval_submit()
        contract.document_line_ids.filtered("required").with_user(self.user_officer)._do_check_all()
        contract.with_user(self.user_officer).action_start_negotiation()
        contract.with_user(self.user_officer).action_draft_ready()
        for user in (self.user_dic_director, self.user_accountant, self.user_legal, self.user_management):
            contract.with_user(user).action_approval_approve()
        contract.with_user(self.user_coordinator).action_sign()
        programme.with_user(self.user_coordinator).action_start()

    @classmethod
    def _apply(self, learner, intake=None, submit=True):
        application = self.env["intl.degree.application"].with_user(self.user_coordinator).create({
            "intake_id": (intake or self.intake).id, "learner_id": learner.id,
        })
        if submit:
            self._attach_all(application)
            application.action_submit()
        return application
