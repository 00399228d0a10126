#!/usr/bin/env bash
# make test-core: Odoo's own test suites of what the module extends, run with the module
# installed first, so that Odoo's tests run with the module in the registry. Ends with
# "N passed, N failed" like make test.
#   CORE=all (default): test_resource, test_mail, and the post-install tests of hr,
#                       hr_holidays and account
#   CORE=fast (CI):     test_resource (the working time the module extends), the post-install
#                       tests of hr and account's TestAccountPaymentMethodLine (both failed once
#                       because of the module's fields on employees and contacts)
#   CORE_TAGS=spec,...: only these of Odoo's tests (Odoo's --test-tags specs), e.g.
#                       CORE_TAGS=/account:TestAccountPaymentMethodLine make test-core
# Odoo's tests that fail here for reasons of their own, not of the module (2026-12-07):
# - hr TestHrEmployeeWebJson: Odoo serves /json only on a database with demo data or with the
#   parameter web.json.enabled (web/controllers/json.py, _check_json_route_active); this database
#   is installed without demo data, so the parameter is set before Odoo's tests run (the test
#   passes with the module installed on a demo database too).
# - hr_holidays TestExpiringLeaves.test_allocation_with_max_carryover_and_expiring_allocation:
#   written with fixed dates (allocations of 2024, a target date of 2025-12-30) and compared with
#   today's; since 2025-12-31 it fails the same way on a database with hr_holidays alone, without
#   the module ("False != '12/31/2025'"): left out.
# - account TestAccountPayment.test_resequence_change_payment_name: a fixed year too (below).
# - test_resource TestCalendar.test_get_work_hours_count: a time zone of hr_holidays (below).
# hr TestSelfAccessProfile failed too and is fixed (the employee's counters on the public profile).
# - account TestUi.test_01_account_tour: fails without the module too (below).
# hr_holidays TestAccessRightsWrite.test_leave_manager_to_validate_by_user failed too (the module
# refused an empty change of working time) and is fixed.
# account TestAccountPaymentMethodLine failed too (setUpClass: an accountant duplicating a contact
# could not read the DIC-only passport fields) and is fixed (those fields are not copied).
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
# Left out: account's TestAccountPayment.test_resequence_change_payment_name posts a payment dated
# today and renames it 'PBNK1/2025/00002'; the resequence wizard keeps the year of the payment's
# date, so from 2026 on it gets 'PBNK1/2026/00002' != 'PBNK1/2025/00002'. Proof (2026-12-07): on a
# fresh database with only the module's dependencies (hr, hr_holidays, contacts, account, mail,
# portal, report_xlsx; no intl_cooperation) `odoo-bin --test-enable --test-tags
# /account:TestAccountPayment.test_resequence_change_payment_name` fails with this same message.
SKIP_ACCOUNT_DATED="-/account:TestAccountPayment.test_resequence_change_payment_name"
# Left out: account's TestUi.test_01_account_tour ends "Tour finished with an open form view in
# edition mode." the same way on that database without the module (2026-12-07, --test-tags
# /account:TestUi.test_01_account_tour).
SKIP_ACCOUNT_TOUR="-/account:TestUi.test_01_account_tour"
# Two runs on one database: (1) test_resource and test_mail are installed after the module (their
# at-install and post-install tests run); (2) without -i/-u Odoo runs the post-install tests of every
# installed module that match the tags: those of hr, hr_holidays and account (no update needed).
case "${CORE:-all}" in
    fast) tags1="/test_resource"; tags2="post_install/hr,/account:TestAccountPaymentMethodLine" ;;
    all) tags1="/test_resource,/test_mail"
         tags2="post_install/hr,post_install/hr_holidays,post_install/account" ;;
    *) echo "CORE is fast or all"; echo "0 passed, 1 failed"; exit 2 ;;
esac
# CORE_TAGS narrows to some of Odoo's tests, e.g.
#   CORE_TAGS=/account:TestAccountPaymentMethodLine,/test_resource:TestResMixin make test-core
# tags of test_resource/test_mail go to run (1), the others (hr, hr_holidays, account) to run (2)
if [ -n "${CORE_TAGS:-}" ]; then
    tags1=""; tags2=""
    IFS=',' read -r -a specs <<<"$CORE_TAGS"
    for spec in "${specs[@]}"; do
        case "$spec" in
            */test_resource*|*/test_mail*) tags1="${tags1:+$tags1,}$spec" ;;
            *) tags2="${tags2:+$tags2,}$spec" ;;
        esac
    done
fi
install=""
[[ "$tags1" == */test_resource* ]] && install="test_resource"
[[ "$tags1" == */test_mail* ]] && install="${install:+$install,}test_mail"
SKIPS="$SKIP,$SKIP_DATED,$SKIP_ACCOUNT_DATED,$SKIP_ACCOUNT_TOUR"
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
rc=0
if [ -n "$tags1" ]; then
    echo "== (1) installing $install after it, running Odoo's tests: $tags1"
    "$PY" "$ODOO_HOME/odoo-bin" --addons-path="$ADDONS_PATH" -d "$DB" -i "$install" \
        --test-enable --test-tags "$tags1,$SKIPS" --stop-after-init --log-level=info "${PORT_ARGS[@]}" >>"$LOG" 2>&1 \
        || rc=$?
fi
if [ -n "$tags2" ]; then
    echo "== (2) running the post-install tests of Odoo's modules: $tags2"
    "$PY" "$ODOO_HOME/odoo-bin" --addons-path="$ADDONS_PATH" -d "$DB" \
        --test-enable --test-tags "$tags2,$SKIPS" --stop-after-init --log-level=info "${PORT_ARGS[@]}" >>"$LOG" 2>&1 \
        || rc=$?
fi
dropdb --if-exists "$DB" >/dev/null 2>&1
grep -E "^(FAIL|ERROR):" "$LOG" | head -n 40
runs=$(( ${tags1:+1}+0 + ${tags2:+1}+0 ))
summaries=$(grep -E "[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests" "$LOG")
if [ "$(grep -c . <<<"$summaries")" -lt "$runs" ] || [ -z "$summaries" ]; then
    echo "The test run did not finish (exit $rc); see $LOG"
    tail -n 30 "$LOG"
    echo "0 passed, 1 failed"
    exit 1
fi
read -r failed errors total < <(sed -E 's/.* ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' \
    <<<"$summaries" | awk '{f += $1; e += $2; t += $3} END {print f, e, t}')
# a skipped subtest is not a test ("of N tests" counts tests): not counted
skipped=$(grep -E " INFO [^ ]+ [^ ]+: skipped .* : " "$LOG" | grep -cv ": skipped Subtest ")
bad=$((failed + errors))
passed=$((total - bad - skipped))
[ "$passed" -lt 0 ] && passed=0
[ "$rc" -ne 0 ] && [ "$bad" -eq 0 ] && bad=1
echo "Odoo's suites (${tags1}${tags1:+${tags2:+,}}${tags2}) with intl_cooperation installed: $(( $(date +%s) - started )) s;" \
     "$skipped skipped by Odoo's own conditions"
echo "$passed passed, $bad failed"
[ "$bad" -eq 0 ]
