import re

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import ewp
from ..tools.ewp import STAFF_TYPES, decimal_text
from .intl_learner_grade import check_academic_year

EMAIL_RE = re.compile(r"^[^@]+@[^.]+\..+$")  # EWP Email pattern
# EWP AsciiPrintableIdentifier (ounit ids)
ASCII_ID_RE = re.compile(r"^[\x21-\x7e]{1,64}$")
# Agreement states in which its cooperation conditions are still negotiated
CONDITION_EDITABLE_STATES = ("draft", "submitted", "dic_review", "negotiation", "drafting")
MOBILITY_TYPES = [
    ("studies", "Student Studies"),
    ("traineeship", "Student Traineeship"),
    ("teaching", "Staff Teaching"),
    ("training", "Staff Training"),
]


class IntlAgreementCondition(models.Model):
    """One cooperation condition of an agreement: who goes which way, how many, for how long.

    One line per direction and mobility type (and span of academic years), as the
    EWP ``*-mobility-spec`` elements: the quota of the calls for applications and
    the content of the agreement's IIA. Negotiated with the agreement: frozen
    once it leaves DIC's drafting (legal review, management, signed), changed
    afterwards through an annex.
    """

    _name = "intl.agreement.condition"
    _description = "Cooperation Condition"
    _order = "agreement_id, sequence, id"
    _rec_names_search = ["agreement_id", "year_first", "year_last"]
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    agreement_id = fields.Many2one(
        "intl.agreement", "Agreement", required=True, ondelete="cascade", index=True, check_company=True,
    )
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    partner_id = fields.Many2one(related="agreement_id.partner_id", string="Partner Institution")
    direction = fields.Selection(
        [("outgoing", "Outgoing"), ("incoming", "Incoming")], required=True, default="outgoing",
        help="Outgoing: the university sends, the partner receives. Incoming: the partner sends.",
    )
    mobility_type = fields.Selection(MOBILITY_TYPES, required=True, default="studies")
    is_staff = fields.Boolean(compute="_compute_is_staff")
    year_first = fields.Char("First Academic Year", required=True, help="e.g. 2026/2027")
    year_last = fields.Char("Last Academic Year", required=True, help="e.g. 2028/2029")
    mobilities_per_year = fields.Integer(
        "Mobilities per Year", required=True, default=1,
        help="Maximum number of people sent in each academic year.",
    )
    total_months_per_year = fields.Float(
        "Total Months per Year", digits=(8, 2), help="Students: mobility months of all the people of a year.",
    )
    total_days_per_year = fields.Float(
        "Total Days per Year", digits=(8, 2), help="Staff: mobility days of all the people of a year.",
    )
    area_ids = fields.One2many("intl.agreement.condition.area", "condition_id", "Subject Areas (ISCED-F)")
    eqf_level_ids = fields.Many2many(
        "intl.eqf.level", "intl_agreement_condition_eqf_rel", "condition_id", "level_id", "EQF Levels",
        help="Study levels of the students sent (none: any level).",
    )
    language_ids = fields.One2many(
        "intl.agreement.condition.language", "condition_id", "Language Requirements",
    )
    sending_contact_ids = fields.Many2many(
        "res.partner", "intl_agreement_condition_sending_contact_rel", "condition_id", "partner_id",
        string="Sending Contacts",
    )
    receiving_contact_ids = fields.Many2many(
        "res.partner", "intl_agreement_condition_receiving_contact_rel", "condition_id", "partner_id",
        string="Receiving Contacts",
    )
    sending_ounit_ewp = fields.Char(
        "Sending Unit (EWP id)", help="Organisational unit id as the sending institution assigns it, if known.",
    )
    receiving_ounit_ewp = fields.Char(
        "Receiving Unit (EWP id)", help="Organisational unit id as the receiving institution assigns it, if known.",
    )
    blended = fields.Boolean(
        help="Students: the partners exchange students who combine a short physical stay with a virtual part.",
    )
    is_virtual = fields.Boolean(
        "Virtual", help="Mobility carried out online only. Kept by the university; EWP IIA v7 has no such element.",
    )
    other_info_terms = fields.Text("Other Terms")
    seats_total = fields.Integer(
        "Mobilities in All Years", compute="_compute_seats_total",
        help="Mobilities per year times the academic years of the condition.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("mobility_type")
    def _compute_is_staff(self):
        for condition in self:
            condition.is_staff = condition.mobility_type in STAFF_TYPES

    @api.depends("mobilities_per_year", "year_first", "year_last")
    def _compute_seats_total(self):
        for condition in self:
            condition.seats_total = condition.mobilities_per_year * len(condition._academic_years())

    def _compute_display_name(self):
        types = dict(self._fields["mobility_type"]._description_selection(self.env))
        directions = dict(self._fields["direction"]._description_selection(self.env))
        for condition in self:
            years = condition.year_first if condition.year_first == condition.year_last else (
                f"{condition.year_first or ''}–{condition.year_last or ''}")
            condition.display_name = " ".join(filter(None, (
                directions.get(condition.direction), types.get(condition.mobility_type), years,
                f"×{condition.mobilities_per_year}",
            )))

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("year_first", "year_last", "mobilities_per_year", "total_months_per_year",
                    "total_days_per_year", "mobility_type", "eqf_level_ids", "blended",
                    "sending_ounit_ewp", "receiving_ounit_ewp")
    def _check_values(self):
        for condition in self:
            check_academic_year(self.env, condition.year_first)
            check_academic_year(self.env, condition.year_last)
            if condition.year_last < condition.year_first:
                raise ValidationError(self.env._(
                    "%(condition)s: the last academic year precedes the first.", condition=condition.display_name,
                ))
            if condition.mobilities_per_year <= 0:
                raise ValidationError(self.env._(
                    "%(condition)s: the number of mobilities per year must be positive.",
                    condition=condition.display_name,
                ))
            if condition.total_months_per_year < 0 or condition.total_days_per_year < 0:
                raise ValidationError(self.env._(
                    "%(condition)s: months and days cannot be negative.", condition=condition.display_name,
                ))
            if condition.is_staff and (condition.total_months_per_year or condition.eqf_level_ids
                                       or condition.blended):
                raise ValidationError(self.env._(
                    "%(condition)s: staff mobility counts days, without EQF levels or blended option.",
                    condition=condition.display_name,
                ))
            if not condition.is_staff and condition.total_days_per_year:
                raise ValidationError(self.env._(
                    "%(condition)s: student mobility counts months, not days.", condition=condition.display_name,
                ))
            if condition.mobility_type == "traineeship" and condition.eqf_level_ids:
                raise ValidationError(self.env._(
                    "%(condition)s: traineeships have no EQF levels.", condition=condition.display_name,
                ))
            for ounit in (condition.sending_ounit_ewp, condition.receiving_ounit_ewp):
                if ounit and not ASCII_ID_RE.match(ounit):
                    raise ValidationError(self.env._(
                        "%(ounit)s is not an EWP identifier: 1 to 64 printable ASCII characters without spaces.",
                        ounit=ounit,
                    ))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        agreements = self.env["intl.agreement"].browse({vals.get("agreement_id") for vals in vals_list} - {None})
        agreements._check_conditions_editable()
        return super().create(vals_list)

    def write(self, vals):
        if "agreement_id" in vals and any(c.agreement_id.id != vals["agreement_id"] for c in self):
            raise UserError(self.env._("A cooperation condition stays with its agreement."))
        self.agreement_id._check_conditions_editable()
        return super().write(vals)

    def unlink(self):
        self.agreement_id._check_conditions_editable()
        return super().unlink()

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _ewp_values(self):
        """The condition as the comparable values of ``intl.agreement._ewp_parse_spec``."""
        self.ensure_one()
        return {
            "direction": self.direction,
            "mobility_type": self.mobility_type,
            "year_first": self.year_first,
            "year_last": self.year_last,
            "mobilities_per_year": self.mobilities_per_year,
            "total_months_per_year": 0.0 if self.is_staff else round(self.total_months_per_year, 2),
            "total_days_per_year": round(self.total_days_per_year, 2) if self.is_staff else 0.0,
            "blended": False if self.is_staff else self.blended,
            "eqf_levels": tuple(sorted(self.eqf_level_ids.mapped("level"))) if not self.is_staff else (),
            "areas": tuple((a.isced_code, a.isced_clarification or False) for a in self.area_ids),
            "languages": tuple((s.language, s.cefr_level or False, s.isced_code or False) for s in self.language_ids),
            "sending_ounit_ewp": self.sending_ounit_ewp or False,
            "receiving_ounit_ewp": self.receiving_ounit_ewp or False,
            "other_info_terms": self.other_info_terms or False,
        }

    @api.model
    def _ewp_vals(self, values, with_lines=False, condition=None):
        """Field values of a condition from parsed EWP values (lines replaced when ``with_lines``)."""
        levels = self.env["intl.eqf.level"].search([("level", "in", list(values["eqf_levels"]))])
        missing = set(values["eqf_levels"]) - set(levels.mapped("level"))
        if missing:
            raise UserError(self.env._("Unknown EQF levels: %(levels)s.", levels=", ".join(map(str, missing))))
        langs = {}
        # the language of the code itself (en) before its variants (en_GB)
        for lang in self.env["res.lang"].with_context(active_test=False).search([]).sorted(
                lambda lang: "_" in (lang.iso_code or "")):
            langs.setdefault((lang.iso_code or "").split("_")[0].lower(), lang)
        vals = {key: values[key] for key in (
            "direction", "mobility_type", "year_first", "year_last", "mobilities_per_year",
            "total_months_per_year", "total_days_per_year", "blended", "sending_ounit_ewp",
            "receiving_ounit_ewp", "other_info_terms")}
        vals["eqf_level_ids"] = [fields.Command.set(levels.ids)]
        if with_lines:
            clear = [fields.Command.clear()] if condition else []
            vals["area_ids"] = clear + [
                fields.Command.create({"isced_code": code, "isced_clarification": clarification, "sequence": index})
                for index, (code, clarification) in enumerate(values["areas"])
            ]
            vals["language_ids"] = clear + [
                fields.Command.create({"lang_id": langs[language].id if language in langs else False,
                                       "language": language, "cefr_level": level, "isced_code": isced,
                                       "sequence": index})
                for index, (language, level, isced) in enumerate(values["languages"])
            ]
        return vals

    def _ewp_spec_element(self):
        """The condition as an EWP ``*-mobility-spec`` element (IIA API v7)."""
        self.ensure_one()
        agreement = self.agreement_id
        home, partner = agreement._ewp_home_hei(), agreement.partner_id.intl_schac_code
        sending, receiving = (home, partner) if self.direction == "outgoing" else (partner, home)
        spec = etree.Element(ewp.qname(ewp.SPEC_TAGS[self.mobility_type]))

        def add(tag, text, parent=spec):
            element = etree.SubElement(parent, ewp.qname(tag))
            element.text = text
            return element

        for side, hei, ounit, contacts in (("sending", sending, self.sending_ounit_ewp, self.sending_contact_ids),
                                           ("receiving", receiving, self.receiving_ounit_ewp,
                                            self.receiving_contact_ids)):
            add(f"{side}-hei-id", hei)
            if ounit:
                add(f"{side}-ounit-id", ounit)
            for contact in contacts:
                element = add(f"{side}-contact", None)
                etree.SubElement(element, ewp.qname("contact-name", ewp.CONTACT_NS)).text = contact.name
                if contact.email and EMAIL_RE.match(contact.email):
                    etree.SubElement(element, ewp.qname("email", ewp.CONTACT_NS)).text = contact.email
        add("receiving-first-academic-year-id", self.year_first)
        add("receiving-last-academic-year-id", self.year_last)
        add("mobilities-per-year", str(self.mobilities_per_year))
        for skill in self.language_ids:
            element = add("recommended-language-skill", None)
            add("language", skill.language, element)
            if skill.cefr_level:
                add("cefr-level", skill.cefr_level, element)
            if skill.isced_code:
                add("isced-f-code", skill.isced_code, add("subject-area", None, element))
        for area in self.area_ids:
            element = add("subject-area", None)
            add("isced-f-code", area.isced_code, element)
            if area.isced_clarification:
                add("isced-clarification", area.isced_clarification, element)
        if self.other_info_terms:
            add("other-info-terms", self.other_info_terms)
        if self.is_staff:
            if self.total_days_per_year:
                add("total-days-per-year", decimal_text(self.total_days_per_year))
        else:
            if self.total_months_per_year:
                add("total-months-per-year", decimal_text(self.total_months_per_year))
            add("blended", "true" if self.blended else "false")
            for level in sorted(self.eqf_level_ids.mapped("level")):
                add("eqf-level", str(level))
        return spec

    def _academic_years(self):
        """The academic years the condition spans, e.g. ['2026/2027', '2027/2028']."""
        self.ensure_one()
        try:
            first, last = int(self.year_first[:4]), int(self.year_last[:4])
        except (TypeError, ValueError):
            return []
        return [f"{year}/{year + 1}" for year in range(first, last + 1)]
