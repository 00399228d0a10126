import re

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .jsonrpc_common import JsonRpcRefusalMixin
from .test_intl_delegation import DelegationCommon

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


class PortalPartnerCommon(DelegationCommon):
    """A partner institution with an agreement in force and its coordinator as a portal user;
    another institution with its own agreement."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.lang_ru").active = True
        portal = cls.env.ref("base.group_portal")
        cls.agreement._lifecycle_write({"state": "in_force"})
        cls.agreement.plan_line_ids = [Command.create({
            "name": "Joint summer school on data science",
            "date_deadline": fields.Date.add(fields.Date.today(), days=60)})]
        cls.other_institution = cls.env["res.partner"].create({
            "name": "Politecnico di Test", "is_company": True, "is_intl_institution": True,
            "intl_institution_type": "university", "country_id": cls.env.ref("base.it").id})
        cls.other_agreement = cls.env["intl.agreement"].create({
            "title": "Secret cooperation of another institution",
            "partner_id": cls.other_institution.id,
            "kind_id": cls.env.ref("intl_cooperation.intl_agreement_kind_cooperation").id,
            "institute_id": cls.institute.id})
        cls.other_agreement._lifecycle_write({"state": "in_force"})

        def portal_user(name, login, parent):
            partner = cls.env["res.partner"].create({"name": name, "email": f"{login}@example.com",
                                                     "parent_id": parent.id})
            return cls.env["res.users"].with_context(no_reset_password=True).create({
                "name": name, "login": login, "password": login, "partner_id": partner.id,
                "groups_id": [Command.set(portal.ids)]})

        cls.portal_partner = portal_user("Julia Hoffmann", "portal_partner_a", cls.partner_institution)
        cls.portal_other = portal_user("Marco Rossi", "portal_partner_b", cls.other_institution)

    def _csrf(self, url):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _nominate(self, **data):
        return self.url_open("/my/partner/nominate", data={
            "csrf_token": self._csrf("/my/partner"), "participant_type": "learner", "surname": "Novak",
            "first_name": "Eva", "email": "eva.novak@example.com", "agreement_id": str(self.agreement.id),
            "mobility_type": "studies", "academic_year": "2027/2028", "date_start": "2027-09-01",
            "date_end": "2028-01-31", "field_of_study": "Data science", **data})


@tagged("post_install", "-at_install")
class TestPortalPartnerAccess(JsonRpcRefusalMixin, PortalPartnerCommon, HttpCase):
    """The partner's coordinator sees their institution's agreements and nominates; the applicant
    completes the application; the coordinator checks it."""

    def test_partner_sees_own_institution_only(self):
        self.authenticate("portal_partner_a", "portal_partner_a")
        page = self.url_open("/my/partner")
        self.assertIn(self.agreement.title, page.text)
        self.assertIn("Joint summer school on data science", page.text)
        self.assertNotIn("Secret cooperation", page.text)
        # a nomination naming another institution's agreement is refused
        response = self._nominate(agreement_id=str(self.other_agreement.id))
        self.assertIn("error=agreement", response.url)
        self.assertFalse(self.env["intl.mobility.nomination"].search([("surname", "=", "Novak")]))

    def test_nomination_to_mobility(self):
        self.authenticate("portal_partner_a", "portal_partner_a")
        response = self._nominate()
        self.assertIn("sent=nomination", response.url)
        nomination = self.env["intl.mobility.nomination"].search([("surname", "=", "Novak")])
        self.assertEqual(nomination.state, "draft")
        self.assertEqual(nomination.partner_id, self.partner_institution)
        self.assertEqual(nomination.institute_id, self.institute)
        self.assertEqual(nomination.nominated_by_id, self.portal_partner.partner_id)
        self.assertEqual(nomination.applicant_id.email, "eva.novak@example.com")
        # invalid dates: a translated message, nothing created
        response = self._nominate(surname="Late", date_end="2027-08-01")
        self.assertIn("error=nomination", response.url)
        # the applicant with a login of their own (a contact of the institution): their application
        # only, not the partner's page (agreements, nominating others)
        self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Eva Novak", "login": "portal_applicant_novak", "password": "portal_applicant_novak",
            "partner_id": nomination.applicant_id.id,
            "groups_id": [Command.set(self.env.ref("base.group_portal").ids)]})
        self.assertEqual(nomination.applicant_id.parent_id, self.partner_institution)
        self.authenticate("portal_applicant_novak", "portal_applicant_novak")
        page = self.url_open("/my/partner")
        self.assertNotIn("/my/partner", page.url)
        self.assertNotIn(self.agreement.name, page.text)
        self.assertIn(nomination.name, self.url_open("/my/nominations").text)
        # the other partner's coordinator reaches nothing of it
        self.authenticate("portal_partner_b", "portal_partner_b")
        self.assertNotIn("Novak", self.url_open("/my/partner").text)
        self.assertNotIn("Novak", self.url_open(f"/my/nomination/{nomination.id}").text)
        # the applicant, by the link: submitting without the documents is refused
        self.authenticate(None, None)
        token = nomination._portal_ensure_token()
        url = f"/my/nomination/{nomination.id}?access_token={token}"
        page = self.url_open(url)
        self.assertIn("Novak Eva", page.text)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = self.url_open(f"/my/nomination/{nomination.id}/save", data={
            "csrf_token": csrf, "access_token": token, "motivation": "Data science at Satbayev",
            "passport_number": "AB123456", "submit": "1"})
        self.assertIn("error=missing", response.url)
        self.assertEqual(nomination.state, "draft")
        for line in nomination._intl_portal_missing_lines():
            self.url_open(f"/my/nomination/{nomination.id}/document/{line.id}",
                          data={"csrf_token": csrf, "access_token": token},
                          files={"file": ("scan.pdf", PDF, "application/pdf")})
        self.assertFalse(nomination._intl_portal_missing_lines())
        response = self.url_open(f"/my/nomination/{nomination.id}/save", data={
            "csrf_token": csrf, "access_token": token, "motivation": "Data science at Satbayev", "submit": "1"})
        self.assertIn("sent=submitted", response.url)
        self.assertEqual(nomination.state, "submitted")
        self.assertEqual(nomination.sudo().passport_number, "AB123456")
        # submitted: the applicant changes nothing more
        self.url_open(f"/my/nomination/{nomination.id}/save", data={
            "csrf_token": csrf, "access_token": token, "motivation": "Changed"})
        self.assertEqual(nomination.motivation, "Data science at Satbayev")
        # the coordinator checks: a learner's mobility needs the learner's record
        coordinator = nomination.with_user(self.user_coordinator)
        with self.assertRaises(UserError):
            coordinator.action_accept()
        learner = self.env["intl.learner"].create({
            "name": "Eva Novak", "student_code": "IN-2027-001", "institute_id": self.institute.id,
            "company_id": self.env.company.id})
        coordinator.learner_id = learner
        coordinator.action_accept()
        self.assertEqual(nomination.state, "accepted")
        mobility = nomination.mobility_id
        self.assertEqual((mobility.direction, mobility.learner_id, mobility.partner_id),
                         ("incoming", learner, self.partner_institution))

    @mute_logger("odoo.http")
    def test_jsonrpc_and_status(self):
        nomination = self.env["intl.mobility.nomination"]._lifecycle_create([{
            "partner_id": self.partner_institution.id, "surname": "Novak", "first_name": "Eva",
            "email": "eva@example.com", "academic_year": "2027/2028", "date_start": "2027-09-01",
            "date_end": "2028-01-31", "nominated_by_id": self.portal_partner.partner_id.id}])
        self.authenticate("portal_partner_a", "portal_partner_a")
        for model, method, args in (
                ("intl.mobility.nomination", "read", [[nomination.id], ["surname"]]),
                ("intl.mobility.nomination", "write", [[nomination.id], {"state": "accepted"}]),
                ("intl.agreement", "read", [[self.agreement.id], ["title"]]),
                ("intl.agreement.plan.line", "search_read", [[]]),
                ("intl.mobility", "search_read", [[]])):
            with self.subTest(model=model, method=method), self.assertRpcRefused(AccessError):
                self.make_jsonrpc_request("/web/dataset/call_kw", {
                    "model": model, "method": method, "args": args, "kwargs": {}})
        # internal users: the workflow fields are the engine's
        with self.assertRaises(UserError):
            nomination.with_user(self.user_coordinator).write({"state": "accepted"})
        with self.assertRaises(UserError):
            nomination.with_user(self.user_coordinator).write({"nominated_by_id": False})


@tagged("post_install", "-at_install")
class TestPortalPartnerTour(PortalPartnerCommon, HttpCase):
    """The partner's coordinator nominates a student; the applicant submits the application."""

    def _tours(self, lang):
        self.portal_partner.lang = lang
        self.start_tour(f"/{lang[:2]}/my/partner", f"intl_portal_partner_tour_{lang[:2]}",
                        login="portal_partner_a")
        nomination = self.env["intl.mobility.nomination"].search([("surname", "=", "Tour")])
        self.assertEqual(nomination.state, "draft")
        applicant = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Tour Applicant", "login": f"portal_applicant_{lang[:2]}",
            "password": f"portal_applicant_{lang[:2]}",
            "partner_id": nomination.applicant_id.id, "lang": lang,
            "groups_id": [Command.set(self.env.ref("base.group_portal").ids)]})
        count = len(nomination._intl_portal_missing_lines())
        self.start_tour(f"/{lang[:2]}/my/nominations", f"intl_portal_applicant_tour_{lang[:2]}_{count}",
                        login=applicant.login)
        self.assertEqual(nomination.state, "submitted")
        self.assertEqual(nomination.motivation, "Research stay in data science")

    def test_partner_tour_en(self):
        self._tours("en_US")

    def test_partner_tour_ru(self):
        self._tours("ru_RU")


