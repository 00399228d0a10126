# make load: the invariants of the database after the load (run through `odoo-bin shell`).
# Prints one line per invariant, "invariant | violations", and exits non-zero on any.
# ruff: noqa: F821  (env is given by odoo-bin shell)
import os
import sys

from odoo.tools import SQL, float_compare

since = os.environ["LOAD_SINCE"]  # UTC timestamp of the load's start
cr = env.cr
rows = []


def check(label, violations, sample=()):
    rows.append((label, violations, list(sample)[:5]))


# 1. every approval decided once: one decision per step of a round, each with its decider
cr.execute(SQL("""
    SELECT res_model, res_id, purpose, round, sequence, COUNT(*)
      FROM intl_approval_line
     WHERE state IN ('approved', 'rejected') AND write_date >= %s
  GROUP BY res_model, res_id, purpose, round, sequence HAVING COUNT(*) > 1""", since))
twice = cr.fetchall()
cr.execute(SQL("""
    SELECT id FROM intl_approval_line
     WHERE state IN ('approved', 'rejected') AND write_date >= %s
       AND (decided_by_id IS NULL OR decided_on IS NULL)""", since))
undecided = cr.fetchall()
check("approval steps decided more than once", len(twice), twice)
check("decisions without decider or date", len(undecided), undecided)

# 2. every trip's money balanced: the advances account says what the trip says, and no trip
#    got more advances than its estimate (two accountants on the same trip)
trips = env["intl.trip"].search([("write_date", ">=", since), ("payment_ids", "!=", False)])
unbalanced, overpaid = [], []
for trip in trips:
    currency = trip.company_id.currency_id
    booked = sum(trip._advance_move_lines().mapped("balance"))
    if trip.money_currency_id == currency and float_compare(
            booked, trip.amount_balance, precision_rounding=currency.rounding):
        unbalanced.append((trip.name, booked, trip.amount_balance))
    # the posting's rule: the advances, in the trip's money currency, within the estimate in that
    # currency at the rate of an advance's date (each posting checked it at its own date)
    advances = trip.payment_ids.filtered(lambda p: p.state == "posted" and p.kind == "advance")
    if advances:
        money = trip.money_currency_id
        estimate = max(trip._intl_estimate_in(money, day) for day in set(advances.mapped("date")))
        advanced = trip._intl_advanced_in(money)
        if money.compare_amounts(advanced, estimate) > 0:
            overpaid.append((trip.name, money.name, advanced, money.round(estimate)))
check(f"trips paid during the load ({len(trips)}): advances account != trip balance",
      len(unbalanced), unbalanced)
check("trips advanced more than their estimate", len(overpaid), overpaid)

# 3. no record in a status its lifecycle forbids: a trip waits at exactly the step it is in,
#    an approved trip has nothing pending, a draft has no decision of its round
cr.execute(SQL("""
    SELECT t.id, t.state, COUNT(l.id) FILTER (WHERE l.state = 'pending')
      FROM intl_trip t
 LEFT JOIN intl_approval_line l ON l.res_model = 'intl.trip' AND l.res_id = t.id
       AND l.round = (SELECT MAX(round) FROM intl_approval_line m
                       WHERE m.res_model = 'intl.trip' AND m.res_id = t.id)
     WHERE t.write_date >= %s
  GROUP BY t.id, t.state""", since))
wrong = [(trip_id, state, pending) for trip_id, state, pending in cr.fetchall()
         if (state in ("to_head", "to_dic", "to_management") and pending != 1)
         or (state in ("approved", "returned", "done") and pending)]
check("trips in a status their approval round contradicts", len(wrong), wrong)
states = dict(env["intl.trip"]._fields["state"].selection)
cr.execute(SQL("SELECT id, state FROM intl_trip WHERE state NOT IN %s", tuple(states)))
unknown = cr.fetchall()
check("trips in an unknown status", len(unknown), unknown)
cr.execute(SQL("""
    SELECT r.id FROM intl_trip_advance_report r JOIN intl_trip t ON t.id = r.trip_id
     WHERE r.create_date >= %s AND t.state NOT IN ('returned', 'done')""", since))
early = cr.fetchall()
check("advance reports of trips not back", len(early), early)

cr.execute(SQL("SELECT COUNT(*) FROM intl_trip WHERE create_date >= %s", since))
created = cr.fetchone()[0]
cr.execute(SQL("""SELECT COUNT(*) FROM intl_approval_line
                   WHERE state = 'approved' AND decided_on >= %s""", since))
decided = cr.fetchone()[0]
print(f"database after the load: {created} trips created, {decided} approval steps decided")
width = max(len(label) for label, _count, _sample in rows)
print(f"| {'invariant'.ljust(width)} | violations |")
print(f"|{'-' * (width + 2)}|------------|")
for label, count, sample in rows:
    print(f"| {label.ljust(width)} | {count:>10} |" + (f" e.g. {sample}" if sample else ""))
sys.stdout.flush()
if any(count for _label, count, _sample in rows):
    sys.exit(1)
