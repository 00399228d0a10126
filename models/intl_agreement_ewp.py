import uuid

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..tools import ewp
from .intl_agreement import SIGNED_STATES
from .intl_agreement_condition import ASCII_ID_RE, CONDITION_EDITABLE_STATES

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

# Values of a condition compared with the partner's (and written when their file is applied)
COMPARED_FIELDS = (
    "year_first", "year_last", "mobilities_per_year", "total_months_per_year", "total_days_per_year",
    "blended", "eqf_levels", "areas", "languages", "sending_ounit_ewp", "receiving_ounit_ewp",
    "other_info_terms",
)


class IntlAgreement(models.Model):
    """Cooperation conditions of an agreement and their Erasmus Without Paper (IIA API v7) files.

    The agreement has an immutable surrogate ``ewp_iia_id`` (a UUID) and remembers the
    partner's own id and code of the same IIA. ``ewp_export`` writes an ``iias-get-response``
    of one or several agreements; ``ewp_import`` reads a partner's one, lists how its
    conditions differ from ours and, when asked, applies them. Both are plain model methods,
    so a cron, ``odoo shell`` or the future EWP client call them as the buttons do.
    """

    _inherit = "intl.agreement"

    ewp_iia_id = fields.Char(
        "EWP IIA ID", readonly=True, copy=False, index=True,
        help="Immutable surrogate id of this agreement in Erasmus Without Paper, given at creation.",
    )
    ewp_partner_iia_id = fields.Char(
        "Partner's IIA ID", copy=False, tracking=True, help="The partner's own surrogate id of this agreement.",
    )
    ewp_partner_iia_code = fields.Char(
        "Partner's IIA Code", copy=False, tracking=True, help="The partner's own number of this agreement.",
    )
    ewp_partner_hash = fields.Char(
        "Partner's IIA Hash", readonly=True, copy=False,
        help="The iia-hash of the partner's file last applied.",
    )
    ewp_date_imported = fields.Datetime("Partner's IIA Applied on", readonly=True, copy=False)
    ewp_iia_hash = fields.Char(
        "IIA Hash", compute="_compute_ewp_iia_hash",
        help="SHA-256 of the cooperation conditions as the EWP specification computes it.",
    )
    condition_ids = fields.One2many("intl.agreement.condition", "agreement_id", "Cooperation Conditions")
    condition_count = fields.Integer(compute="_compute_condition_count")
    conditions_editable = fields.Boolean(compute="_compute_conditions_editable")

    _sql_constraints = [
        ("ewp_iia_id_unique", "unique(ewp_iia_id)", "The EWP IIA ID of an agreement is unique."),
    ]

    def init(self):
        """Agreements created before the EWP ids existed get theirs (a column default would be shared)."""
        self.env.cr.execute(
            "UPDATE intl_agreement SET ewp_iia_id = gen_random_uuid()::text WHERE ewp_iia_id IS NULL"
        )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends(
        "condition_ids", "ewp_partner_iia_id", "ewp_iia_id", "partner_id.intl_schac_code",
        "company_id.partner_id.intl_schac_code", "state",
        *(f"condition_ids.{name}" for name in (
            "sequence", "direction", "mobility_type", "year_first", "year_last", "mobilities_per_year",
            "total_months_per_year", "total_days_per_year", "blended", "eqf_level_ids", "sending_ounit_ewp",
            "receiving_ounit_ewp", "other_info_terms", "area_ids.isced_code", "area_ids.isced_clarification",
            "language_ids.language", "language_ids.cefr_level", "language_ids.isced_code")),
    )
    def _compute_ewp_iia_hash(self):
        for agreement in self:
            hash_ = False
            complete = all(c.mobility_type and c.direction and c.year_first and c.year_last
                           for c in agreement.condition_ids)
            if agreement.ewp_iia_id and complete and agreement._ewp_missing() == []:
                try:
                    hash_ = agreement._ewp_iia_element().findtext(ewp.qname("iia-hash"))
                except UserError:
                    hash_ = False
            agreement.ewp_iia_hash = hash_

    @api.depends("condition_ids")
    def _compute_condition_count(self):
        for agreement in self:
            agreement.condition_count = len(agreement.condition_ids)

    @api.depends("state")
    def _compute_conditions_editable(self):
        for agreement in self:
            agreement.conditions_editable = agreement.state in CONDITION_EDITABLE_STATES

    @api.constrains("ewp_partner_iia_id")
    def _check_ewp_partner_iia_id(self):
        for agreement in self:
            if agreement.ewp_partner_iia_id and not ASCII_ID_RE.match(agreement.ewp_partner_iia_id):
                raise ValidationError(self.env._(
                    "%(value)s is not an EWP identifier: 1 to 64 printable ASCII characters without spaces.",
                    value=agreement.ewp_partner_iia_id,
                ))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("ewp_iia_id"):
                vals["ewp_iia_id"] = str(uuid.uuid4())
        return super().create(vals_list)

    def write(self, vals):
        if "ewp_iia_id" in vals and any(a.ewp_iia_id and a.ewp_iia_id != vals["ewp_iia_id"] for a in self):
            raise UserError(self.env._("The EWP IIA ID of an agreement never changes: partners know it by it."))
        return super().write(vals)

    def _check_conditions_editable(self):
        """Conditions change while DIC negotiates the agreement; later only through an annex."""
        if self and self._lifecycle_trusted():
            return
        for agreement in self:
            if agreement.state not in CONDITION_EDITABLE_STATES:
                raise UserError(self.env._(
                    "%(agreement)s is %(state)s: its cooperation conditions were frozen when it left "
                    "negotiation; change them through an annex.",
                    agreement=agreement.display_name, state=agreement._lifecycle_state_label(agreement.state),
                ))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_view_conditions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cooperation Conditions"),
            "res_model": "intl.agreement.condition",
            "view_mode": "list,form",
            "domain": [("agreement_id", "=", self.id)],
            "context": {"default_agreement_id": self.id},
        }

    def action_export_ewp(self):
        """Download the agreements as an EWP iias-get-response (IIA API v7) XML file."""
        if not self:
            raise UserError(self.env._("Select the agreements to export."))
        self._lifecycle_check_officer()
        attachment = self._ewp_export_attachment()
        return {"type": "ir.actions.act_url", "url": f"/web/content/{attachment.id}?download=true",
                "target": "self"}

    def action_import_ewp(self):
        self.ensure_one()
        self._lifecycle_check_officer()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import the Partner's IIA"),
            "res_model": "intl.agreement.ewp.import",
            "view_mode": "form",
            "target": "new",
            "context": {"default_agreement_id": self.id},
        }

    # ------------------------------------------------------------------
    # Business: export
    # ------------------------------------------------------------------

    def ewp_export(self):
        """The ``iias-get-response`` (bytes, UTF-8) of these agreements: one ``<iia>`` each."""
        root = etree.Element(ewp.qname("iias-get-response"), nsmap={None: ewp.IIAS_NS, "c": ewp.CONTACT_NS})
        for agreement in self:
            root.append(agreement._ewp_iia_element())
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def _ewp_export_attachment(self):
        data = self.ewp_export()
        name = (f"EWP-IIA-{self.name.replace('/', '-')}.xml" if len(self) == 1
                else f"EWP-IIAs-{fields.Date.context_today(self)}.xml")
        attachment = self.env["ir.attachment"].create({
            "name": name,
            "raw": data,
            "mimetype": "application/xml",
            "res_model": self._name if len(self) == 1 else False,
            "res_id": self.id if len(self) == 1 else False,
        })
        for agreement in self:
            agreement._intl_message_post(
                _lt("Exported for Erasmus Without Paper (IIA hash %(hash)s).", hash=agreement.ewp_iia_hash),
                attachment_ids=attachment.ids if len(self) == 1 else [],
                subtype_xmlid="mail.mt_note",
            )
        return attachment

    def _ewp_home_hei(self):
        self.ensure_one()
        return self.company_id.partner_id.intl_schac_code

    def _ewp_missing(self):
        """What the export needs and the agreement lacks (labels)."""
        self.ensure_one()
        missing = []
        if not self._ewp_home_hei():
            missing.append(self.env._("the SCHAC code of %(institution)s", institution=self.company_id.name))
        if not self.partner_id.intl_schac_code:
            missing.append(self.env._("the SCHAC code of %(institution)s", institution=self.partner_id.name))
        if not self.condition_ids:
            missing.append(self.env._("cooperation conditions"))
        for condition in self.condition_ids:
            if condition.mobility_type in ewp.LANGUAGE_REQUIRED_TYPES and not condition.language_ids:
                missing.append(self.env._("a language requirement in %(condition)s",
                                          condition=condition.display_name))
        return missing

    def _ewp_iia_element(self):
        """The agreement as an EWP ``<iia>`` element, its ``iia-hash`` computed."""
        self.ensure_one()
        missing = self._ewp_missing()
        if missing:
            raise UserError(self.env._(
                "%(agreement)s cannot be exported to EWP yet: enter %(missing)s.",
                agreement=self.display_name, missing=", ".join(missing),
            ))
        iia = etree.Element(ewp.qname("iia"))
        iia.append(self._ewp_partner_element(
            self._ewp_home_hei(), self.ewp_iia_id, self.name if self.name != "/" else False,
            self.signatory_university, self.signatory_university_position, self.date_sign_university,
        ))
        iia.append(self._ewp_partner_element(
            self.partner_id.intl_schac_code, self.ewp_partner_iia_id, self.ewp_partner_iia_code,
            self.signatory_partner, self.signatory_partner_position, self.date_sign_partner,
        ))
        etree.SubElement(iia, ewp.qname("in-effect")).text = "true" if self.state in SIGNED_STATES else "false"
        conditions = etree.SubElement(iia, ewp.qname("cooperation-conditions"))
        order = list(ewp.SPEC_TAGS)
        # stable sort: unsaved lines (the form's onchange) keep their order
        ordered = self.condition_ids.sorted(
            lambda c: (order.index(c.mobility_type), c.sequence, c._origin.id or 0))
        for condition in ordered:
            conditions.append(condition._ewp_spec_element())
        etree.SubElement(iia, ewp.qname("iia-hash")).text = ewp.iia_hash(iia)
        return iia

    @api.model
    def _ewp_partner_element(self, hei_id, iia_id, iia_code, signatory, position, date):
        partner = etree.Element(ewp.qname("partner"))
        etree.SubElement(partner, ewp.qname("hei-id")).text = hei_id
        if iia_id:
            etree.SubElement(partner, ewp.qname("iia-id")).text = iia_id
        if iia_code:
            etree.SubElement(partner, ewp.qname("iia-code")).text = iia_code
        if signatory:
            contact = etree.SubElement(partner, ewp.qname("signing-contact"))
            etree.SubElement(contact, ewp.qname("contact-name", ewp.CONTACT_NS)).text = signatory
            if position:
                etree.SubElement(contact, ewp.qname("role-description", ewp.CONTACT_NS)).text = position
        if date:
            etree.SubElement(partner, ewp.qname("signing-date")).text = fields.Date.to_string(date)
        return partner

    # ------------------------------------------------------------------
    # Business: import
    # ------------------------------------------------------------------

    @api.model
    def ewp_import(self, data, apply=False, remove_missing=False, agreement=None):
        """Read a partner's ``iias-get-response`` (bytes) and compare each IIA with our agreement.

        Returns one report per ``<iia>``: ``{"agreement", "iia", "differences", "applied",
        "error"}``; ``differences`` lists dicts (``kind`` create / update / remove / mapping /
        hash, ``condition``, ``field``, ``ours``, ``theirs``). With ``apply`` the matched
        agreements take the partner's conditions (ours missing from the file are removed only
        with ``remove_missing``). ``agreement`` forces the agreement the file is about.
        """
        try:
            root = ewp.parse_response(data)
        except (etree.XMLSyntaxError, ValueError) as error:
            raise UserError(self.env._(
                "This is not an EWP iias-get-response file (IIA API v7): %(error)s", error=str(error),
            )) from error
        parsed_list = [self._ewp_parse_iia(element) for element in ewp.children(root, "iia")]
        if agreement:
            pairs = [(agreement._ewp_pick(parsed_list), agreement)]
        else:
            pairs = [(parsed, self._ewp_match(parsed)) for parsed in parsed_list]
        reports = []
        for parsed, target in pairs:
            report = {"agreement": target, "iia": parsed, "differences": [], "applied": False, "error": False}
            if not target:
                report["error"] = self.env._(
                    "No agreement with %(hei)s matches the IIA %(code)s (id %(id)s).",
                    hei=parsed["partner"]["hei_id"], code=parsed["partner"]["iia_code"] or "-",
                    id=parsed["partner"]["iia_id"] or "-",
                )
            else:
                report["differences"] = target._ewp_differences(parsed)
                if apply:
                    target._ewp_apply(parsed, report["differences"], remove_missing)
                    report["applied"] = True
            reports.append(report)
        return reports

    @api.model
    def ewp_import_file(self, path, apply=False, remove_missing=False):
        """``ewp_import`` of a file on the server (``odoo shell``, cron)."""
        with open(path, "rb") as handle:
            return self.ewp_import(handle.read(), apply=apply, remove_missing=remove_missing)

    @api.model
    def _ewp_home_hei_id(self):
        return self.env.company.partner_id.intl_schac_code

    @api.model
    def _ewp_parse_iia(self, element):
        """An ``<iia>`` of a partner's file as plain values, its conditions seen from our side."""
        home = self._ewp_home_hei_id()
        partners = []
        for partner in ewp.children(element, "partner"):
            contact = (ewp.children(partner, "signing-contact") or [None])[0]
            partners.append({
                "hei_id": partner.findtext(ewp.qname("hei-id")) or "",
                "iia_id": partner.findtext(ewp.qname("iia-id")) or False,
                "iia_code": partner.findtext(ewp.qname("iia-code")) or False,
                "signatory": contact is not None and contact.findtext(ewp.qname("contact-name", ewp.CONTACT_NS)),
                "signing_date": partner.findtext(ewp.qname("signing-date")) or False,
            })
        ours = [p for p in partners if p["hei_id"] == home]
        theirs = [p for p in partners if p["hei_id"] != home]
        if not home or len(ours) != 1 or len(theirs) != 1:
            raise UserError(self.env._(
                "The IIA %(code)s is not between %(home)s and one partner: its institutions are %(heis)s.",
                code=(partners[0]["iia_code"] if partners else False) or "-", home=home or "-",
                heis=", ".join(p["hei_id"] for p in partners) or "-",
            ))
        conditions = []
        block = (ewp.children(element, "cooperation-conditions") or [None])[0]
        for spec in ewp.children(block) if block is not None else []:
            conditions.append(self._ewp_parse_spec(spec, home))
        return {
            "ours": ours[0],
            "partner": theirs[0],
            "in_effect": element.findtext(ewp.qname("in-effect")) in ("true", "1"),
            "conditions": conditions,
            "hash": element.findtext(ewp.qname("iia-hash")) or False,
            "hash_computed": ewp.iia_hash(element),
        }

    @api.model
    def _ewp_parse_spec(self, spec, home):
        kind = ewp.TAG_TYPES.get(ewp.local_name(spec))
        if not kind:
            raise UserError(self.env._("Unknown mobility specification %(tag)s.", tag=ewp.local_name(spec)))

        def text(tag):
            return (spec.findtext(ewp.qname(tag)) or "").strip()

        languages = []
        for skill in ewp.children(spec, "recommended-language-skill"):
            languages.append((
                (skill.findtext(ewp.qname("language")) or "").strip().lower(),
                (skill.findtext(ewp.qname("cefr-level")) or "").strip() or False,
                (skill.findtext(f"{ewp.qname('subject-area')}/{ewp.qname('isced-f-code')}") or "").strip() or False,
            ))
        areas = tuple(
            ((area.findtext(ewp.qname("isced-f-code")) or "").strip(),
             (area.findtext(ewp.qname("isced-clarification")) or "").strip() or False)
            for area in ewp.children(spec, "subject-area")
        )
        months, days = text("total-months-per-year"), text("total-days-per-year")
        try:
            return {
                "direction": "outgoing" if text("sending-hei-id") == home else "incoming",
                "mobility_type": kind,
                "year_first": text("receiving-first-academic-year-id"),
                "year_last": text("receiving-last-academic-year-id"),
                "mobilities_per_year": int(text("mobilities-per-year") or 0),
                "total_months_per_year": float(months) if months else 0.0,
                "total_days_per_year": float(days) if days else 0.0,
                "blended": text("blended") in ("true", "1"),
                "eqf_levels": tuple(sorted(int(level.text) for level in ewp.children(spec, "eqf-level"))),
                "areas": areas,
                "languages": tuple(languages),
                "sending_ounit_ewp": text("sending-ounit-id") or False,
                "receiving_ounit_ewp": text("receiving-ounit-id") or False,
                "other_info_terms": text("other-info-terms") or False,
            }
        except ValueError as error:
            raise UserError(self.env._(
                "A %(tag)s of the file has a malformed number: %(error)s", tag=ewp.local_name(spec), error=str(error),
            )) from error

    @api.model
    def _ewp_match(self, parsed):
        """Our agreement an IIA of a partner is about: by our id in their file, else by their id."""
        Agreement = self.env["intl.agreement"]
        if parsed["ours"]["iia_id"]:
            agreement = Agreement.search([("ewp_iia_id", "=", parsed["ours"]["iia_id"])], limit=1)
            if agreement:
                return agreement
        if parsed["partner"]["iia_id"]:
            return Agreement.search([
                ("ewp_partner_iia_id", "=", parsed["partner"]["iia_id"]),
                ("partner_id.intl_schac_code", "=", parsed["partner"]["hei_id"]),
            ], limit=1)
        return Agreement

    def _ewp_pick(self, parsed_list):
        """The IIA of a file this agreement is about: the one mapped to it, else its partner's only one."""
        self.ensure_one()
        chosen = [parsed for parsed in parsed_list if self._ewp_match(parsed) == self]
        if not chosen:
            chosen = [parsed for parsed in parsed_list
                      if parsed["partner"]["hei_id"] == self.partner_id.intl_schac_code
                      and not self._ewp_match(parsed)]
        if not chosen:
            raise UserError(self.env._(
                "The file has no IIA with %(partner)s (%(schac)s) for %(agreement)s.",
                partner=self.partner_id.name, schac=self.partner_id.intl_schac_code or "-",
                agreement=self.display_name,
            ))
        if len(chosen) > 1:
            raise UserError(self.env._(
                "The file has several IIAs with %(partner)s (%(codes)s): enter the partner's IIA ID of "
                "%(agreement)s first.", partner=self.partner_id.name, agreement=self.display_name,
                codes=", ".join(parsed["partner"]["iia_code"] or parsed["partner"]["iia_id"] or "-"
                                for parsed in chosen),
            ))
        return chosen[0]

    def _ewp_differences(self, parsed):
        """How the partner's IIA differs from this agreement (nothing changes here)."""
        self.ensure_one()
        diffs = []
        if parsed["partner"]["hei_id"] != self.partner_id.intl_schac_code:
            raise UserError(self.env._(
                "The IIA is with %(hei)s, the agreement %(agreement)s with %(partner)s (%(schac)s).",
                hei=parsed["partner"]["hei_id"], agreement=self.display_name, partner=self.partner_id.name,
                schac=self.partner_id.intl_schac_code or "-",
            ))
        if parsed["hash"] and parsed["hash"] != parsed["hash_computed"]:
            diffs.append({"kind": "hash", "condition": False, "field": "iia-hash",
                          "ours": parsed["hash_computed"], "theirs": parsed["hash"]})
        for name, value in (("ewp_partner_iia_id", parsed["partner"]["iia_id"]),
                            ("ewp_partner_iia_code", parsed["partner"]["iia_code"])):
            if value and value != self[name]:
                diffs.append({"kind": "mapping", "condition": False, "field": name,
                              "ours": self[name] or "", "theirs": value})
        if parsed["ours"]["iia_id"] and parsed["ours"]["iia_id"] != self.ewp_iia_id:
            diffs.append({"kind": "mapping", "condition": False, "field": "ewp_iia_id",
                          "ours": self.ewp_iia_id, "theirs": parsed["ours"]["iia_id"]})
        for condition, theirs in self._ewp_pair_conditions(parsed["conditions"]):
            if not condition:
                diffs.append({"kind": "create", "condition": False, "values": theirs, "field": False,
                              "ours": "", "theirs": self._ewp_describe(theirs)})
            elif theirs is None:
                diffs.append({"kind": "remove", "condition": condition, "field": False,
                              "ours": condition.display_name, "theirs": ""})
            else:
                ours = condition._ewp_values()
                for name in COMPARED_FIELDS:
                    if ours[name] != theirs[name]:
                        diffs.append({"kind": "update", "condition": condition, "field": name, "values": theirs,
                                      "ours": self._ewp_show(ours[name]), "theirs": self._ewp_show(theirs[name])})
        return diffs

    def _ewp_pair_conditions(self, incoming):
        """Pairs (our condition or empty, their values or None): same direction and type, same years first."""
        self.ensure_one()
        pairs = []
        left = list(self.condition_ids.sorted(lambda c: (c.sequence, c._origin.id or 0)))
        pending = []
        for values in incoming:
            match = next((c for c in left if (c.direction, c.mobility_type, c.year_first, c.year_last) == (
                values["direction"], values["mobility_type"], values["year_first"], values["year_last"])), None)
            if match:
                left.remove(match)
                pairs.append((match, values))
            else:
                pending.append(values)
        for values in pending:
            match = next((c for c in left if (c.direction, c.mobility_type) == (
                values["direction"], values["mobility_type"])), None)
            if match:
                left.remove(match)
            pairs.append((match or self.env["intl.agreement.condition"], values))
        pairs += [(condition, None) for condition in left]
        return pairs

    @api.model
    def _ewp_show(self, value):
        if isinstance(value, bool):
            return self.env._("Yes") if value else self.env._("No")
        if isinstance(value, tuple):
            return "; ".join(" ".join(str(part) for part in (item if isinstance(item, tuple) else (item,)) if part)
                             for item in value)
        if isinstance(value, float):
            return ewp.decimal_text(value)
        return str(value) if value not in (False, None) else ""

    @api.model
    def _ewp_describe(self, values):
        types = dict(self.env["intl.agreement.condition"]._fields["mobility_type"]._description_selection(self.env))
        directions = dict(self.env["intl.agreement.condition"]._fields["direction"]._description_selection(self.env))
        return f"{directions[values['direction']]} {types[values['mobility_type']]} " \
               f"{values['year_first']}–{values['year_last']} ×{values['mobilities_per_year']}"

    def _ewp_apply(self, parsed, differences, remove_missing=False):
        """Take the partner's conditions and ids: the differences of ``_ewp_differences``."""
        self.ensure_one()
        Condition = self.env["intl.agreement.condition"]
        changes = [d for d in differences if d["kind"] in ("create", "update", "remove")]
        if any(d["kind"] in ("create", "update") for d in changes) or (
                remove_missing and any(d["kind"] == "remove" for d in changes)):
            self._check_conditions_editable()
        vals = {}
        for diff in differences:
            if diff["kind"] == "mapping" and diff["field"] in ("ewp_partner_iia_id", "ewp_partner_iia_code"):
                vals[diff["field"]] = diff["theirs"]
        vals.update({"ewp_partner_hash": parsed["hash"], "ewp_date_imported": fields.Datetime.now()})
        self.write(vals)
        updated = Condition
        for diff in changes:
            if diff["kind"] == "update" and diff["condition"] not in updated:
                condition = diff["condition"]
                condition.write(Condition._ewp_vals(diff["values"], with_lines=True, condition=condition))
                updated |= condition
        Condition.create([dict(Condition._ewp_vals(d["values"], with_lines=True), agreement_id=self.id)
                          for d in changes if d["kind"] == "create"])
        if remove_missing:
            Condition.union(*[d["condition"] for d in changes if d["kind"] == "remove"]).unlink()
        self._intl_message_post(
            _lt("The partner's IIA %(code)s applied from its EWP file; differences: %(count)s.",
                code=parsed["partner"]["iia_code"] or parsed["partner"]["iia_id"] or "-", count=len(differences)),
            subtype_xmlid="mail.mt_note",
        )
