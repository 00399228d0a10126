import re

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .jsonrpc_common import JsonRpcRefusalMixin
from .test_intl_delegation import DelegationCommon


class PortalDelegationCommon(DelegationCommon):
    """Two delegations, each with its contact person as a portal user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        portal = cls.env.ref("base.group_portal")
        cls.env.ref("base.lang_ru").active = True

        def contact(name, login):
            partner = cls.env["res.partner"].create({"name": name, "email": f"{login}@example.com"})
            user = cls.env["res.users"].with_context(no_reset_password=True).create({
                "name": name, "login": login, "password": login, "partner_id": partner.id,
                "groups_id": [Command.set(portal.ids)]})
            return partner, user

        cls.contact_a, cls.portal_a = contact("Anna Schmidt", "portal_delegation_a")
        cls.contact_b, cls.portal_b = contact("Li Wei", "portal_delegation_b")

    def setUp(self):
        super().setUp()
        self.delegation_a = self._create_visit(portal_contact_id=self.contact_a.id)
        self.delegation_b = self._create_visit(
            portal_contact_id=self.contact_b.id,
            member_ids=[Command.create({"surname": "Wang", "first_name": "Fang", "position": "Dean"})])

    def _csrf(self, url):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


@tagged("post_install", "-at_install")
class TestPortalDelegationAccess(JsonRpcRefusalMixin, PortalDelegationCommon, HttpCase):
    """The contact person reaches their own delegation only, adds and updates its members."""

    def test_list_and_page_only_own(self):
        self.authenticate("portal_delegation_a", "portal_delegation_a")
        listing = self.url_open("/my/delegations")
        self.assertIn(self.delegation_a.name, listing.text)
        self.assertNotIn(self.delegation_b.name, listing.text)
        page = self.url_open(f"/my/delegation/{self.delegation_a.id}")
        self.assertIn("Weber Jonas", page.text)
        self.assertNotIn("C01X00T47", page.text, "the passport is never shown back")
        self.assertNotIn("Laboratory tour", page.text, "the programme shows once approved")
        self.assertNotIn("Wang Fang", self.url_open(f"/my/delegation/{self.delegation_b.id}").text)
        # a token opens its own delegation only
        self.authenticate(None, None)
        token = self.delegation_a._portal_ensure_token()
        self.assertIn("Weber Jonas", self.url_open(f"/my/delegation/{self.delegation_a.id}?access_token={token}").text)
        self.assertNotIn("Wang Fang", self.url_open(
            f"/my/delegation/{self.delegation_b.id}?access_token={token}").text)

    def test_member_added_and_updated(self):
        self.authenticate("portal_delegation_a", "portal_delegation_a")
        url = f"/my/delegation/{self.delegation_a.id}"
        response = self.url_open(f"{url}/member", data={
            "csrf_token": self._csrf(url), "surname": "Müller <img src=x onerror=alert(1)>",
            "first_name": "Klaus", "position": "Head of International Office",
            "citizenship_id": str(self.env.ref("base.de").id), "date_arrival": "2026-05-10",
            "date_departure": "2026-05-14", "dietary_needs": "Vegetarian", "passport_number": "C9988776",
            "needs_visa": "1"})
        self.assertIn("sent=member", response.url)
        member = self.delegation_a.member_ids.filtered(lambda m: m.first_name == "Klaus")
        self.assertEqual(member.dietary_needs, "Vegetarian")
        self.assertEqual(member.sudo().passport_number, "C9988776")
        self.assertTrue(member.needs_visa)
        self.assertNotIn("<img src=x", response.text)
        self.assertIn("&lt;img src=x onerror=alert(1)&gt;", response.text)
        self.assertNotIn("C9988776", response.text)
        message = self.delegation_a.message_ids[:1]
        self.assertEqual(message.author_id, self.contact_a)
        # update; a date pair the wrong way round is refused with a message
        response = self.url_open(f"{url}/member/{member.id}", data={
            "csrf_token": self._csrf(url), "surname": "Müller", "first_name": "Klaus",
            "date_arrival": "2026-05-15", "date_departure": "2026-05-14"})
        self.assertIn("error=member_invalid", response.url)
        response = self.url_open(f"{url}/member/{member.id}", data={
            "csrf_token": self._csrf(url), "surname": "Müller", "first_name": "Klaus",
            "position": "Vice-Rector", "date_arrival": "2026-05-11", "date_departure": "2026-05-13"})
        self.assertEqual(member.position, "Vice-Rector")
        self.assertEqual(member.sudo().passport_number, "C9988776", "an empty passport field keeps it")
        # a member of the other delegation through one's own delegation
        other = self.delegation_b.member_ids
        response = self.url_open(f"{url}/member/{other.id}", data={
            "csrf_token": self._csrf(url), "surname": "Forged", "first_name": "Name"})
        self.assertIn("error=member", response.url)
        self.assertEqual(other.surname, "Wang")
        # another's delegation
        with mute_logger("odoo.http"):
            response = self.url_open(f"/my/delegation/{self.delegation_b.id}/member", data={
                "csrf_token": self._csrf(url), "surname": "Forged", "first_name": "Name"})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(len(self.delegation_b.member_ids), 1)

    def test_member_removed(self):
        """The contact person removes a member of their own delegation while it is being prepared."""
        self.authenticate("portal_delegation_a", "portal_delegation_a")
        url = f"/my/delegation/{self.delegation_a.id}"
        member = self.delegation_a.member_ids[:1]
        name = member.name
        count = len(self.delegation_a.member_ids)
        self.assertIn("o_intl_portal_member_remove", self.url_open(url).text)
        # no CSRF token: refused before anything
        with mute_logger("odoo.http"):
            response = self.url_open(f"{url}/member/{member.id}/remove", data={"surname": "no token"})
        self.assertEqual(response.status_code, 400)
        self.assertTrue(member.exists())
        # a member of the other delegation through one's own delegation, then through theirs
        other = self.delegation_b.member_ids
        response = self.url_open(f"{url}/member/{other.id}/remove", data={"csrf_token": self._csrf(url)})
        self.assertIn("error=member", response.url)
        with mute_logger("odoo.http"):
            response = self.url_open(f"/my/delegation/{self.delegation_b.id}/member/{other.id}/remove",
                                     data={"csrf_token": self._csrf(url)})
        self.assertEqual(response.status_code, 403)
        self.assertTrue(other.exists())
        # one's own
        response = self.url_open(f"{url}/member/{member.id}/remove", data={"csrf_token": self._csrf(url)})
        self.assertIn("sent=member_removed", response.url)
        self.assertFalse(member.exists())
        self.assertEqual(len(self.delegation_a.member_ids), count - 1)
        self.assertTrue(self.delegation_a.message_ids.filtered(
            lambda m: m.author_id == self.contact_a and name in m.body and "removed" in m._intl_body_in_lang("en_US")))
        # the link (no login) does it too; a forged one does not
        self.authenticate(None, None)
        token = self.delegation_a._portal_ensure_token()
        page = f"{url}?access_token={token}"
        member = self.delegation_a.member_ids[:1]
        with mute_logger("odoo.http"):
            response = self.url_open(f"{url}/member/{member.id}/remove", data={
                "csrf_token": self._csrf(page), "access_token": "forged"})
        self.assertEqual(response.status_code, 403)
        self.assertTrue(member.exists())
        # once the visit is over (the protocol under review), the list is DIC's
        csrf = self._csrf(page)
        self.delegation_a.sudo()._lifecycle_write({"state": "protocol_review"})
        response = self.url_open(f"{url}/member/{member.id}/remove", data={"csrf_token": csrf, "access_token": token})
        self.assertIn("error=closed", response.url)
        self.assertTrue(member.exists())
        # JSON-RPC gives the contact person nothing to delete
        self.authenticate("portal_delegation_a", "portal_delegation_a")
        with mute_logger("odoo.http"), self.assertRpcRefused(AccessError):
            self.make_jsonrpc_request("/web/dataset/call_kw", {
                "model": "intl.delegation.member", "method": "unlink", "args": [member.ids], "kwargs": {}})
        self.assertTrue(member.exists())

    @mute_logger("odoo.http")
    def test_jsonrpc_reaches_nothing(self):
        self.authenticate("portal_delegation_a", "portal_delegation_a")
        for model, res_id in (("intl.delegation", self.delegation_a.id),
                              ("intl.delegation.member", self.delegation_a.member_ids[0].id),
                              ("intl.delegation.programme.line", self.delegation_a.programme_line_ids[0].id)):
            with self.subTest(model=model), self.assertRpcRefused(AccessError):
                self.make_jsonrpc_request("/web/dataset/call_kw", {
                    "model": model, "method": "read", "args": [[res_id], ["id"]], "kwargs": {}})
        with self.assertRpcRefused(AccessError):
            self.make_jsonrpc_request("/web/dataset/call_kw", {
                "model": "intl.delegation.member", "method": "create",
                "args": [[{"delegation_id": self.delegation_b.id, "surname": "X", "first_name": "Y"}]],
                "kwargs": {}})

    def test_programme_and_prints_once_approved(self):
        self.authenticate("portal_delegation_a", "portal_delegation_a")
        url = f"/my/delegation/{self.delegation_a.id}"
        self.assertNotEqual(self.url_open(f"{url}/programme").headers.get("Content-Type"), "application/pdf")
        self._run_to(self.delegation_a, "programme_approved")
        page = self.url_open(url)
        self.assertIn("Laboratory tour", page.text)
        for report in ("invitation", "programme"):
            response = self.url_open(f"{url}/{report}")
            self.assertEqual(response.headers.get("Content-Type"), "application/pdf", report)
            # (the test mode renders a report's HTML: the content is read as such)
            self.assertIn(self.partner_institution.name, response.text)
        self.assertIn("Laboratory tour", self.url_open(f"{url}/programme").text)
        # the other contact person gets neither
        self.authenticate("portal_delegation_b", "portal_delegation_b")
        with mute_logger("odoo.http"):
            self.assertEqual(self.url_open(f"{url}/programme").status_code, 403)


@tagged("post_install", "-at_install")
class TestPortalDelegationTour(PortalDelegationCommon, HttpCase):
    """The contact person adds a member, in English and in Russian."""

    def _tour(self, lang):
        self.portal_a.lang = lang
        self.start_tour(f"/{lang[:2]}/my/delegations", f"intl_portal_delegation_tour_{lang[:2]}",
                        login="portal_delegation_a")
        member = self.delegation_a.member_ids.filtered(lambda m: m.surname == "Nowak")
        self.assertEqual(member.dietary_needs, "Halal")
        self.assertEqual(member.position, "Professor")

    def test_delegation_tour_en(self):
        self._tour("en_US")

    def test_delegation_tour_ru(self):
        self._tour("ru_RU")
