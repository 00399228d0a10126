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

if psql -d "$DB" -tAc "select 1 from ir_module_module where name='intl_cooperation' and state='installed'" 2>/dev/null | grep -q 1; then
    echo "== reusing database $DB (updating the module)"
    "${ODOO[@]}" -u intl_cooperation --stop-after-init --log-level=warn
else
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
env.cr.commit()
PY
    "${ODOO[@]}" -i intl_cooperation,l10n_kz --stop-after-init --log-level=warn
    echo "== demo records through their real transitions, as the demo users (scripts/demo.py)"
    # Some transitions attach a printed PDF; wkhtmltopdf fetches the report's
    # styles over HTTP, so serve the database while the demo scripts run.
    "${ODOO[@]}" --http-port="$PORT" --max-cron-threads=0 --log-level=warn &
    server=$!
    trap 'kill "$server" 2>/dev/null || true' EXIT
    for _ in $(seq 60); do
        curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/login" && break
        sleep 1
    done
    "${SHELL_CMD[@]}" >/dev/null <<PY
env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:$PORT")
env.cr.commit()
PY
    "${SHELL_CMD[@]}" < "$ROOT/scripts/demo.py"
    "${SHELL_CMD[@]}" < "$ROOT/scripts/demo_degree.py"
    "${SHELL_CMD[@]}" < "$ROOT/scripts/demo_scholar.py"
    "${SHELL_CMD[@]}" >/dev/null <<'PY'
env["ir.config_parameter"].sudo().set_param("report.url", False)
env.cr.commit()
PY
    kill "$server"
    wait "$server" 2>/dev/null || true
    trap - EXIT
fi

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
