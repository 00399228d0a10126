#!/usr/bin/env bash
# make bench: ten years of a large university on a fresh database, then one
# table of ratios (see scripts/bench.py); exits non-zero when a goal is missed.
# SCALE=1 (20 000 trips, 2 000 agreements, 1 500 delegations, 3 000 scholar visits,
# 10 000 mobility records), SEED=717.
# KEEP_DB=1 keeps the database afterwards; BENCH_PORT sets the unused HTTP port.
set -uo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/prepare.sh" || exit 2
export SCALE=${SCALE:-1} SEED=${SEED:-717} KEEP_DB=${KEEP_DB:-0}
DB=${BENCH_DB:-"intl_bench_$(date +%s)_$$"}
echo "== installing the module and hr_expense (for the list comparison) on $DB"
"$PY" "$ODOO_HOME/odoo-bin" --addons-path="$ADDONS_PATH" -d "$DB" -i intl_cooperation,hr_expense \
    --without-demo=all --stop-after-init --log-level=warn --http-port="${BENCH_PORT:-8199}" \
    --workers=0 --max-cron-threads=0 || { dropdb --if-exists "$DB"; exit 2; }
echo "== generating and measuring (scale $SCALE, seed $SEED)"
"$PY" "$ODOO_HOME/odoo-bin" shell --addons-path="$ADDONS_PATH" -d "$DB" --no-http --log-level=warn \
    < "$ROOT/scripts/bench.py"
rc=$?
if [ "${KEEP_DB:-0}" != 1 ]; then dropdb --if-exists "$DB"; else echo "== database kept: $DB"; fi
exit $rc
