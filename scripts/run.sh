#!/usr/bin/env bash
# make run: database $DB with the module, its demo data and kk/ru/en, served on $PORT.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/prepare.sh"
bash "$ROOT/scripts/fonts.sh"
DB=${DB:-intl_demo}
PORT=${PORT:-8069}
WORKERS=${WORKERS:-0}
ODOO=("$PY" "$ODOO_HOME/odoo-bin"
      --addons-path="$ADDONS_PATH" -d "$DB" --db-filter="^$DB\$")
SHELL_CMD=("$PY" "$ODOO_HOME/odoo-bin" shell --addons-path="$ADDONS_PATH" -d "$DB" --no-http --log-level=warn)

db_exists() {
    psql -d postgres -tAc "select 1 from pg_database where datname='$DB'" 2>/dev/null | grep -q 1
}
if [ "${RESET:-0}" = 1 ] && db_exists; then
    echo "== RESET=1: dropping database $DB and its filestore, to rebuild the demo"
    "$PY" "$ODOO_HOME/odoo-bin" db drop "$DB" >/dev/null 2>&1 || true
    if db_exists; then
        echo "could not drop $DB: is a server still connected to it?" >&2
        exit 1
    fi
fi

if psql -d "$DB" -tAc "select 1 from ir_module_module where name='intl_cooperation' and state='installed'" 2>/dev/null | grep -q 1; then
    echo "== reusing database $DB (updating the module; its demo keeps the dates of the day it was built)"
    echo "   to rebuild the demo as of today: RESET=1 make run   (drops $DB and builds it again)"
    "${ODOO[@]}" -u intl_cooperation --stop-after-init --log-level=warn
else
    if db_exists; then
        echo "== database $DB exists without the module: RESET=1 make run drops it and builds the demo" >&2
        exit 1
    fi
    echo "== creating database $DB with the module and demo data (a few minutes)"
    "${ODOO[@]}" -i base --load-language=ru_RU --stop-after-init --log-level=warn
    # The demo university is Kazakh: set its company before Accounting is
    # installed, so that the Kazakh chart (l10n_kz, tenge) is loaded on it.
    "${SHELL_CMD[@]}" >/dev/null <<'PY'
company = env.ref("base.main_company")
env.ref("base.KZT").active = True
company.write({
    "name": "Satbayev University",
    "street": "22 Satbayev Street",
    "city": "Almaty",
    "zip": "050013",
    "country_id": env.ref("base.kz").id,
    "currency_id": env.ref("base.KZT").id,
    "website": "https://satbayev.university",
    "email": "dic@satbayev.university",
    "phone": "+7 727 292 60 25",
})
# the university's papers are dated in its time zone
company.partner_id.tz = "Asia/Almaty"
# the demo scenario runs below, once the module is installed and the database served
env["ir.config_parameter"].sudo().set_param("intl_cooperation.demo_scenario_later", "1")
env.cr.commit()
PY
    "${ODOO[@]}" -i l10n_kz --stop-after-init --log-level=warn
    echo "== the module and its demo data"
    "${ODOO[@]}" -i intl_cooperation --stop-after-init --log-level=warn
    echo "== the demo scenario: demo records through their real transitions, as the demo users (demo_scenario/)"
    # Some transitions attach a printed PDF; wkhtmltopdf fetches the report's styles over HTTP, so
    # serve the database while the scenario runs and point the reports at it. (An install from Apps
    # or odoo-bin -i runs the same scenario during the install.)
    "${ODOO[@]}" --http-port="$PORT" --max-cron-threads=0 --log-level=warn &
    server=$!
    trap 'kill "$server" 2>/dev/null || true' EXIT
    for _ in $(seq 60); do
        curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/login" && break
        sleep 1
    done
    # one static file first: the server lists the modules' static folders once, before wkhtmltopdf
    # asks for several files at the same time
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/static/img/favicon.ico" || true
    "${SHELL_CMD[@]}" >/dev/null <<PY
parameters = env["ir.config_parameter"].sudo()
parameters.set_param("report.url", "http://127.0.0.1:$PORT")
parameters.set_param("intl_cooperation.demo_scenario_later", False)
env["intl.demo.scenario"]._run_demo_scenario()
parameters.set_param("report.url", False)
env.cr.commit()
PY
    kill "$server"
    wait "$server" 2>/dev/null || true
    trap - EXIT
fi
"${SHELL_CMD[@]}" <<'PY'
languages = sorted(code for code, _name in env["res.lang"].get_installed())
missing = {"en_US", "kk_KZ", "ru_RU"} - set(languages)
if missing:
    raise SystemExit(f"languages {sorted(missing)} are not active in this database")
PY

cat <<MSG

International Cooperation is served on http://localhost:$PORT  (database $DB)
Demo logins (password "intl" for each; admin / admin is the administrator):
  requester         Requester (faculty member)
  head              Head of the Department of Software Engineering (unit head approving trips)
  coordinator       Institute Coordinator (Institute of Automation and IT)
  coordinator.geo   Institute Coordinator (Institute of Geology and Oil and Gas)
  dic.officer       DIC Officer
  dic.director      DIC Director
  rector            Management
  legal             Legal Reviewer
  accountant        Accountant
  hr                HR Officer
  registrar         Registrar
MSG
extra=()
if [ "$WORKERS" -gt 0 ]; then
    extra=(--workers="$WORKERS" --max-cron-threads=1)
fi
exec "${ODOO[@]}" --http-port="$PORT" "${extra[@]}"
