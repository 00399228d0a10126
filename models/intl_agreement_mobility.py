import json
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

# EWP mobility specification element of each kind of mobility (IIA API v7)
EWP_SPECS = {
    "studies": "student-studies-mobility-spec",
    "traineeship": "student-traineeship-mobility-spec",
    "teaching": "staff-teacher-mobility-spec",
    "training": "staff-training-mobility-spec",
}
STAFF_TYPES = ("teaching", "training")


class IntlAgreement(models.Model):
    """Mobility under an agreement, and its export in the shape of an EWP IIA."""

    _inherit = "intl.agreement"

    mobility_ids = fields.One2many("intl.mobility", "agreement_id", "Mobility")
    degree_programme_ids = fields.One2many("intl.degree.programme", "agreement_id", "Double-Degree Programmes")
    mobility_count = fields.Integer(compute="_compute_mobility_count")

    def _compute_mobility_count(self):
        counts = dict(self.env["intl.mobility"]._read_group(
            [("agreement_id", "in", self.ids), ("state", "!=", "cancel")], ["agreement_id"], ["__count"]))
        for agreement in self:
            agreement.mobility_count = counts.get(agreement, 0)

    def action_view_mobility(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Mobility"),
            "res_model": "intl.mobility",
            "view_mode": "list,form,pivot",
            "domain": [("agreement_id", "=", self.id)],
            "context": {"default_agreement_id": self.id, "default_partner_id": self.partner_id.id},
        }

    def action_export_ewp(self):
        """Download the agreement's mobility figures as an EWP IIA JSON document."""
        self.ensure_one()
        payload = json.dumps(self._ewp_iia(), ensure_ascii=False, indent=2)
        attachment = self.env["ir.attachment"].create({
            "name": f"EWP-IIA-{self.name.replace('/', '-')}.json",
            "raw": payload.encode(),
            "mimetype": "application/json",
            "res_model": self._name,
            "res_id": self.id,
        })
        self._intl_message_post(_lt("Mobility figures exported for Erasmus Without Paper."),
                          attachment_ids=attachment.ids, subtype_xmlid="mail.mt_note")
        return {"type": "ir.actions.act_url", "url": f"/web/content/{attachment.id}?download=true",
                "target": "self"}

    # ------------------------------------------------------------------
    # EWP IIA
    # ------------------------------------------------------------------

    def _ewp_home_hei_id(self):
        self.ensure_one()
        return self.company_id.partner_id.intl_schac_code

    def _ewp_check_ids(self):
        self.ensure_one()
        missing = []
        if not self._ewp_home_hei_id():
            missing.append(self.company_id.name)
        if not self.partner_id.intl_schac_code:
            missing.append(self.partner_id.name)
        if missing:
            raise UserError(self.env._(
                "Enter the SCHAC code (EWP hei-id) of %(institutions)s before exporting.",
                institutions=", ".join(missing),
            ))

    def _ewp_partner(self, hei_id, signatory, position, date, ounit=None):
        partner = {"hei-id": hei_id, "iia-id": str(self.id), "iia-code": self.name}
        if ounit:
            partner["ounit-id"] = str(ounit.id)
        if signatory:
            contact = {"contact-name": [{"value": signatory, "lang": "en"}]}
            if position:
                contact["role-description"] = [{"value": position, "lang": "en"}]
            partner["signing-contact"] = contact
        if date:
            partner["signing-date"] = fields.Date.to_string(date)
        return partner

    def _ewp_iia(self):
        """The agreement as an EWP IIA (API v7 shape): partners and per-direction mobility specs."""
        self.ensure_one()
        self._ewp_check_ids()
        home, partner = self._ewp_home_hei_id(), self.partner_id.intl_schac_code
        conditions = {spec: [] for spec in EWP_SPECS.values()}
        groups = defaultdict(lambda: self.env["intl.mobility"])
        for mobility in self.mobility_ids.filtered(lambda m: m.state != "cancel"):
            groups[(mobility.direction, mobility.mobility_type, mobility.academic_year)] |= mobility
        for (direction, kind, year), mobilities in sorted(groups.items()):
            sending, receiving = (home, partner) if direction == "outgoing" else (partner, home)
            conditions[EWP_SPECS[kind]].append(
                self._ewp_mobility_spec(sending, receiving, year, kind, mobilities))
        return {
            "iia-id": str(self.id),
            "iia-code": self.name,
            "in-effect": self.state in ("signed", "in_force"),
            "partner": [
                self._ewp_partner(home, self.signatory_university, self.signatory_university_position,
                                  self.date_sign_university, self.institute_id),
                self._ewp_partner(partner, self.signatory_partner, self.signatory_partner_position,
                                  self.date_sign_partner),
            ],
            "cooperation-conditions": conditions,
        }

    @api.model
    def _ewp_mobility_spec(self, sending, receiving, year, kind, mobilities):
        spec = {
            "sending-hei-id": sending,
            "receiving-hei-id": receiving,
            "receiving-academic-year-id": [year],
            "mobilities-per-year": len(mobilities),
            "blended": any(mobilities.mapped("blended")),
        }
        languages = sorted({(m.language_id.iso_code[:2], m.cefr_level) for m in mobilities
                            if m.language_id and m.cefr_level})
        if languages:
            spec["recommended-language-skill"] = [{"language": lang, "cefr-level": level}
                                                  for lang, level in languages]
        fields_ = sorted({m.isced_code for m in mobilities if m.isced_code})
        if fields_:
            spec["subject-area"] = [{"isced-f-code": code} for code in fields_]
        if kind in STAFF_TYPES:
            spec["total-days-per-year"] = float(sum(mobilities.mapped("duration_days")))
        else:
            spec["total-months-per-year"] = round(sum(mobilities.mapped("duration_months")), 1)
            levels = sorted({int(m.eqf_level) for m in mobilities if m.eqf_level})
            if levels:
                spec["eqf-level"] = levels
        return spec
