"""The demo scenario: the demo records moved through their real transitions, as the demo users.

demo/*.xml load the records as drafts; the steps below move them through the
declared transitions (nothing writes a status), choosing every date a rule
depends on through the working calendar the module applies (``dates.py``),
and running what the users did in the past on that day (``common.on_day``).

It runs on every install with demo data (``demo/intl_demo_scenario.xml``
calls ``intl.demo.scenario._run_demo_scenario``). ``make run`` leaves it for
later during the install (``intl_cooperation.demo_scenario_later``) and runs it
once the database is served, so that the printed PDFs get their styles.
Every step is idempotent: a record already moved is left alone.

Adding a step: write ``demo_scenario/<area>.py`` with a ``run(env)`` function
(idempotent, acting ``with_user`` the demo users, dates through ``dates.py``),
import it here and add ``("<area>", <area>.run)`` to ``STEPS`` where its
records need the others (e.g. after "trips" for anything about trips).
"""
import logging
import time

from . import (
    agreements, clause, degree, delegations, discipline, evaluation, ewp, grants, letters, mobility, money,
    opportunities, portal, scholar, trip_money, trips, words,
)

_logger = logging.getLogger(__name__)

STEPS = [
    # first: the departments and positions the papers of the other steps print
    ("words", words.run),
    ("agreements", agreements.run),
    ("delegations", delegations.run),
    ("grants", grants.run),
    ("trips", trips.run),
    ("discipline", discipline.run),
    ("trip_money", trip_money.run),
    ("money", money.run),
    ("degree", degree.run),
    ("ewp", ewp.run),
    ("scholar", scholar.run),
    ("clause", clause.run),
    ("evaluation", evaluation.run),
    ("portal", portal.run),
    ("opportunities", opportunities.run),
    ("letters", letters.run),
    ("mobility", mobility.run),
]


def run(env, steps=None):
    """Run the scenario's steps (all, or those named in ``steps``) in order."""
    # not the install's context (install_mode...): the users' own clicks; mails are queued, not sent
    context = {key: value for key, value in env.context.items() if not key.startswith("install_")}
    env = env(context={**context, "mail_notify_force_send": False})
    for name, step in STEPS:
        if steps is not None and name not in steps:
            continue
        start = time.time()
        step(env)
        env.flush_all()
        _logger.info("demo scenario: %s done in %.1fs", name, time.time() - start)
