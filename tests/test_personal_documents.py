from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common_scholar import IntlScholarCommon
from .degree_common import DegreeCommon
from .jsonrpc_common import JsonRpcRefusalMixin

LINE_FIELDS = ["type_id", "state", "has_files", "attachment_ids"]


class PersonalDocumentsMixin:
    """Passports and identity cards are personal data: their files are read by DIC only."""

    def _personal_line(self, record, xmlid="intl_cooperation.intl_document_type_passport"):
        self.env.invalidate_all()
        line = record.sudo().document_line_ids.filtered(lambda doc: doc.type_id == self.env.ref(xmlid))
        self.assertTrue(line.type_id.personal_data)
        self.assertTrue(line.attachment_ids, "the passport line has its file")
        return line.sudo(False)

    def _assert_hidden(self, line, user):
        """``user`` sees the line and its status, not its file."""
        # the files as stored (the cache of a relation is shared by every user: read them first)
        self.env.invalidate_all()
        state, files = line.sudo().state, line.sudo().attachment_ids.with_user(user)
        self.assertTrue(files)
        self.env.invalidate_all()
        line = line.with_user(user)
        values = line.read(LINE_FIELDS)[0]
        self.assertEqual(values["state"], state)
        self.assertTrue(values["has_files"])
        self.assertEqual(values["attachment_ids"], [])
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            files.read(["name"])
        with self.assertRaises(AccessError):
            files.read(["datas"])
        self.assertFalse(self.env["ir.attachment"].with_user(user).search([("id", "in", files.ids)]))

    def _assert_seen(self, line, user):
        self.env.invalidate_all()
        files = line.sudo().attachment_ids
        self.env.invalidate_all()
        line = line.with_user(user)
        self.assertEqual(line.read(["attachment_ids"])[0]["attachment_ids"], files.ids)
        files.with_user(user).invalidate_recordset()
        self.assertTrue(all(value["datas"] for value in files.with_user(user).read(["datas"])))


@tagged("post_install", "-at_install")
class TestPersonalDocuments(PersonalDocumentsMixin, DegreeCommon):
    """The candidate dossier: the coordinator, the Registrar Office and Management see that the
    passport and the identity card are there and their status, DIC opens them."""

    def test_passport_files_are_dic_only(self):
        application = self._apply(self._create_learner("PD-1"))
        for xmlid in ("intl_cooperation.intl_document_type_passport",
                      "intl_cooperation.intl_document_type_id_card"):
            line = self._personal_line(application, xmlid)
            for user in (self.user_coordinator, self.user_registrar, self.user_management):
                with self.subTest(document=xmlid, user=user.login):
                    self._assert_hidden(line, user)
            for user in (self.user_officer, self.user_dic_director):
                with self.subTest(document=xmlid, user=user.login):
                    self._assert_seen(line, user)
        # the other documents of the dossier stay readable by whoever reads the application
        cv = application.document_line_ids.filtered(lambda doc: not doc.type_id.personal_data
                                                     and doc.attachment_ids)[:1]
        self.assertTrue(cv)
        self._assert_seen(cv, self.user_coordinator)
        # the chatter's files of the application do not list the passport either
        names = self.env["ir.attachment"].with_user(self.user_coordinator).search([
            ("res_model", "=", application._name), ("res_id", "=", application.id)]).mapped("name")
        self.assertIn(cv.attachment_ids.name, names)
        self.env.invalidate_all()
        self.assertNotIn(self._personal_line(application).sudo().attachment_ids.name, names)
        # the dossier was complete: the coordinator submitted it without reading the passport
        self.assertEqual(application.state, "submitted")

    def test_the_coordinator_still_attaches_a_passport(self):
        """A file the coordinator uploads into a passport line is received, then DIC's alone."""
        application = self.env["intl.degree.application"].with_user(self.user_coordinator).create({
            "intake_id": self.intake.id, "learner_id": self._create_learner("PD-2").id})
        line = application.document_line_ids.filtered(lambda doc: doc.type_id.personal_data)[:1]
        attachment = self.env["ir.attachment"].with_user(self.user_coordinator).create({
            "name": "passport.pdf", "raw": b"%PDF-1.4 passport", "res_model": line._name,
            "res_id": line.id})
        line.with_user(self.user_coordinator).write({"attachment_ids": [(4, attachment.id)],
                                                    "expiry_date": self.today + timedelta(days=1500)})
        self.assertEqual(line.state, "received")
        self._assert_hidden(line, self.user_coordinator)
        self._assert_seen(line, self.user_officer)


@tagged("post_install", "-at_install")
class TestPersonalDocumentsScholar(PersonalDocumentsMixin, IntlScholarCommon):
    """The invited scholar's file: Accounting and Management read the visit, not its passport."""

    def test_visit_passport_is_dic_only(self):
        visit = self._create_visit()
        line = self._personal_line(visit)
        for user in (self.user_accountant, self.user_management, self.user_coordinator):
            with self.subTest(user=user.login):
                self._assert_hidden(line, user)
        self._assert_seen(line, self.user_officer)
        # the passport data of the scholar is DIC's too
        for user in (self.user_accountant, self.user_management, self.user_coordinator):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                visit.with_user(user).read(["passport_number"])


@tagged("post_install", "-at_install")
class TestPersonalDocumentsJsonRpc(JsonRpcRefusalMixin, PersonalDocumentsMixin, DegreeCommon, HttpCase):
    """Over JSON-RPC and HTTP: the coordinator's form shows the checklist, never the passport."""

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    @mute_logger("odoo.http")
    def test_passport_over_json_rpc(self):
        application = self._apply(self._create_learner("PD-3"))
        line = self._personal_line(application)
        files = line.sudo().attachment_ids
        self.user_coordinator.password = "coordinator-pw-1"
        self.authenticate(self.user_coordinator.login, "coordinator-pw-1")
        # the form of the application reads its checklist as the web client does
        spec = {"document_line_ids": {"fields": {
            "type_id": {"fields": {"display_name": {}}}, "display_state": {}, "has_files": {},
            "attachment_ids": {"fields": {"name": {}, "mimetype": {}}}}}}
        values = self._call("intl.degree.application", "web_read", [application.ids], {
            "specification": spec})[0]
        rows = {row["id"]: row for row in values["document_line_ids"]}
        self.assertEqual(rows[line.id]["attachment_ids"], [])
        self.assertTrue(rows[line.id]["has_files"])
        self.assertTrue(any(row["attachment_ids"] for row in rows.values()), "other files show")
        with self.assertRpcRefused(AccessError):
            self._call("ir.attachment", "read", [files.ids, ["name", "datas"]])
        self.assertFalse(self._call("ir.attachment", "search_read", [[("id", "in", files.ids)], ["name"]]))
        for attachment in files:
            response = self.url_open(f"/web/content/{attachment.id}?download=true")
            self.assertNotEqual(response.status_code, 200)
            self.assertNotIn(b"%PDF", response.content)
        # DIC downloads it
        self.user_officer.password = "officer-pw-1"
        self.authenticate(self.user_officer.login, "officer-pw-1")
        response = self.url_open(f"/web/content/{files[0].id}?download=true")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"%PDF", response.content)
