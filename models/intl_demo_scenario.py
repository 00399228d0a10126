from odoo import api, models

from ..demo_scenario import run


class IntlDemoScenario(models.AbstractModel):
    _name = "intl.demo.scenario"
    _description = "Demo Scenario"

    @api.model
    def _run_demo_scenario(self, steps=None):
        """Move the demo records through their transitions (demo data only: called by
        demo/intl_demo_scenario.xml and by ``make run``)."""
        if not self.env.ref("intl_cooperation.user_dic_officer", raise_if_not_found=False):
            return False  # no demo data in this database
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
