#!/usr/bin/env bash
# make test-core: Odoo's own test suites of what the module extends, run with the module
# installed first, so that Odoo's tests run with the module in the registry. Ends with
# "N passed, N failed" like make test.
#   CORE=all (default): test_resource, test_mail, and the post-install tests of hr,
#                       hr_holidays and account
#   CORE=fast:          test_resource (CI): the working time the module extends
# Two of Odoo's tests fail here for reasons of their own, not of the module (2026-12-07):
# - hr TestHrEmployeeWebJson: Odoo serves /json only on a database with demo data or with the
#   parameter web.json.enabled (web/controllers/json.py, _check_json_route_active); this database
#   is installed without demo data, so the parameter is set before Odoo's tests run (the test
#   passes with the module installed on a demo database too).
# - hr_holidays TestExpiringLeaves.test_allocation_with_max_carryover_and_expiring_allocation:
#   written with fixed dates (allocations of 2024, a target date of 2025-12-30) and compared with
#   today's; since 2025-12-31 it fails the same way on a database with hr_holidays alone, without
#   the module ("False != '12/31/2025'"): left out.
# hr TestSelfAccessProfile failed too and is fixed (the employee's counters on the public profile).
# The at-install tests of hr, hr_holidays and account ran when those modules were installed
# without the module; only their post-install tests can run after it.
set -uo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/prepare.sh" || exit 2
# Left out: test_resource's TestCalendar.test_get_work_hours_count fails the same way with hr_holidays
# alone installed before test_resource (35 hours instead of 32): hr_holidays shifts a public holiday
# created by a user whose time zone differs from the schedule's (hr_holidays/models/resource.py,
# _prepare_public_holidays_values); the module depends on hr_holidays and changes nothing there.
SKIP="-/test_resource:TestCalendar.test_get_work_hours_count"
SKIP_DATED="-/hr_holidays:TestExpiringLeaves.test_allocation_with_max_carryover_and_expiring_allocation"
case "${CORE:-all}" in
    fast) install="test_resource"; update=""
          tags="/test_resource,$SKIP" ;;
    all) install="test_resource,test_mail"; update="hr,hr_holidays,account"
         tags="/test_resource,/test_mail,post_install/hr,post_install/hr_holidays,post_install/account,$SKIP,$SKIP_DATED" ;;
    *) echo "CORE is fast or all"; echo "0 passed, 1 failed"; exit 2 ;;
esac
DB="intl_core_$(date +%s)_$$"
LOG="$ROOT/.test-logs/$DB.log"
mkdir -p "$ROOT/.test-logs"
PORT_ARGS=(--http-port="${TEST_PORT:-8169}" --workers=0 --max-cron-threads=0)
started=$(date +%s)
echo "== installing the module on fresh database $DB (log: ${LOG#"$ROOT"/})"
"$PY" "$ODOO_HOME/odoo-bin" --addons-path="$ADDONS_PATH" -d "$DB" -i intl_cooperation \
    --without-demo=all --stop-after-init --log-level=warn "${PORT_ARGS[@]}" >"$LOG" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
    tail -n 30 "$LOG"; dropdb --if-exists "$DB" >/dev/null 2>&1
    echo "0 passed, 1 failed"; exit 1
fi
# Odoo's /json route (hr's TestHrEmployeeWebJson) is on for demo databases only: turned on here
psql -q -d "$DB" -c "INSERT INTO ir_config_parameter (key, value, create_uid, write_uid, create_date, write_date)
                     VALUES ('web.json.enabled', '1', 1, 1, now(), now()) ON CONFLICT (key) DO NOTHING" \
    >>"$LOG" 2>&1
# Odoo runs the post-install tests of the modules installed or updated by the command: hr,
# hr_holidays (and account) are updated so that theirs run, after the module is loaded
echo "== installing $install after it${update:+, updating $update}, running Odoo's tests: $tags"
"$PY" "$ODOO_HOME/odoo-bin" --addons-path="$ADDONS_PATH" -d "$DB" -i "$install" ${update:+-u "$update"} \
    --test-enable --test-tags "$tags" --stop-after-init --log-level=info "${PORT_ARGS[@]}" >>"$LOG" 2>&1
rc=$?
dropdb --if-exists "$DB" >/dev/null 2>&1
grep -E "^(FAIL|ERROR):" "$LOG" | head -n 40
summary=$(grep -E "[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests" "$LOG" | tail -n 1)
if [ -z "$summary" ]; then
    echo "The test run did not finish (exit $rc); see $LOG"
    tail -n 30 "$LOG"
    echo "0 passed, 1 failed"
    exit 1
fi
read -r failed errors total < <(sed -E 's/.* ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' <<<"$summary")
skipped=$(grep -cE " INFO [^ ]+ [^ ]+: skipped .* : " "$LOG")
bad=$((failed + errors))
passed=$((total - bad - skipped))
[ "$passed" -lt 0 ] && passed=0
[ "$rc" -ne 0 ] && [ "$bad" -eq 0 ] && bad=1
echo "Odoo's suites ($tags) with intl_cooperation installed: $(( $(date +%s) - started )) s;" \
     "$skipped skipped by Odoo's own conditions"
echo "$passed passed, $bad failed"
[ "$bad" -eq 0 ]
