import base64
from datetime import timedelta

from odoo import Command
from odoo.tests import new_test_user

from .common_trip import IntlTripCommon


class IntlScholarCommon(IntlTripCommon):
    """Trip users and accounting, plus a DIC Director, an institute director, scholar accounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company_ids = [Command.set(cls.company.ids)]

        def user(login, groups, department):
            new_user = new_test_user(
                cls.env, login=login, groups=",".join(["base.group_user", *groups]),
                name=login.replace("_", " ").title(), email=f"{login}@example.com",
                company_id=cls.company.id, company_ids=company_ids)
            employee = cls.env["hr.employee"].create({
                "name": new_user.name, "user_id": new_user.id, "department_id": department.id,
                "company_id": cls.company.id})
            return new_user, employee

        g = "intl_cooperation.group_intl_"
        cls.user_dic_director, _emp = user("sch_dic_director", [g + "director"], cls.other_institute)
        cls.user_inst_director, cls.employee_inst_director = user(
            "sch_inst_director", [g + "coordinator"], cls.institute)
        cls.user_coordinator_other, _emp = user(
            "sch_coordinator_other", [g + "coordinator"], cls.other_institute)
        cls.institute.manager_id = cls.employee_inst_director
        Account = cls.env["account.account"]
        cls.fee_account = Account.create({
            "name": "State duties", "code": "7710", "account_type": "expense"})
        cls.service_account = Account.create({
            "name": "Services of invited scholars", "code": "7215", "account_type": "expense"})
        cls.fee_partner = cls.env["res.partner"].create({"name": "State Revenue Committee (test)"})
        cls.company.write({
            "intl_scholar_fee_account_id": cls.fee_account.id,
            "intl_scholar_fee_partner_id": cls.fee_partner.id,
            "intl_scholar_service_account_id": cls.service_account.id,
        })
        cls.scholar = cls.env["res.partner"].create({
            "name": "Hans Becker", "intl_name_cyrillic": "Ганс Беккер",
            "intl_citizenship_id": cls.env.ref("base.de").id, "intl_degree": "PhD, Professor",
            "intl_profile": "Professor of petroleum geology.", "intl_passport_number": "C01X00T47",
            "intl_passport_expiry": cls.today + timedelta(days=2000), "parent_id": cls.partner_host.id,
        })
        cls.scholar_programme = cls.env.ref("intl_cooperation.intl_funding_source_scholar_programme")
        cls.visa_b1 = cls.env.ref("intl_cooperation.intl_visa_category_b1")
        cls.fee_invitation = cls.env.ref("intl_cooperation.intl_state_fee_kind_invitation")
        cls.fee_single = cls.env.ref("intl_cooperation.intl_state_fee_kind_single")
        # §5.5: visits are planned ahead: an approved semester plan of the institute
        plan = cls.env["intl.scholar.plan"].with_user(cls.user_coordinator).create({
            "institute_id": cls.institute.id, "academic_year": "2039/2040", "semester": "summer",
            "company_id": cls.company.id,
            "line_ids": [Command.create({
                "scholar_id": cls.scholar.id, "home_institution_id": cls.partner_host.id,
                "field_of_study": "Petroleum engineering", "level_master": True,
                "date_from": cls.today + timedelta(days=40), "date_to": cls.today + timedelta(days=70),
                "funding_source_id": cls.scholar_programme.id, "planned_hours": 20.0})]})
        plan.with_user(cls.user_coordinator).action_submit()
        while plan.state != "approved":
            plan.with_user(plan.approval_user_ids[:1]).action_approval_approve()
        cls.plan_line = plan.line_ids

    @classmethod
    def _visit_vals(cls, arrival_in=45, days=20, **vals):
        arrival = cls.today + timedelta(days=arrival_in)
        return {
            "scholar_id": cls.scholar.id,
            "home_institution_id": cls.partner_host.id,
            "institute_id": cls.institute.id,
            "host_department_id": cls.department.id,
            "date_arrival": arrival,
            "date_departure": arrival + timedelta(days=days - 1),
            "purpose": "Lectures on reservoir engineering for master and PhD students",
            "funding_source_id": cls.scholar_programme.id,
            "company_id": cls.company.id,
            "contract_number": "SC-1",
            "contract_date": cls.today,
            "contract_amount": 1000000.0,
            "contract_currency_id": cls.kzt.id,
            "contract_hours": 20.0,
            "plan_line_id": cls.plan_line.id if "institute_id" not in vals else False,
            "lecture_ids": [Command.create({
                "date": arrival + timedelta(days=day), "time_from": 10.0, "time_to": 11.5,
                "group_name": "MPE-25", "level": "master", "discipline": "Reservoir engineering",
                "hours_planned": 4.0, "room": "GMK 301"}) for day in range(5)],
            **vals,
        }

    def _create_visit(self, attach=True, **vals):
        visit = self.env["intl.scholar.visit"].with_user(self.user_coordinator).create(
            self._visit_vals(**vals))
        if attach:
            self._attach_file(visit)
        return visit

    def _attach_file(self, visit, user=None):
        """The coordinator attaches the file's documents (§5.5.1: required for the submission)."""
        user = user or self.user_coordinator
        lines = visit.sudo().document_line_ids.filtered(
            lambda line: line.required and line.state in ("missing", "rejected"))
        if lines:
            attachment = self.env["ir.attachment"].with_user(user).create({
                "name": "file.pdf", "datas": base64.b64encode(b"%PDF-1.4 file")})
            lines.with_user(user).write({"attachment_ids": [Command.set(attachment.ids)]})

    def _verify(self, visit, code):
        lines = visit.sudo().document_line_ids.filtered(
            lambda line: line.required and code in line.type_id.process_ids.mapped("code"))
        attachment = self.env["ir.attachment"].create({
            "name": "scan.pdf", "datas": base64.b64encode(b"%PDF-1.4 test"),
            "res_model": visit._name, "res_id": visit.id})
        for line in lines:
            line.with_user(self.user_officer).write({
                "attachment_ids": [Command.set(attachment.ids)],
                "expiry_date": self.today + timedelta(days=1500) if line.expires else False})
        lines.with_user(self.user_officer)._do_check_all()

    def _accepted_visit(self, **vals):
        visit = self._create_visit(**vals)
        visit.with_user(self.user_coordinator).action_submit()
        self._verify(visit, "scholar")
        # 5.5.1: the head of the international programmes office (vacant here: the DIC Director
        # decides as the next level), then the DIC Director
        visit.with_user(self.user_dic_director).action_approval_approve()
        visit.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(visit.state, "accepted")
        return visit

    def _record_visa(self, visit):
        visa = self.env["intl.scholar.visa"].with_user(self.user_officer).create({
            "visit_id": visit.id, "category_id": self.visa_b1.id, "entry": "single",
            "number": "KZ0012345", "date_issue": visit.date_arrival - timedelta(days=10),
            "date_expiry": visit.date_departure + timedelta(days=5)})
        visa.action_issue()
        return visa

    def _on_site_visit(self, **vals):
        visit = self._accepted_visit(**vals)
        self._verify(visit, "scholar_visa")
        self._record_visa(visit)
        visit.with_user(self.user_officer).action_register_arrival()
        self.assertEqual(visit.state, "on_site")
        return visit
