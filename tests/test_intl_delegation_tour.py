from datetime import date, timedelta

from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from .test_intl_delegation import INVITATION_INFO, attach_paper


@tagged("post_install", "-at_install")
class TestIntlDelegationTour(HttpCase):
    """A visit from draft to closed in the browser, as a DIC director who also decides."""

    browser_size = "1920x1080"  # the app's menu bar overflows at 1366

    def test_delegation_tour(self):
        admin = self.env.ref("base.user_admin")
        admin.lang = "en_US"  # the tour reads the English labels
        admin.groups_id |= self.env.ref("intl_cooperation.group_intl_management")
        admin.employee_id.department_id = self.env["hr.department"].create({
            "name": "Tour institute", "intl_kind": "institute",
        })
        # the administrator is the rector here: the decision, programme and protocol are theirs
        self.env.company.write({"intl_rector_id": admin.employee_id.id, "intl_vice_rector_science_id": False,
                                "intl_vice_rector_academic_id": False})
        partner = self.env["res.partner"].create({
            "name": "Tour Technical University", "is_company": True, "is_intl_institution": True,
            "intl_institution_type": "university", "country_id": self.env.ref("base.it").id,
        })
        agreement = self.env["intl.agreement"].create({
            "title": "Tour agreement",
            "partner_id": partner.id,
            "kind_id": self.env.ref("intl_cooperation.intl_agreement_kind_cooperation").id,
            "institute_id": admin.employee_id.department_id.id,
        })
        arrival = date.today() + timedelta(days=20)
        visit = self.env["intl.delegation"].create({
            "partner_id": partner.id,
            "agreement_id": agreement.id,
            "purpose": "Tour visit",
            "date_arrival": arrival,
            "date_departure": arrival + timedelta(days=2),
            "institute_id": admin.employee_id.department_id.id,
            "cooperation_level": "Erasmus+ exchange since 2023",
            "signatory_id": admin.employee_id.id,
            "member_ids": [Command.create({"surname": "Rossi", "first_name": "Marco", "is_head": True,
                                           "position": "Dean", "workplace": "Tour Technical University"})],
            "lang_id": self.env.ref("base.lang_en").id, **INVITATION_INFO,
            "protocol_director_id": admin.employee_id.id,
            "programme_line_ids": [Command.create({
                "date": arrival, "time_from": 10, "time_to": 12, "name": "Meeting with the rector"})],
            "cost_line_ids": [Command.create({
                "category_id": self.env.ref("intl_cooperation.intl_delegation_cost_category_meals").id,
                "name": "Lunch", "quantity": 5, "unit_price": 8000})],
            "protocol_date": arrival,
            "protocol_decision_ids": [Command.create({
                "name": "Prepare a joint summer school", "employee_id": admin.employee_id.id,
                "date_deadline": arrival + timedelta(days=90)})],
        })
        # the papers of the file (5.4.1, 5.4.3): the memo, the estimate, the signed protocol
        for xmlid in ("intl_document_type_service_memo", "intl_document_type_cost_estimate",
                      "intl_document_type_protocol"):
            attach_paper(visit, xmlid, admin)
        visit.document_line_ids.filtered(
            lambda line: line.type_id == self.env.ref("intl_cooperation.intl_document_type_protocol")
        ).with_user(admin)._do_check_all()
        self.start_tour("/odoo", "intl_delegation_tour", login="admin")
        self.assertEqual(visit.state, "closed")
        self.assertEqual(visit.protocol_place, "Rectorate, meeting room 2")
        self.assertEqual(agreement.plan_line_ids.name, "Prepare a joint summer school")
        self.assertEqual(
            set(visit.approval_line_ids.filtered(lambda rec: rec.state == "approved").mapped("purpose")),
            {"decision", "programme", "protocol"},
        )
