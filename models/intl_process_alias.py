from odoo import api, models, tools

# the process records whose letters go out by e-mail and whose replies come back through the alias
PROCESS_MODELS = {
    "agreement": "intl.agreement",
    "scholar": "intl.scholar.visit",
    "delegation": "intl.delegation",
    "mobility": "intl.mobility.nomination",
    "mobility_outgoing": "intl.mobility",
}


class IntlProcess(models.Model):
    """A process has the mail alias its letters are answered to (``scholars@``, ``delegations@``...):
    a reply lands in the chatter of the record it answers (by its references, else by the
    reference named in the subject)."""

    _name = "intl.process"
    _inherit = ["intl.process", "mail.alias.mixin.optional"]

    def _alias_get_creation_values(self):
        values = super()._alias_get_creation_values()
        model = PROCESS_MODELS.get(self.code)
        if model:
            values["alias_model_id"] = self.env["ir.model"]._get_id(model)
        values["alias_contact"] = "everyone"
        return values

    @api.model_create_multi
    def create(self, vals_list):
        processes = super().create(vals_list)
        self.env.registry.clear_cache()  # _intl_alias_of
        return processes

    def write(self, vals):
        result = super().write(vals)
        if {"code", "active", "alias_id"} & set(vals):
            self.env.registry.clear_cache()  # _intl_alias_of
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()  # _intl_alias_of
        return result

    @api.model
    def _intl_alias_of(self, code):
        """The mail alias of process ``code`` when it is named and has a domain, else none: the
        reply-to of every mail of the process's records (the alias's id cached per code)."""
        # sudo: the process's alias is configuration every sender reads
        alias = self.env["mail.alias"].sudo().browse(self._intl_alias_id_of(code))
        return alias if alias.alias_name and alias.alias_domain_id else self.env["mail.alias"].sudo()

    @api.model
    @tools.ormcache("code")
    def _intl_alias_id_of(self, code):
        # sudo: see _intl_alias_of
        return self.sudo().search([("code", "=", code)], limit=1).alias_id.id

    @api.model
    def _intl_portal_alias_defaults(self):
        """Name the aliases of the processes whose letters go out by e-mail (once)."""
        names = {"agreement": "agreements", "scholar": "scholars", "delegation": "delegations", "mobility": "mobility",
                 "mobility_outgoing": "mobility.outgoing"}
        for process in self.search([("code", "in", list(names))]):
            if not process.alias_id:
                process.alias_name = names[process.code]
