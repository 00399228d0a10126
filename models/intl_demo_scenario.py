import logging

from odoo import api, models

from ..demo_scenario import run

_logger = logging.getLogger(__name__)
LATER = "intl_cooperation.demo_scenario_later"


class IntlDemoScenario(models.AbstractModel):
    _name = "intl.demo.scenario"
    _description = "Demo Scenario"

    @api.model
    def _run_demo_scenario(self, steps=None):
        """Move the demo records through their transitions (demo data only: called by
        demo/intl_demo_scenario.xml and by ``make run``)."""
        if not self.env.ref("intl_cooperation.user_dic_officer", raise_if_not_found=False):
            return False  # no demo data in this database
        # sudo: a technical flag of make run, which runs the scenario itself once the install is
        # committed and the database served (the printed PDFs fetch their styles from it)
        if self.env["ir.config_parameter"].sudo().get_param(LATER):
            _logger.info("demo scenario: left for make run, which runs it with the database served")
            return False
        # sudo: the set-up (accounts, rates, crons) is the administrator's; every step of a
        # user is taken with_user() that demo user
        try:
            run(self.sudo().env, steps)
        except Exception:
            # the install goes on without the demo (Odoo rolls its savepoint back): drop what the
            # failed step left in the cache, or it would be written after the rollback
            self.env.clear()
            raise
        return True
