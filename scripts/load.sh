#!/usr/bin/env bash
# make load: the server as production runs it (WORKERS=4 HTTP workers, one cron worker) on a
# demo database, driven by USERS concurrent browsers (Locust, scripts/load_locust.py) for
# DURATION; then one table: requests, failures (any 5xx, any traceback), p50/p95/p99 per kind,
# throughput, and the invariants checked in the database (scripts/load_check.py).
#   LOAD_DB=intl_load (created with the module's demo data when missing; RESET_LOAD=1 rebuilds)
#   USERS=200 SPAWN=4 DURATION=3m WORKERS=4 LOAD_PORT=8403
#   THINK=5-15 (seconds a person reads between two clicks; THINK=1-3 is a stress pace)
#   RELOAD=0.1 (share of visits that reload the web client page)
# Locust lives in a virtualenv of its own (requirements-load.txt): it needs a newer gevent
# than the one Odoo pins. CI does not run this.
set -uo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/prepare.sh" || exit 2
LOAD_DB=${LOAD_DB:-intl_load}
USERS=${USERS:-200}
SPAWN=${SPAWN:-4}  # the morning rush: 200 people open the web client within a minute
DURATION=${DURATION:-3m}
WORKERS=${WORKERS:-4}
[ "$WORKERS" = 0 ] && WORKERS=4  # make's default WORKERS=0 is the development server
LOAD_PORT=${LOAD_PORT:-8403}
THINK=${THINK:-5-15}
RELOAD=${RELOAD:-0.1}
export THINK RELOAD
LOAD_VENV=${LOAD_VENV:-$CACHE_DIR/venv-load}
OUT="$ROOT/.test-logs/load-$(date +%s)"
mkdir -p "$OUT"

if ! "$LOAD_VENV/bin/python" -c "import locust" 2>/dev/null; then
    echo "== installing Locust into $LOAD_VENV (requirements-load.txt)"
    "$PYTHON" -m venv "$LOAD_VENV" && "$LOAD_VENV/bin/pip" install -q -r "$ROOT/requirements-load.txt" \
        || { echo "Locust could not be installed"; exit 2; }
fi

if [ "${RESET_LOAD:-0}" = 1 ]; then dropdb --if-exists "$LOAD_DB"; fi
if ! psql -lqt | cut -d'|' -f1 | grep -qw "$LOAD_DB"; then
    echo "== creating $LOAD_DB with the module and its demo data"
    "$PY" "$ODOO_HOME/odoo-bin" --addons-path="$ADDONS_PATH" -d "$LOAD_DB" -i intl_cooperation \
        --stop-after-init --log-level=warn --http-port="$LOAD_PORT" --workers=0 --max-cron-threads=0 \
        || { echo "the load database could not be created"; exit 2; }
fi

since=$(date -u +"%Y-%m-%d %H:%M:%S")
echo "== serving $LOAD_DB with $WORKERS workers and one cron worker on port $LOAD_PORT (log: ${OUT#"$ROOT"/}/server.log)"
# The browsers of a university run on other machines: here Locust shares the two cores with the
# server, so the server runs one nice level down and Locust sends each request as soon as it
# opened its connection (a starved Locust that connects and writes 2 s later meets Odoo's
# socket timeout, ODOO_HTTP_SOCKET_TIMEOUT, and a reset: an artefact of this machine, which in
# production a buffering reverse proxy in front of Odoo removes).
nice -n "${SERVER_NICE:-5}" "$PY" "$ODOO_HOME/odoo-bin" --addons-path="$ADDONS_PATH" -d "$LOAD_DB" --db-filter="^${LOAD_DB}\$" \
    --workers="$WORKERS" --max-cron-threads=1 --http-port="$LOAD_PORT" --gevent-port=$((LOAD_PORT + 1)) \
    --limit-time-real=300 --limit-time-cpu=120 --db_maxconn=64 --log-level=warn \
    --logfile="$OUT/server.log" &
server=$!
stop_server() { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; }
trap stop_server EXIT
for _i in $(seq 1 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$LOAD_PORT/web/login" && break
    sleep 1
done
# every worker loads the registry on its first request, and the first /web builds the asset
# bundles once for the database: warm them all before measuring, as a server in use is
curl -s -o /dev/null -m 300 -c "$OUT/warm.cookies" -H "Content-Type: application/json" \
    -d "{\"jsonrpc\": \"2.0\", \"params\": {\"db\": \"$LOAD_DB\", \"login\": \"requester\", \"password\": \"intl\"}}" \
    "http://127.0.0.1:$LOAD_PORT/web/session/authenticate"
curl -s -o /dev/null -m 300 -b "$OUT/warm.cookies" "http://127.0.0.1:$LOAD_PORT/web"
for _i in $(seq 1 $((WORKERS * 3))); do
    curl -s -o /dev/null -m 300 -b "$OUT/warm.cookies" "http://127.0.0.1:$LOAD_PORT/web" &
done
wait_warm=$(jobs -p | grep -v "^$server\$")
# shellcheck disable=SC2086
[ -n "$wait_warm" ] && wait $wait_warm

echo "== $USERS users (spawned $SPAWN a second, $THINK s between clicks) for $DURATION"
LOAD_DB="$LOAD_DB" LOAD_REFUSALS="$OUT/refusals" LOAD_TIMES="$OUT/times.json" "$LOAD_VENV/bin/locust" -f "$ROOT/scripts/load_locust.py" \
    --headless -u "$USERS" -r "$SPAWN" -t "$DURATION" --stop-timeout 30 \
    --host "http://127.0.0.1:$LOAD_PORT" --csv "$OUT/load" --only-summary >"$OUT/locust.log" 2>&1
stop_server
trap - EXIT

tracebacks=$(grep -c "Traceback" "$OUT/server.log")
server_errors=$(grep -cE " (ERROR|CRITICAL) " "$OUT/server.log")
"$LOAD_VENV/bin/python" - "$OUT" "$WORKERS" "$USERS" "$DURATION" "$tracebacks" "$server_errors" "$THINK" "$SPAWN" <<'EOF'
import csv
import sys

out, workers, users, duration, tracebacks, server_errors, think, spawn = sys.argv[1:]
with open(f"{out}/load_stats.csv") as handle:
    rows = list(csv.DictReader(handle))
import json
try:
    with open(f"{out}/refusals") as handle:
        refused = json.load(handle)
except (OSError, ValueError):
    refused = {}
print(f"make load: {users} users ({think} s between clicks), {workers} workers + 1 cron worker, {duration}")
print(f"| {'kind':32} | {'requests':>8} | {'errors':>6} | {'p50 ms':>6} | {'p95 ms':>6} | {'p99 ms':>6} | {'req/s':>6} |")
print(f"|{'-' * 34}|{'-' * 10}|{'-' * 8}|{'-' * 8}|{'-' * 8}|{'-' * 8}|{'-' * 8}|")
for row in rows:
    name = row["Name"] if row["Name"] != "Aggregated" else "ALL"
    print(f"| {name[:32]:32} | {row['Request Count']:>8} | {row['Failure Count']:>6} | {row['50%']:>6} "
          f"| {row['95%']:>6} | {row['99%']:>6} | {float(row['Requests/s']):6.1f} |")
total = sum(sum(kind.values()) for kind in refused.values())
print(f"refusals the module gave on purpose (a colleague decided first, not your step): {total}")
for kind, messages in sorted(refused.items()):
    for message, count in sorted(messages.items(), key=lambda item: -item[1])[:2]:
        print(f"  {kind}: {count} x {message}")
print(f"server log: {tracebacks} tracebacks, {server_errors} ERROR lines")

# the steady state: from 30 s after the last user started to the end (the ramp-up, every
# browser opening the web client at once, is in the table above)
try:
    with open(f"{out}/times.json") as handle:
        times = json.load(handle)
except (OSError, ValueError):
    times = []
start = int(users) / float(spawn) + 30
steady = [row for row in times if row[0] >= start]
if steady:
    span = max(row[0] for row in steady) - start or 1


    def cut(rows, share):
        values = sorted(row[2] for row in rows)
        return values[min(len(values) - 1, int(len(values) * share))]

    page = ("web client: page", "web client: menus", "web client: translations", "login")
    clicks = [row for row in steady if row[1] not in page]
    print(f"steady state (from {start:.0f} s to the end):")
    for label, rows in (("all requests", steady), ("clicks (RPC of lists, forms, buttons)", clicks)):
        if rows:
            print(f"  {label}: {len(rows)} requests, {sum(1 for row in rows if row[3])} errors, "
                  f"p50 {cut(rows, 0.5)} ms, p95 {cut(rows, 0.95)} ms, p99 {cut(rows, 0.99)} ms, "
                  f"{len(rows) / span:.1f} requests/s")
EOF
if [ -s "$OUT/load_failures.csv" ] && [ "$(wc -l <"$OUT/load_failures.csv")" -gt 1 ]; then
    echo "failures (first 10):"; head -n 11 "$OUT/load_failures.csv"
fi
grep -B2 -A12 "Traceback" "$OUT/server.log" | head -n 40

LOAD_SINCE="$since" "$PY" "$ODOO_HOME/odoo-bin" shell --addons-path="$ADDONS_PATH" -d "$LOAD_DB" \
    --no-http --log-level=warn < "$ROOT/scripts/load_check.py"
invariants=$?
failed=$(awk -F, 'NR > 1 && $2 == "Aggregated" {print $4}' "$OUT/load_stats.csv")
failed=$((${failed:-1} + tracebacks + (invariants != 0)))
total=$(awk -F, 'NR > 1 && $2 == "Aggregated" {print $3}' "$OUT/load_stats.csv")
echo "load: $((${total:-0} - ${failed})) passed, $failed failed"
[ "$failed" -eq 0 ]
