#!/usr/bin/env bash
# make kk-pack: refresh the language pack of Odoo's own terms (i18n_pack/) against
# the .pot files of the Odoo tree in use (kept translations, Odoo's current
# references), check it (msgfmt -c, placeholders, markup), print its size, and
# reload it into database $DB when the module is installed there.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/prepare.sh" >/dev/null
ODOO_HOME="$ODOO_HOME" "$PY" "$ROOT/scripts/kk_pack.py" refresh check stats
DB=${DB:-intl_demo}
if psql -d "$DB" -tAc "select 1 from ir_module_module where name='intl_cooperation' and state='installed'" 2>/dev/null | grep -q 1; then
    echo "== reloading the pack into $DB"
    echo "env['ir.module.module']._intl_load_language_pack(); env.cr.commit()" \
        | "$PY" "$ODOO_HOME/odoo-bin" shell --addons-path="$ADDONS_PATH" -d "$DB" --no-http --log-level=warn >/dev/null
fi
