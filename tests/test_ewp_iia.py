import base64
import uuid

from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from ..tools import ewp
from .ewp_common import EwpCommon, ewp_path


def _q(tag):
    return ewp.qname(tag)


@tagged("post_install", "-at_install")
class TestEwpIia(EwpCommon):
    """Cooperation conditions and the EWP IIA v7 files: export valid against the schema, hash as the
    specification computes it, import with a preview of the differences."""

    def _export(self, agreements):
        action = agreements.with_user(self.user_officer).action_export_ewp()
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3].split("?")[0]))
        self.assertTrue(attachment.name.endswith(".xml"))  # (Odoo stores XML of non-admins as text/plain)
        return attachment.raw

    def test_official_example_hash(self):
        """Our text-to-hash reproduces the iia-hash of the network's official example."""
        with open(ewp_path("examples", "iias-get-response-example.xml"), "rb") as handle:
            root = ewp.parse_response(handle.read())
        iias = ewp.children(root, "iia")
        self.assertTrue(iias)
        for iia in iias:
            self.assertEqual(ewp.iia_hash(iia), iia.findtext(_q("iia-hash")))
        self.assertTrue(ewp.iia_text_to_hash(iias[0]).startswith(
            "_iia-id_1=0f7a5682-faf7-49a7-9cc7-ec486c49a281__iia-id_2=1954991__"))

    def test_export_valid_and_stable(self):
        agreement = self._agreement_with_conditions()
        self.assertTrue(uuid.UUID(agreement.ewp_iia_id))
        data = self._export(agreement)
        document = self.assertValidEwp(data)
        iias = document.findall(_q("iia"))
        self.assertEqual(len(iias), 1)
        partners = iias[0].findall(_q("partner"))
        self.assertEqual([p.findtext(_q("hei-id")) for p in partners], ["satbayev.university", "test-tu.de"])
        self.assertEqual(partners[0].findtext(_q("iia-id")), agreement.ewp_iia_id)
        self.assertEqual(partners[0].findtext(_q("iia-code")), agreement.name)
        self.assertIsNone(partners[0].find(_q("ounit-id")))  # no internal id passed off as an EWP one
        self.assertEqual(iias[0].findtext(_q("in-effect")), "false")
        conditions = iias[0].find(_q("cooperation-conditions"))
        self.assertEqual([ewp.local_name(spec) for spec in conditions], [
            "student-studies-mobility-spec", "student-studies-mobility-spec", "student-traineeship-mobility-spec",
            "staff-teacher-mobility-spec", "staff-training-mobility-spec"])
        outgoing, incoming = conditions[0], conditions[1]
        self.assertEqual(outgoing.findtext(_q("sending-hei-id")), "satbayev.university")
        self.assertEqual(incoming.findtext(_q("sending-hei-id")), "test-tu.de")
        self.assertEqual(outgoing.findtext(_q("mobilities-per-year")), "2")  # the quota, not a count of the past
        self.assertEqual([e.text for e in outgoing.findall(_q("eqf-level"))], ["6", "7"])
        self.assertEqual(outgoing.findtext(_q("blended")), "true")
        self.assertEqual(incoming.findtext(_q("total-months-per-year")), "15.5")
        self.assertEqual(outgoing.find(_q("receiving-contact")).findtext(ewp.qname("email", ewp.CONTACT_NS)),
                         "weber@test-tu.de")
        self.assertEqual(conditions[3].findtext(_q("total-days-per-year")), "10")
        self.assertEqual(conditions[4].findtext(_q("receiving-ounit-id")), "dic")
        # the hash is the specification's, and the same on the agreement and in the file
        self.assertEqual(iias[0].findtext(_q("iia-hash")), ewp.iia_hash(iias[0]))
        self.assertEqual(agreement.ewp_iia_hash, iias[0].findtext(_q("iia-hash")))
        # stable: the same file again, and the id never changes
        self.assertEqual(self._export(agreement), data)
        with self.assertRaises(UserError):
            agreement.with_user(self.user_officer).write({"ewp_iia_id": str(uuid.uuid4())})
        # a change of the conditions changes the hash
        before = agreement.ewp_iia_hash
        agreement.condition_ids[0].with_user(self.user_coordinator).mobilities_per_year = 4
        self.assertNotEqual(agreement.ewp_iia_hash, before)
        # several agreements in one file
        other = self._agreement_with_conditions()
        self.assertNotEqual(other.ewp_iia_id, agreement.ewp_iia_id)
        document = self.assertValidEwp(self._export(agreement | other))
        self.assertEqual([iia.find(_q("partner")).findtext(_q("iia-id")) for iia in document.findall(_q("iia"))],
                         [agreement.ewp_iia_id, other.ewp_iia_id])

    def test_export_signed_agreement(self):
        agreement = self._agreement_with_conditions()
        self._to_signed(agreement)
        agreement.with_user(self.user_officer).ewp_partner_iia_id = "TU-4711"
        document = self.assertValidEwp(self._export(agreement))
        iia = document.find(_q("iia"))
        self.assertEqual(iia.findtext(_q("in-effect")), "true")
        partner = iia.findall(_q("partner"))[1]
        self.assertEqual(partner.findtext(_q("iia-id")), "TU-4711")
        self.assertEqual(partner.find(_q("signing-contact")).findtext(ewp.qname("contact-name", ewp.CONTACT_NS)),
                         "G. Rauch")
        self.assertEqual(partner.findtext(_q("signing-date")), str(agreement.date_sign_partner))
        self.assertIn("_iia-id_2=TU-4711_", ewp.iia_text_to_hash(iia))
        renewal = self.env["intl.agreement"].browse(agreement.with_user(self.user_coordinator).action_renew()["res_id"])
        self.assertTrue(renewal.ewp_iia_id)
        self.assertNotEqual(renewal.ewp_iia_id, agreement.ewp_iia_id)

    def test_export_needs_codes_and_languages(self):
        agreement = self._agreement_with_conditions()
        self.env.company.partner_id.intl_schac_code = False
        with self.assertRaisesRegex(UserError, "SCHAC"):
            agreement.with_user(self.user_officer).action_export_ewp()
        self.assertFalse(agreement.ewp_iia_hash)
        self.env.company.partner_id.intl_schac_code = "satbayev.university"
        agreement.condition_ids[0].language_ids.with_user(self.user_coordinator).unlink()
        with self.assertRaisesRegex(UserError, "language requirement"):
            agreement.with_user(self.user_officer).action_export_ewp()
        with self.assertRaises(UserError):  # EWP files are DIC's
            agreement.with_user(self.user_coordinator).action_export_ewp()

    def test_condition_constraints(self):
        agreement = self._create_agreement()
        Condition = self.env["intl.agreement.condition"].with_user(self.user_coordinator)
        bad = [
            {"year_first": "2026"},
            {"year_first": "2027/2028", "year_last": "2026/2027"},
            {"mobilities_per_year": 0},
            {"mobility_type": "teaching", "total_months_per_year": 3},
            {"total_days_per_year": 5},
            {"mobility_type": "traineeship"},  # with EQF levels
            {"area_ids": [Command.create({"isced_code": "061"})]},
            {"language_ids": [Command.create({"language": "English"})]},
            {"sending_ounit_ewp": "unit 1"},
        ]
        for vals in bad:
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                Condition.create(self._condition_vals(agreement_id=agreement.id, **vals))
        condition = Condition.create(self._condition_vals(agreement_id=agreement.id, year_last="2028/2029"))
        self.assertEqual(condition.seats_total, 6)
        self.assertEqual(condition.language_ids.language, "en")
        other = self._create_agreement()
        with self.assertRaises(UserError):
            condition.agreement_id = other
        with self.assertRaises(ValidationError):
            self.partner_institution.intl_pic = "12345"
        self.partner_institution.intl_pic = "999986096"
        self.env.company.intl_pic = "949712345"
        self.assertEqual(self.env.company.partner_id.intl_pic, "949712345")

    def test_condition_form(self):
        agreement = self._create_agreement()
        with Form(self.env["intl.agreement.condition"].with_user(self.user_coordinator).with_context(
                default_agreement_id=agreement.id)) as form:
            form.mobility_type = "teaching"
            self.assertTrue(form.is_staff)
            form.year_first = form.year_last = "2026/2027"
            form.total_days_per_year = 8
            with form.language_ids.new() as skill:
                skill.lang_id = self.lang_de
                self.assertEqual(skill.language, "de")
                skill.cefr_level = "B2"
        self.assertEqual(agreement.condition_count, 1)

    def test_conditions_frozen_after_negotiation(self):
        agreement = self._agreement_with_conditions()
        self._to_approved(agreement)
        condition = agreement.condition_ids[0]
        for user in (self.user_coordinator, self.user_officer):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "annex"):
                    condition.with_user(user).mobilities_per_year = 9
                with self.assertRaisesRegex(UserError, "annex"):
                    condition.area_ids.with_user(user).isced_code = "0111"
                with self.assertRaisesRegex(UserError, "annex"):
                    condition.language_ids.with_user(user).unlink()
                with self.assertRaisesRegex(UserError, "annex"):
                    self.env["intl.agreement.condition"].with_user(user).create(
                        self._condition_vals(agreement_id=agreement.id))
        self.assertEqual(condition.mobilities_per_year, 2)

    def test_condition_access(self):
        agreement = self._agreement_with_conditions()
        condition = agreement.condition_ids[0]
        condition.invalidate_recordset()
        # the contact person reads, cannot write
        self.assertEqual(condition.with_user(self.user_requester).read(["mobilities_per_year"])[0]
                         ["mobilities_per_year"], 2)
        with self.assertRaises(AccessError):
            condition.with_user(self.user_requester).write({"mobilities_per_year": 5})
        # another institute's coordinator neither reads nor writes
        condition.invalidate_recordset()
        with self.assertRaises(AccessError):
            condition.with_user(self.user_coordinator_other).read(["mobilities_per_year"])
        with self.assertRaises(AccessError):
            condition.area_ids.with_user(self.user_coordinator_other).read(["isced_code"])
        # Accounting reads signed agreements' conditions only
        condition.invalidate_recordset()
        with self.assertRaises(AccessError):
            condition.with_user(self.user_accountant).read(["mobilities_per_year"])
        with self.assertRaises(AccessError):
            self.env["intl.agreement.ewp.import"].with_user(self.user_coordinator).create(
                {"agreement_id": agreement.id, "data_file": base64.b64encode(b"<x/>")})

    def test_reimport_gives_no_differences(self):
        agreement = self._agreement_with_conditions()
        data = self._export(agreement)
        reports = self.env["intl.agreement"].with_user(self.user_officer).ewp_import(data)
        self.assertEqual(len(reports), 1)
        self.assertEqual(reports[0]["agreement"], agreement)  # matched by our iia-id in the file
        self.assertEqual(reports[0]["differences"], [])
        wizard = self._wizard(agreement, data)
        wizard.action_preview()
        self.assertEqual(wizard.state, "preview")
        self.assertEqual(wizard.difference_count, 0)

    def _wizard(self, agreement, data):
        action = agreement.with_user(self.user_officer).action_import_ewp()
        return self.env[action["res_model"]].with_user(self.user_officer).with_context(**action["context"]).create(
            {"data_file": base64.b64encode(data), "filename": "partner.xml"})

    def _partner_file(self, agreement, change):
        """Our export seen as the partner would send it back, changed by ``change(iia)``."""
        document = etree.fromstring(self._export(agreement))
        iia = document.find(_q("iia"))
        ours, theirs = iia.findall(_q("partner"))
        iia.remove(theirs)
        iia.insert(0, theirs)  # the sender is first
        etree.SubElement(theirs, _q("iia-id")).text = "TU-2026-17"
        theirs.find(_q("hei-id")).addnext(theirs[-1])
        change(iia)
        iia.find(_q("iia-hash")).text = ewp.iia_hash(iia)
        data = etree.tostring(document)
        self.assertValidEwp(data)
        return data

    def test_import_preview_then_apply(self):
        agreement = self._agreement_with_conditions()

        def change(iia):
            specs = iia.find(_q("cooperation-conditions"))
            specs[0].find(_q("mobilities-per-year")).text = "3"
            specs.remove(specs[2])  # no traineeship on their side
            new = etree.fromstring(etree.tostring(specs[-1]))
            new.find(_q("receiving-first-academic-year-id")).text = "2028/2029"
            new.find(_q("receiving-last-academic-year-id")).text = "2029/2030"
            new.find(_q("total-days-per-year")).text = "7"
            specs.append(new)

        data = self._partner_file(agreement, change)
        wizard = self._wizard(agreement, data)
        wizard.action_preview()
        lines = {(line.kind, line.field_label): line for line in wizard.line_ids}
        self.assertEqual(lines[("update", "Mobilities per Year")].ours, "2")
        self.assertEqual(lines[("update", "Mobilities per Year")].theirs, "3")
        self.assertEqual(lines[("mapping", "Partner's IIA ID")].theirs, "TU-2026-17")
        self.assertIn("remove", wizard.line_ids.mapped("kind"))
        self.assertIn("create", wizard.line_ids.mapped("kind"))
        self.assertNotIn("hash", wizard.line_ids.mapped("kind"))
        # nothing changed yet
        self.assertEqual(agreement.condition_ids[0].mobilities_per_year, 2)
        self.assertEqual(len(agreement.condition_ids), 5)
        self.assertFalse(agreement.ewp_partner_iia_id)
        wizard.action_apply()
        self.assertEqual(agreement.condition_ids.sorted("id")[0].mobilities_per_year, 3)
        self.assertEqual(len(agreement.condition_ids), 6)  # their new one added, ours kept
        self.assertEqual(agreement.ewp_partner_iia_id, "TU-2026-17")
        self.assertTrue(agreement.ewp_partner_hash)
        self.assertTrue(agreement.message_ids.filtered(lambda message: "TU-2026-17" in message.body))
        # once applied, with the removal asked, the file and the agreement agree
        reports = self.env["intl.agreement"].with_user(self.user_officer).ewp_import(
            data, apply=True, remove_missing=True)
        self.assertEqual(reports[0]["agreement"], agreement)  # matched by their id now
        self.assertEqual(len(agreement.condition_ids), 5)
        self.assertEqual(self.env["intl.agreement"].ewp_import(data)[0]["differences"], [])

    def test_import_refused_on_frozen_agreement(self):
        agreement = self._agreement_with_conditions()

        def change(iia):
            iia.find(_q("cooperation-conditions"))[0].find(_q("mobilities-per-year")).text = "5"

        data = self._partner_file(agreement, change)
        self._to_approved(agreement)
        wizard = self._wizard(agreement, data)
        wizard.action_preview()  # the differences are shown ...
        self.assertIn("update", wizard.line_ids.mapped("kind"))
        with self.assertRaisesRegex(UserError, "annex"):  # ... but not applied
            wizard.action_apply()
        self.assertEqual(agreement.condition_ids[0].mobilities_per_year, 2)

    def test_import_bad_files(self):
        agreement = self._agreement_with_conditions()
        Agreement = self.env["intl.agreement"].with_user(self.user_officer)
        with self.assertRaisesRegex(UserError, "iias-get-response"):
            Agreement.ewp_import(b"not xml")
        with self.assertRaisesRegex(UserError, "iias-get-response"):
            Agreement.ewp_import(b"<other/>")
        with open(ewp_path("examples", "iias-get-response-example.xml"), "rb") as handle:
            example = handle.read()
        with self.assertRaisesRegex(UserError, "not between satbayev.university"):
            Agreement.ewp_import(example, agreement=agreement)
        tampered = self._partner_file(agreement, lambda iia: None).replace(
            b"<mobilities-per-year>2<", b"<mobilities-per-year>7<", 1)
        kinds = [diff["kind"] for diff in Agreement.ewp_import(tampered, agreement=agreement)[0]["differences"]]
        self.assertIn("hash", kinds)  # the file's hash does not match its content

    def test_official_example_imports(self):
        """The network's example, read as the partner hibo.no would: its five conditions are shown, then created."""
        self.env.company.partner_id.intl_schac_code = "hibo.no"
        warsaw = self.env["res.partner"].create({
            "name": "University of Warsaw", "is_intl_institution": True, "country_id": self.env.ref("base.pl").id,
            "intl_schac_code": "uw.edu.pl", "intl_erasmus_code": "PL WARSZAW01",
        })
        agreement = self._create_agreement(partner_id=warsaw.id)
        with open(ewp_path("examples", "iias-get-response-example.xml"), "rb") as handle:
            example = handle.read()
        wizard = self._wizard(agreement, example)
        wizard.action_preview()
        kinds = wizard.line_ids.mapped("kind")
        self.assertEqual(kinds.count("create"), 5)
        self.assertNotIn("hash", kinds)
        self.assertEqual(wizard.partner_iia_code, "983/E+/III14&15")
        creates = wizard.line_ids.filtered(lambda line: line.kind == "create")
        self.assertIn("Incoming Student Studies 2014/2015–2020/2021 ×2", creates.mapped("condition"))
        self.assertFalse(agreement.condition_ids)
        wizard.action_apply()
        self.assertEqual(agreement.ewp_partner_iia_id, "0f7a5682-faf7-49a7-9cc7-ec486c49a281")
        self.assertEqual(agreement.ewp_partner_iia_code, "983/E+/III14&15")
        studies = agreement.condition_ids.filtered(lambda c: c.mobility_type == "studies")
        self.assertEqual(studies.direction, "incoming")
        self.assertEqual(studies.eqf_level_ids.mapped("level"), [7, 8])
        self.assertEqual(studies.language_ids.mapped("language"), ["en", "no"])
        self.assertEqual(studies.sending_ounit_ewp, "140")
        training = agreement.condition_ids.filtered(lambda c: c.mobility_type == "training")
        self.assertEqual((training.direction, training.total_days_per_year), ("outgoing", 14))
        # what remains is their mapping of our agreement, which only they change
        differences = self.env["intl.agreement"].ewp_import(example, agreement=agreement)[0]["differences"]
        self.assertEqual([(d["kind"], d["field"], d["theirs"]) for d in differences],
                         [("mapping", "ewp_iia_id", "1954991")])
        self.assertValidEwp(self._export(agreement))


@tagged("post_install", "-at_install")
class TestEwpIiaJsonRpc(EwpCommon, HttpCase):
    """Over JSON-RPC, as any client would: the frozen conditions and the immutable EWP id."""

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_refusals(self):
        agreement = self._agreement_with_conditions()
        draft = self._agreement_with_conditions()
        self._to_approved(agreement)
        condition = agreement.condition_ids[0]
        self.user_officer.password = "officer-pw-1"
        self.authenticate(self.user_officer.login, "officer-pw-1")
        refused = [
            ("intl.agreement.condition", "write", [[condition.id], {"mobilities_per_year": 9}]),
            ("intl.agreement.condition", "unlink", [[condition.id]]),
            ("intl.agreement.condition", "create", [[self._condition_vals(agreement_id=agreement.id)]]),
            ("intl.agreement.condition.area", "write", [condition.area_ids.ids, {"isced_code": "0111"}]),
            ("intl.agreement", "write", [[draft.id], {"ewp_iia_id": "forged"}]),
            ("intl.agreement.condition", "write", [draft.condition_ids[:1].ids, {"agreement_id": agreement.id}]),
        ]
        for model, method, args in refused:
            with self.subTest(model=model, method=method), self.assertRaises(JsonRpcException):
                self._call(model, method, args)
        # the draft's conditions are negotiated freely
        self._call("intl.agreement.condition", "write", [draft.condition_ids[:1].ids, {"mobilities_per_year": 4}])
        condition.invalidate_recordset()
        self.assertEqual(condition.read(["mobilities_per_year"])[0]["mobilities_per_year"], 2)
        self.assertEqual(draft.condition_ids[:1].read(["mobilities_per_year"])[0]["mobilities_per_year"], 4)
