#!/usr/bin/env bash
# make test: install the module with its tests on a fresh throw-away database,
# run unit tests and browser tours, and end with "N passed, N failed".
set -uo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/prepare.sh" || exit 2
bash "$ROOT/scripts/fonts.sh" || exit 2

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v msgfmt >/dev/null || missing+=(gettext)
if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]} from Debian"
    if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi
    "${SUDO[@]}" apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -q "${missing[@]}" fonts-dejavu-core >/dev/null
fi
# a tool still missing would only skip the tests that need it: stop here instead
still=()
for tool in chromium wkhtmltopdf pdftotext msgfmt; do command -v "$tool" >/dev/null || still+=("$tool"); done
if [ ${#still[@]} -gt 0 ]; then
    echo "Still missing after the install step: ${still[*]} (apt-get install chromium wkhtmltopdf"
    echo "poppler-utils gettext); the tours and print checks cannot run without them."
    echo "0 passed, 1 failed"
    exit 2
fi
# a run narrowed by TEST_TAGS says so on its closing line
PARTIAL=""
if [ -n "${TEST_TAGS:-}" ] && [ "${TEST_TAGS}" != "/intl_cooperation" ]; then PARTIAL="partial: "; fi

# The whole suite runs in TEST_JOBS shares (2 by default, one per core of a 2-core machine), each
# on its own fresh database and port (TEST_PORT, TEST_PORT+2, ...): every test class is in exactly
# one share (scripts/test_split.py); TEST_JOBS=1 runs it in one process. A TEST_TAGS run is one share.
JOBS=${TEST_JOBS:-2}
if [ -n "${TEST_TAGS:-}" ] || [ "$JOBS" -le 1 ]; then
    SHARES=("${TEST_TAGS:-/intl_cooperation}")
else
    mapfile -t SHARES < <("$PY" "$ROOT/scripts/test_split.py" "$JOBS") || exit 2
    [ ${#SHARES[@]} -eq "$JOBS" ] || { echo "scripts/test_split.py gave no shares"; echo "0 passed, 1 failed"; exit 2; }
fi
STAMP="intl_test_$(date +%s)_$$"
mkdir -p "$ROOT/.test-logs"
LOGS=()
PIDS=()
for i in "${!SHARES[@]}"; do
    if [ ${#SHARES[@]} -eq 1 ]; then DB="$STAMP"; else DB="${STAMP}_$((i + 1))"; fi
    LOG="$ROOT/.test-logs/$DB.log"
    LOGS+=("$LOG")
    dropdb --if-exists "$DB" >/dev/null 2>&1
    echo "== testing on fresh database $DB (log: ${LOG#"$ROOT"/})"
    (
        "$PY" "$ODOO_HOME/odoo-bin" \
            --addons-path="$ADDONS_PATH" -d "$DB" \
            -i intl_cooperation --test-enable --test-tags "${SHARES[$i]}" \
            --stop-after-init --log-level=info --http-port="$(( ${TEST_PORT:-8169} + 2 * i ))" --workers=0 \
            --max-cron-threads=0 >"$LOG" 2>&1
        code=$?
        dropdb --if-exists "$DB" >/dev/null 2>&1
        exit $code
    ) &
    PIDS+=($!)
done
rc=0
for pid in "${PIDS[@]}"; do wait "$pid" || rc=$?; done

failed=0; errors=0; total=0; skipped=0; unfinished=0
: >"$ROOT/.test-logs/$STAMP.warnings"
for LOG in "${LOGS[@]}"; do
    # Problems worth failing on: errors, and warnings that concern this module.
    grep -E " (ERROR|CRITICAL) " "$LOG" | grep -v "odoo.tests.result" | head -n 40
    grep -E " WARNING " "$LOG" | grep -iE "intl_cooperation|intl\.|access rules|deprecated|translat" \
        | grep -v "odoo.tests.result" | head -n 40 > "$LOG.warnings"
    cat "$LOG.warnings"
    cat "$LOG.warnings" >>"$ROOT/.test-logs/$STAMP.warnings"
    grep -E "^(FAIL|ERROR):|Traceback" "$LOG" | head -n 20 || true

    summary=$(grep -E "[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests" "$LOG" | tail -n 1)
    if [ -z "$summary" ]; then
        echo "The test run did not finish (exit $rc); see $LOG"
        tail -n 30 "$LOG"
        unfinished=1
        continue
    fi
    failed=$((failed + $(sed -E 's/.* ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1/' <<<"$summary")))
    errors=$((errors + $(sed -E 's/.* ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\2/' <<<"$summary")))
    total=$((total + $(sed -E 's/.* ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\3/' <<<"$summary")))
    # Odoo counts a skipped test among the tests run: a skip is not a pass here, it fails the run
    skipped=$((skipped + $(grep -cE " INFO [^ ]+ [^ ]+: skipped .* : " "$LOG")))
    grep -E " INFO [^ ]+ [^ ]+: skipped .* : " "$LOG" | head -n 20 | sed -E 's/.*: skipped /skipped: /'
done
if [ "$unfinished" -ne 0 ]; then
    rm -f "$ROOT/.test-logs/$STAMP.warnings"
    echo "${PARTIAL}0 passed, 1 failed"
    exit 1
fi
bad=$((failed + errors))
passed=$((total - bad - skipped))
[ "$passed" -lt 0 ] && passed=0
other=0
if [ "$total" -eq 0 ]; then echo "No test ran."; other=1; fi
if [ -s "$ROOT/.test-logs/$STAMP.warnings" ]; then echo "The install logged warnings about the module (above)."; other=1; fi
rm -f "$ROOT/.test-logs/$STAMP.warnings"
if cat "${LOGS[@]}" | grep -v "odoo.tests.result" | grep -qE " (ERROR|CRITICAL) " && [ "$bad" -eq 0 ]; then
    echo "The run logged errors (above)."; other=1
fi
if [ "$skipped" -gt 0 ]; then echo "$skipped test(s) skipped: a skip fails the run."; fi
if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ] && [ "$other" -eq 0 ]; then echo "Odoo exited $rc."; other=1; fi
if [ -n "$PARTIAL" ]; then echo "Partial run: only ${TEST_TAGS} (the whole suite is 'make test' without TEST_TAGS)."; fi
# the closing line: failures, errors, skips and any other reason to fail count as failed
nfailed=$((bad + skipped + other))
if [ "$skipped" -gt 0 ]; then
    echo "${PARTIAL}$passed passed, $nfailed failed, $skipped skipped"
else
    echo "${PARTIAL}$passed passed, $nfailed failed"
fi
[ "$nfailed" -eq 0 ] || exit 1
exit 0
