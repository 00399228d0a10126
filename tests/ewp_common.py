import os

from lxml import etree

from odoo import Command

from .agreement_common import AgreementCommon

ADDON_ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
# The offline EWP schemas sit beside the repository (../shared/ewp), in CI as on the workstations.
EWP_DIR = os.path.normpath(os.path.join(ADDON_ROOT, "..", "shared", "ewp"))
_SCHEMAS = {}


def ewp_path(*parts):
    return os.path.join(EWP_DIR, *parts)


class _CatalogResolver(etree.Resolver):
    """Resolves the schemas' public addresses to the offline copies, as catalog.xml maps them."""

    def __init__(self, mapping):
        super().__init__()
        self.mapping = mapping

    def resolve(self, url, pubid, context):
        if url in self.mapping:
            return self.resolve_filename(self.mapping[url], context)
        return None


def ewp_schema(name="iias/get-response.xsd"):
    """The XMLSchema of ``name`` from ../shared/ewp, as validate.py loads it (no network)."""
    if not os.path.isfile(ewp_path("catalog.xml")):
        raise AssertionError(
            f"The offline EWP schemas are missing: expected {EWP_DIR} (../shared/ewp beside the addon root, "
            "with catalog.xml, iias/get-response.xsd and examples/). Clone or link it there."
        )
    if name not in _SCHEMAS:
        catalog = etree.parse(ewp_path("catalog.xml"))
        mapping = {entry.get("name"): ewp_path(entry.get("uri"))
                   for entry in catalog.getroot() if isinstance(entry.tag, str)}
        parser = etree.XMLParser(no_network=True)
        parser.resolvers.add(_CatalogResolver(mapping))
        _SCHEMAS[name] = etree.XMLSchema(etree.parse(ewp_path(name), parser))
    return _SCHEMAS[name]


class EwpCommon(AgreementCommon):
    """An agreement with conditions of the four kinds in both directions, and the EWP schema check."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.intl_schac_code = "satbayev.university"
        cls.partner_institution.intl_schac_code = "test-tu.de"
        cls.contact_partner = cls.env["res.partner"].create({
            "name": "Hanna Weber", "email": "weber@test-tu.de", "parent_id": cls.partner_institution.id})
        cls.eqf = {level.level: level for level in cls.env["intl.eqf.level"].search([])}

    def assertValidEwp(self, data):
        schema = ewp_schema()
        document = etree.fromstring(data)
        if not schema.validate(document):
            self.fail("Invalid iias-get-response:\n" + "\n".join(
                f"line {error.line}: {error.message}" for error in schema.error_log))
        return document

    def _condition_vals(self, **vals):
        return {
            "direction": "outgoing", "mobility_type": "studies", "year_first": "2026/2027",
            "year_last": "2027/2028", "mobilities_per_year": 2, "total_months_per_year": 10,
            "eqf_level_ids": [Command.set([self.eqf[6].id, self.eqf[7].id])],
            "area_ids": [Command.create({"isced_code": "0613"})],
            "language_ids": [Command.create({"lang_id": self.lang_en.id, "cefr_level": "B2"})],
            **vals,
        }

    def _agreement_with_conditions(self, user=None):
        agreement = self._create_agreement(user=user)
        agreement.with_user(user or self.user_coordinator).write({"condition_ids": [
            Command.create(self._condition_vals(
                receiving_contact_ids=[Command.set(self.contact_partner.ids)], blended=True)),
            Command.create(self._condition_vals(
                direction="incoming", mobilities_per_year=3, total_months_per_year=15.5,
                area_ids=[Command.create({"isced_code": "0714", "isced_clarification": "Mining"})])),
            Command.create(self._condition_vals(
                mobility_type="traineeship", eqf_level_ids=[], language_ids=[], total_months_per_year=4)),
            Command.create(self._condition_vals(
                mobility_type="teaching", eqf_level_ids=[], total_months_per_year=0, total_days_per_year=10,
                language_ids=[Command.create({"language": "de", "cefr_level": "C1", "isced_code": "0613"})])),
            Command.create(self._condition_vals(
                direction="incoming", mobility_type="training", eqf_level_ids=[], total_months_per_year=0,
                total_days_per_year=5, language_ids=[], receiving_ounit_ewp="dic")),
        ]})
        return agreement
