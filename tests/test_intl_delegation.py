import base64
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged

from .common import IntlCommon


def attach_paper(record, xmlid, user):
    """``user`` attaches a paper of ``record``'s checklist (document type ``xmlid`` of the module):
    the memo 403-03 at the decision, the estimate at the programme, the protocol 403-02."""
    line = record.sudo().document_line_ids.filtered(
        lambda rec: rec.type_id == record.env.ref(f"intl_cooperation.{xmlid}"))
    if line.state in ("received", "verified"):
        return line
    attachment = record.env["ir.attachment"].with_user(user).create({
        "name": "paper.pdf", "datas": base64.b64encode(b"%PDF-1.4 paper")})
    line.with_user(user).write({"attachment_ids": [Command.set(attachment.ids)]})
    return line


# what DP 717 5.4.2 asks to know before the invitation (members with position and workplace,
# the contact person, the language, the hotel booking)
INVITATION_INFO = {
    "contact_name": "Dr. Anna Schmidt", "contact_phone": "+49 30 314 0",
    "hotel_room_category": "Single", "hotel_room_count": 2, "hotel_occupant_count": 2,
}


class DelegationCommon(IntlCommon):
    """A visit of the test partner institution hosted by the test institute."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agreement = cls.env["intl.agreement"].create({
            "title": "Cooperation in engineering education (test)",
            "partner_id": cls.partner_institution.id,
            "kind_id": cls.env.ref("intl_cooperation.intl_agreement_kind_cooperation").id,
            "institute_id": cls.institute.id,
        })
        cls.category_meals = cls.env.ref("intl_cooperation.intl_delegation_cost_category_meals")
        cls.category_hotel = cls.env.ref("intl_cooperation.intl_delegation_cost_category_accommodation")
        cls.hotel = cls.env["res.partner"].create({"name": "Hotel Kazakhstan (test)", "is_company": True})
        cls.restaurant = cls.env["res.partner"].create({"name": "Restaurant Navat (test)", "is_company": True})

    def _create_visit(self, **vals):
        values = {
            "partner_id": self.partner_institution.id,
            "agreement_id": self.agreement.id,
            "reason_id": self.env.ref("intl_cooperation.intl_delegation_reason_agreement").id,
            "purpose": "Joint master's programme in data science (test)",
            "date_arrival": date(2026, 5, 11),
            "date_departure": date(2026, 5, 13),
            "institute_id": self.institute.id,
            "host_employee_ids": [Command.set(self.employee_coordinator.ids)],
            "signatory_id": self.employee_management.id,
            "cooperation_level": "Agreement in force since 2024, 6 exchange students.",
            "prospects": "Double-degree programme.",
            **INVITATION_INFO,
            "lang_id": self.env.ref("base.lang_en").id,
            "hotel_partner_id": self.hotel.id,
            "transport_needed": True,
            "transport_details": "Minibus for 8 persons, airport transfers.",
            "hall_needed": True,
            "hall_details": "Conference hall of the main building.",
            "tech_support_needed": True,
            "tech_support_details": "Projector and video conference.",
            "photo_video_needed": True,
            "photo_video_details": "Photographer at the signing ceremony.",
            "member_ids": [
                Command.create({"surname": "Schmidt", "first_name": "Anna", "position": "Vice-President",
                                "workplace": "TU Berlin", "is_head": True, "passport_number": "C01X00T47"}),
                Command.create({"surname": "Weber", "first_name": "Jonas", "position": "Professor",
                                "workplace": "TU Berlin, Faculty IV"}),
            ],
            "programme_line_ids": [
                Command.create({"date": date(2026, 5, 11), "time_from": 10.0, "time_to": 11.5,
                                "name": "Meeting with the rector", "place": "Rectorate hall",
                                "employee_id": self.employee_management.id}),
                Command.create({"date": date(2026, 5, 12), "time_from": 14.0, "time_to": 16.0,
                                "name": "Laboratory tour", "place": "IT building"}),
            ],
            "cost_line_ids": [
                Command.create({"category_id": self.category_hotel.id, "name": "Hotel rooms",
                                "quantity": 4, "unit_price": 25000.0}),
                Command.create({"category_id": self.category_meals.id, "name": "Official dinner",
                                "quantity": 10, "unit_price": 12345.5}),
            ],
            "guarantee_line_ids": [
                Command.create({"supplier_type": "hotel", "partner_id": self.hotel.id,
                                "services": "2 single rooms, 2 nights, breakfast", "amount": 100000.0}),
                Command.create({"supplier_type": "catering", "partner_id": self.restaurant.id,
                                "services": "Official dinner for 10 persons", "amount": 123455.0}),
            ],
        }
        values.update(vals)
        return self.env["intl.delegation"].with_user(self.user_officer).create(values)

    def _fill_protocol(self, visit):
        visit.write({
            "protocol_date": date(2026, 5, 12),
            "protocol_place": "Rectorate hall",
            "protocol_employee_ids": [Command.set((self.employee_management | self.employee_coordinator).ids)],
            "protocol_member_ids": [Command.set(visit.member_ids.ids)],
            "protocol_agenda": "Double-degree programme",
            "protocol_discussion": "Curricula alignment was discussed.",
            "protocol_director_id": self.employee_director_institute.id,
            "protocol_decision_ids": [
                Command.create({"name": "Align the curricula of the master's programme",
                                "employee_id": self.employee_coordinator.id,
                                "date_deadline": date(2026, 9, 1),
                                "form_id": self.env.ref("intl_cooperation.intl_cooperation_form_projects").id}),
                Command.create({"name": "Exchange of two lecturers in the spring semester",
                                "employee_id": self.employee_director_institute.id,
                                "date_deadline": date(2027, 3, 1)}),
            ],
        })

    def _attach_paper(self, visit, xmlid, user=None):
        """DIC attaches a paper of the checklist (the memo 403-03, the estimate, the protocol)."""
        return attach_paper(visit, xmlid, user or self.user_officer)

    def _sign_protocol(self, visit):
        """The signed original of the protocol 403-02 is attached and verified by DIC."""
        line = self._attach_paper(visit, "intl_document_type_protocol")
        if line.state != "verified":
            line.with_user(self.user_officer)._do_check_all()
        return line

    def _run_to(self, visit, state):
        """Move ``visit`` forward with the right users until it reaches ``state``."""
        officer = visit.with_user(self.user_officer)
        rector = visit.with_user(self.user_management)
        steps = [
            ("decision_requested", lambda: (
                self._attach_paper(visit, "intl_document_type_service_memo"), officer.action_request_decision())),
            ("approved", rector.action_approval_approve),
            ("invitation_sent", officer.action_send_invitation),
            ("programme_review", lambda: (
                self._attach_paper(visit, "intl_document_type_cost_estimate"), officer.action_submit_programme())),
            ("programme_approved", rector.action_approval_approve),
            ("in_progress", officer.action_start_visit),
            ("protocol_review", lambda: (
                visit.protocol_decision_ids or self._fill_protocol(officer), officer.action_submit_protocol())),
            ("protocol_approved", rector.action_approval_approve),
            ("closed", lambda: (self._sign_protocol(visit), officer.action_close())),
        ]
        order = ["draft"] + [target for target, _step in steps]
        for target, step in steps:
            if visit.state == state:
                break
            if order.index(target) <= order.index(visit.state):
                continue
            step()
            self.assertEqual(visit.state, target)
        self.assertEqual(visit.state, state)


@tagged("post_install", "-at_install")
class TestIntlDelegation(DelegationCommon):

    def test_sequence_and_defaults(self):
        visit = self._create_visit()
        self.assertRegex(visit.name, r"^DLG/\d{4}/\d{4}$")
        self.assertEqual(visit.country_id, self.env.ref("base.de"))
        self.assertEqual(visit.hotel_nights, 2)
        self.assertEqual(visit.member_count, 2)
        self.assertEqual(visit.head_member_id.surname, "Schmidt")
        self.assertTrue(visit.document_line_ids, "the delegation checklist is filled from its process")

    def test_lifecycle_with_approvals(self):
        visit = self._create_visit()
        self._run_to(visit, "decision_requested")
        self.assertIn(self.user_management, visit.approval_user_ids)
        self.assertTrue(visit.activity_ids.filtered(lambda a: a.user_id == self.user_management))
        # the officer cannot decide in the rector's place
        with self.assertRaises(UserError):
            visit.with_user(self.user_officer).action_approval_approve()
        # nor can anyone write the approved state directly
        with self.assertRaises(UserError):
            visit.with_user(self.user_officer).write({"state": "approved"})
        self._run_to(visit, "closed")
        decided = visit.approval_line_ids.filtered(lambda rec: rec.state == "approved")
        self.assertEqual(set(decided.mapped("purpose")), {"decision", "programme", "protocol"})
        self.assertEqual(visit.invitation_date, date.today())
        self.assertTrue(visit.estimate_locked)

    def test_refusal_with_reason(self):
        visit = self._create_visit()
        self._run_to(visit, "decision_requested")
        wizard = self.env["intl.approval.reject"].with_user(self.user_management).with_context(
            active_model="intl.delegation", active_ids=visit.ids,
        ).create({"reason": "No budget for receptions this quarter."})
        wizard.action_reject()
        self.assertEqual(visit.state, "refused")
        self.assertEqual(visit.refusal_reason, "No budget for receptions this quarter.")
        with self.assertRaises(UserError):
            visit.with_user(self.user_officer).action_send_invitation()

    def test_programme_rejected_goes_back(self):
        visit = self._create_visit()
        self._run_to(visit, "programme_review")
        visit.with_user(self.user_management)._approval_do_reject("Add a visit to the library.")
        self.assertEqual(visit.state, "invitation_sent")
        visit.with_user(self.user_officer).action_submit_programme()
        self.assertEqual(visit.state, "programme_review")

    def test_submit_checks(self):
        visit = self._create_visit(cooperation_level=False, prospects=False)
        with self.assertRaises(UserError):
            visit.with_user(self.user_officer).action_request_decision()
        visit.prospects = "Research projects"
        visit.signatory_id = False
        self._run_to(visit, "approved")
        with self.assertRaises(UserError):
            visit.with_user(self.user_officer).action_send_invitation()
        visit.signatory_id = self.employee_management
        visit.with_user(self.user_officer).action_send_invitation()
        visit.programme_line_ids.unlink()
        with self.assertRaises(UserError):
            visit.with_user(self.user_officer).action_submit_programme()

    def test_coordinator_cannot_move_stages(self):
        visit = self._create_visit()
        with self.assertRaises(AccessError):
            visit.with_user(self.user_coordinator).action_request_decision()

    def _cancel(self, visit, reason="The delegation postponed its trip."):
        action = visit.with_user(self.user_officer).action_cancel()
        self.assertEqual(action["res_model"], "intl.delegation.cancel")
        wizard = self.env["intl.delegation.cancel"].with_user(self.user_officer).with_context(
            **action["context"]).create({"reason": reason})
        wizard.action_cancel()

    def test_cancel_only_before_visit(self):
        visit = self._create_visit()
        self._run_to(visit, "programme_approved")
        self._cancel(visit)
        self.assertEqual(visit.state, "cancel")
        self.assertEqual(visit.cancel_reason, "The delegation postponed its trip.")
        with self.assertRaises(UserError):
            visit.with_user(self.user_officer).action_reset_draft()
        started = self._create_visit()
        self._run_to(started, "in_progress")
        with self.assertRaises(UserError):
            started.with_user(self.user_officer).action_cancel()

    def test_cancel_needs_reason_and_dic(self):
        visit = self._create_visit()
        with self.assertRaises(AccessError):
            visit.with_user(self.user_coordinator).action_cancel()
        wizard = self.env["intl.delegation.cancel"].with_user(self.user_officer).with_context(
            active_model="intl.delegation", active_ids=visit.ids).create({"reason": "  "})
        with self.assertRaises(UserError):
            wizard.action_cancel()
        with self.assertRaises(AccessError):
            self.env["intl.delegation.cancel"].with_user(self.user_coordinator).create({"reason": "x"})
        self.assertEqual(visit.state, "draft")

    def test_cancel_closes_pending_approvals(self):
        visit = self._create_visit()
        self._run_to(visit, "decision_requested")
        self._cancel(visit)
        self.assertFalse(visit.approval_user_ids)
        self.assertFalse(visit.approval_line_ids.filtered(lambda rec: rec.state == "pending"))

    def test_approved_visit_never_deleted(self):
        draft = self._create_visit()
        draft.with_user(self.user_officer).unlink()
        self.assertFalse(draft.exists())
        visit = self._create_visit()
        self._run_to(visit, "approved")
        with self.assertRaises(UserError):
            visit.with_user(self.user_officer).unlink()
        self._cancel(visit)
        with self.assertRaises(UserError):
            visit.with_user(self.user_officer).unlink()

    def test_programme_outside_visit_refused(self):
        visit = self._create_visit()
        with self.assertRaises(ValidationError):
            visit.write({"programme_line_ids": [Command.create({
                "date": date(2026, 5, 14), "time_from": 9.0, "time_to": 10.0, "name": "Late excursion"})]})
        with self.assertRaises(ValidationError):
            self.env["intl.delegation.programme.line"].create({
                "delegation_id": visit.id, "date": date(2026, 5, 10), "time_from": 9.0, "time_to": 10.0,
                "name": "Early breakfast"})
        with self.assertRaises(ValidationError):
            self.env["intl.delegation.programme.line"].create({
                "delegation_id": visit.id, "date": date(2026, 5, 12), "time_from": 12.0, "time_to": 11.0,
                "name": "Backwards"})
        # moving the visit so that lines fall outside is refused too
        with self.assertRaises(ValidationError):
            visit.write({"date_arrival": date(2026, 5, 12)})

    def test_programme_calendar_times(self):
        visit = self._create_visit()
        line = visit.programme_line_ids.filtered(lambda rec: rec.name == "Meeting with the rector")
        # 10:00 in Almaty (UTC+5) is 05:00 UTC
        self.assertEqual(line.datetime_start.hour, 5)
        self.assertEqual(line.datetime_stop.hour, 6)
        self.assertEqual(line.datetime_stop.minute, 30)

    def test_estimate_totals_and_words(self):
        visit = self._create_visit()
        self.assertAlmostEqual(visit.amount_total, 100000.0 + 123455.0)
        kzt = self.env.ref("base.KZT")
        words = {
            lang: visit.with_context(lang=lang).amount_total_words
            for lang in ("en_US", "ru_RU", "kk_KZ")
        }
        currency = visit.currency_id
        for lang, text in words.items():
            self.assertEqual(text, currency.intl_amount_to_words(223455.0, lang))
        self.assertEqual(len(set(words.values())), 3, "three different languages")
        if currency == kzt:
            self.assertIn("тенге", words["ru_RU"])
            self.assertIn("теңге", words["kk_KZ"])
        self.assertIn("two hundred and twenty-three thousand", words["en_US"].lower())

    def test_estimate_locked_after_programme_approval(self):
        visit = self._create_visit()
        self._run_to(visit, "programme_approved")
        line = visit.cost_line_ids[0]
        with self.assertRaises(UserError):
            line.with_user(self.user_officer).write({"unit_price": 1.0})
        line.with_user(self.user_accountant).write({"actual_amount": 95000.0})
        self.assertEqual(line.difference, -5000.0)
        self.assertEqual(visit.actual_total, 95000.0)

    def test_protocol_decisions_become_plan_lines(self):
        visit = self._create_visit()
        self._run_to(visit, "in_progress")
        self._fill_protocol(visit)
        with self.assertRaises(UserError):
            visit.with_user(self.user_officer).action_create_plan_lines()
        self._run_to(visit, "protocol_approved")
        self.assertTrue(visit.can_create_plan_lines)
        visit.with_user(self.user_officer).action_create_plan_lines()
        plan = self.agreement.plan_line_ids
        self.assertEqual(len(plan), 2)
        self.assertEqual(plan.delegation_id, visit)
        first = plan.filtered(lambda rec: rec.name == "Align the curricula of the master's programme")
        self.assertEqual(first.employee_id, self.employee_coordinator)
        self.assertEqual(first.date_deadline, date(2026, 9, 1))
        self.assertEqual(first.state, "planned")
        self.assertEqual(visit.plan_line_count, 2)
        self.assertFalse(visit.can_create_plan_lines)
        with self.assertRaises(UserError):
            visit.with_user(self.user_officer).action_create_plan_lines()

    def test_protocol_needs_agreement_for_plan(self):
        visit = self._create_visit(agreement_id=False)
        self._run_to(visit, "protocol_approved")
        with self.assertRaises(UserError):
            visit.with_user(self.user_officer).action_create_plan_lines()

    def test_agreement_must_be_with_the_institution(self):
        other = self.env["res.partner"].create({
            "name": "Other University (test)", "is_intl_institution": True,
            "intl_institution_type": "university", "country_id": self.env.ref("base.fr").id,
        })
        with self.assertRaises(ValidationError):
            self._create_visit(partner_id=other.id)

    def test_form_onchange_nights(self):
        form = Form(self.env["intl.delegation"].with_user(self.user_officer))
        form.partner_id = self.partner_institution
        form.purpose = "Form test"
        form.institute_id = self.institute
        form.date_arrival = date(2026, 6, 1)
        form.date_departure = date(2026, 6, 5)
        self.assertEqual(form.hotel_nights, 4)
        visit = form.save()
        self.assertEqual(visit.state, "draft")

    def test_partner_smart_button(self):
        self._create_visit()
        self._create_visit()
        partner = self.partner_institution.with_user(self.user_officer)
        self.assertEqual(partner.intl_delegation_count, 2)
        action = partner.action_open_intl_delegations()
        self.assertEqual(self.env["intl.delegation"].search_count(action["domain"]), 2)
