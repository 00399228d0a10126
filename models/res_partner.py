import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Erasmus institution code, see FACTS.md (e.g. "D  BERLIN01", "PL WARSZAW01").
# FACTS.md prints the pattern with its double space folded: the one-letter
# prefix is padded with two spaces, the two-letter one with one.
ERASMUS_CODE_RE = re.compile(r"^([A-Z]  |[A-Z]{2} |[A-Z]{3})[A-Z-]{1,8}[0-9]{2}$")
# SCHAC home organisation: a lower-case internet domain (e.g. "uw.edu.pl").
SCHAC_CODE_RE = re.compile(r"^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
# What an agreement's state says of its partners' cooperation status: in force (signed or in
# force), expired (expired or terminated); any other state says nothing.
AGREEMENT_STANDING = {"signed": "active", "in_force": "active", "expired": "expired", "terminated": "expired"}


class ResPartner(models.Model):
    """Foreign partner institutions are companies in Contacts."""

    _inherit = "res.partner"

    is_intl_institution = fields.Boolean(
        "Partner Institution", index=True,
        help="A foreign or international organisation the university cooperates with.",
    )
    intl_institution_type = fields.Selection(
        [
            ("university", "University"),
            ("research", "Research organisation"),
            ("state", "State body"),
            ("company", "Company"),
            ("international", "International organisation"),
            ("other", "Other"),
        ],
        "Institution Type", tracking=True,
    )
    intl_ranking_ids = fields.One2many("intl.institution.ranking", "partner_id", "World Rankings")
    intl_best_ranking = fields.Char("Best Ranking", compute="_compute_intl_best_ranking")
    intl_schac_code = fields.Char("SCHAC Code", help="Home organisation domain, e.g. uw.edu.pl.")
    intl_erasmus_code = fields.Char("Erasmus Code", help="Erasmus institution code, e.g. D  BERLIN01.")
    intl_cooperation_status = fields.Selection(
        [("prospect", "Prospect"), ("active", "Active"), ("expired", "Expired")],
        "Cooperation Status", compute="_compute_intl_cooperation_status", store=True,
        tracking=True,
        help="Derived from the institution's agreements: active while one is in force.",
    )
    intl_agreement_ids = fields.One2many("intl.agreement", "partner_id", "Agreements")
    intl_agreement_further_ids = fields.Many2many(
        "intl.agreement", "intl_agreement_partner_rel", "partner_id", "agreement_id",
        string="Agreements as Further Partner",
    )
    intl_agreement_count = fields.Integer("Agreement Count", compute="_compute_intl_agreement_count")

    @api.depends("intl_ranking_ids.position", "intl_ranking_ids.year")
    def _compute_intl_best_ranking(self):
        labels = dict(self.env["intl.institution.ranking"]._fields["system"]._description_selection(self.env))
        for partner in self:
            latest = partner.intl_ranking_ids.sorted(lambda r: (-r.year, r.position))[:1]
            partner.intl_best_ranking = (
                f"{labels[latest.system]} {latest.year}: #{latest.position}" if latest else False
            )

    def _compute_intl_agreement_count(self):
        counts = dict(self.env["intl.agreement"]._read_group(
            [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
        ))
        for partner in self:
            partner.intl_agreement_count = counts.get(partner, 0)

    @api.depends("is_intl_institution", "intl_agreement_ids", "intl_agreement_further_ids")
    def _compute_intl_cooperation_status(self):
        """From the institution's agreements (``_intl_cooperation_statuses``).

        Recomputed when the institution's agreements change (a party added or removed) and,
        through ``intl.agreement.write``, when one of them moves between the states that say
        something of its partners (``AGREEMENT_STANDING``): not at every step of an agreement's
        approval, which changes no partner's status (a dependency on the agreements' ``state``
        would read the further partners and every agreement of the partners at each step)."""
        # only institutions have a status: no query for Odoo's other contacts
        statuses = self.filtered("is_intl_institution")._intl_cooperation_statuses()
        for partner in self:
            partner.intl_cooperation_status = (
                statuses.get(partner.id, "prospect") if partner.is_intl_institution else False
            )

    def _intl_cooperation_statuses(self):
        """Hook: ``{partner_id: status}`` from the partners' agreements.

        The agreement model extends it (and the compute's dependencies); with
        no agreement every institution is a prospect.
        """
        statuses = {}
        if not self.ids:
            return statuses
        # sudo: the status is public information on the institution, whoever may read the agreements
        Agreement = self.env["intl.agreement"].sudo()
        # the agreements where they are the party or a further party, in one query
        states_of = {}
        for partner, further, states in Agreement._read_group(
            [("state", "in", tuple(AGREEMENT_STANDING)),
             "|", ("partner_id", "in", self.ids), ("partner_ids", "in", self.ids)],
            ["partner_id", "partner_ids"], ["state:array_agg"],
        ):
            for party in (partner, further):
                if party.id in self.ids:
                    states_of.setdefault(party.id, set()).update(states)
        for partner_id, states in states_of.items():
            statuses[partner_id] = "active" if any(
                AGREEMENT_STANDING[state] == "active" for state in states) else "expired"
        return statuses

    def action_open_intl_agreements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("intl_cooperation.intl_agreement_action")
        action["domain"] = ["|", ("partner_id", "=", self.id), ("partner_ids", "in", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    @api.constrains("is_intl_institution", "country_id")
    def _check_intl_country(self):
        for partner in self:
            if partner.is_intl_institution and not partner.country_id:
                raise ValidationError(
                    self.env._("Set the country of the partner institution %(name)s.", name=partner.name)
                )

    @api.constrains("intl_erasmus_code", "intl_schac_code")
    def _check_intl_codes(self):
        for partner in self:
            if partner.intl_erasmus_code and not ERASMUS_CODE_RE.match(partner.intl_erasmus_code):
                raise ValidationError(
                    self.env._(
                        "%(code)s is not an Erasmus code: a country prefix of one to three capitals "
                        "padded with spaces to three characters, up to eight capitals, then two digits "
                        "(e.g. \"D  BERLIN01\").",
                        code=partner.intl_erasmus_code,
                    )
                )
            if partner.intl_schac_code and not SCHAC_CODE_RE.match(partner.intl_schac_code):
                raise ValidationError(
                    self.env._(
                        "%(code)s is not a SCHAC code: the institution's lower-case internet domain "
                        "(e.g. \"uw.edu.pl\").",
                        code=partner.intl_schac_code,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("is_intl_institution"):
                vals.setdefault("is_company", True)
        return super().create(vals_list)

    def write(self, vals):
        # sudo: which contacts are companies' is read only to keep a cache right
        if "lang" in vals and self.env["res.company"].sudo().search_count([("partner_id", "in", self.ids)]):
            # the companies' languages are cached for the module's chatter messages
            # (mail.message._intl_company_lang_cached)
            self.env.registry.clear_cache()
        return super().write(vals)
