from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import IntlCommon


@tagged("post_install", "-at_install")
class TestAccessFoundation(IntlCommon):
    """What each role can and cannot do on the foundation's records."""

    def _new_partner_vals(self):
        return {
            "name": "Access Test University", "is_intl_institution": True,
            "intl_institution_type": "university", "country_id": self.env.ref("base.fr").id,
        }

    def test_partner_institutions(self):
        institution = self.partner_institution
        readers = (self.user_requester, self.user_coordinator, self.user_officer, self.user_management,
                   self.user_legal, self.user_accountant, self.user_hr, self.user_registrar)
        for user in readers:
            self.assertEqual(institution.with_user(user).read(["name"])[0]["name"], institution.name)
        # requesters and side roles cannot create, edit or delete institutions
        for user in (self.user_requester, self.user_legal, self.user_hr, self.user_registrar,
                     self.user_management):
            with self.assertRaises(AccessError, msg=user.login):
                institution.with_user(user).write({"website": "https://example.org"})
            with self.assertRaises(AccessError, msg=user.login):
                self.env["res.partner"].with_user(user).create(self._new_partner_vals())
            with self.assertRaises(AccessError, msg=user.login):
                institution.with_user(user).unlink()
        # coordinators create and edit, but do not delete
        created = self.env["res.partner"].with_user(self.user_coordinator).create(self._new_partner_vals())
        created.with_user(self.user_coordinator).write({"intl_schac_code": "access-test.fr"})
        with self.assertRaises(AccessError):
            created.with_user(self.user_coordinator).unlink()
        # DIC deletes
        created.with_user(self.user_officer).unlink()
        self.assertFalse(created.exists())

    def test_ordinary_contacts_untouched(self):
        contact = self.env["res.partner"].with_user(self.user_coordinator).create({"name": "Plain contact"})
        contact.with_user(self.user_coordinator).write({"phone": "+7 727 000 00 00"})
        self.assertEqual(contact.phone, "+7 727 000 00 00")

    def test_routes_editable_by_dic_director_only(self):
        route = self.env["intl.approval.route"].create({
            "name": "Access route", "model_id": self.env["ir.model"]._get_id("intl.agreement"),
            "step_ids": [(0, 0, {"name": "DIC", "approver_type": "group",
                                 "group_id": self.env.ref("intl_cooperation.group_intl_director").id})],
        })
        for user in (self.user_requester, self.user_coordinator, self.user_officer, self.user_management):
            route.with_user(user).read(["name"])
            with self.assertRaises(AccessError, msg=user.login):
                route.with_user(user).write({"name": "Changed"})
            with self.assertRaises(AccessError, msg=user.login):
                route.step_ids.with_user(user).write({"name": "Changed"})
            with self.assertRaises(AccessError, msg=user.login):
                route.with_user(user).unlink()
        route.with_user(self.user_dic_director).write({"name": "Changed by the director"})
        route.step_ids.with_user(self.user_dic_director).write({"deadline_days": 5})
        route.with_user(self.user_dic_director).unlink()

    def test_document_types_editable_by_dic_director_only(self):
        doc_type = self.env.ref("intl_cooperation.intl_document_type_passport")
        for user in (self.user_requester, self.user_coordinator, self.user_officer, self.user_accountant):
            doc_type.with_user(user).read(["name"])
            with self.assertRaises(AccessError, msg=user.login):
                doc_type.with_user(user).write({"required": False})
            with self.assertRaises(AccessError, msg=user.login):
                self.env["intl.document.type"].with_user(user).create({"name": "Other"})
        new_type = self.env["intl.document.type"].with_user(self.user_dic_director).create(
            {"name": "Visa support letter"})
        new_type.with_user(self.user_dic_director).unlink()

    def test_approval_lines_read_only(self):
        line_model = self.env["intl.approval.line"]
        for user in (self.user_requester, self.user_officer, self.user_dic_director):
            with self.assertRaises(AccessError, msg=user.login):
                line_model.with_user(user).create({
                    "res_model": "intl.agreement", "res_id": 1, "name": "Forged step",
                })
