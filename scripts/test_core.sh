#!/usr/bin/env bash
# make test-core: Odoo's own test suites of what the module extends, run with the module
# installed first, so that Odoo's tests run with the module in the registry. Ends with
# "N passed, N failed" like make test.
#   CORE=all (default): test_resource, test_mail, and the post-install tests of hr,
#                       hr_holidays and account
#   CORE=fast:          test_resource (CI): the working time the module extends
# Known failures of the hr/hr_holidays part today (2026-12-07), to look into: hr
# TestHrEmployeeWebJson (404 on /json), hr_holidays TestExpiringLeaves (carry-over expiry date);
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
case "${CORE:-all}" in
    fast) install="test_resource"; update=""
          tags="/test_resource,$SKIP" ;;
    all) install="test_resource,test_mail"; update="hr,hr_holidays,account"
         tags="/test_resource,/test_mail,post_install/hr,post_install/hr_holidays,post_install/account,$SKIP" ;;
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
