#!/usr/bin/env bash
# make pot: export the module's terms to i18n/intl_cooperation.pot from a
# throw-away database, then merge the template into i18n/kk.po and i18n/ru.po
# (existing translations kept, new terms added empty, obsolete ones dropped);
# then refresh and check the pack of Odoo's own terms (i18n_pack/, scripts/kk_pack.py).
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/prepare.sh" >/dev/null
DB="intl_pot_$$"
trap 'dropdb --if-exists "$DB" >/dev/null 2>&1' EXIT
ODOO=("$PY" "$ODOO_HOME/odoo-bin"
      --addons-path="$ADDONS_PATH" -d "$DB" --log-level=warn --stop-after-init
      --http-port="${POT_PORT:-8179}")
"${ODOO[@]}" -i intl_cooperation --without-demo=all
"${ODOO[@]}" --modules=intl_cooperation --i18n-export="$ROOT/i18n/intl_cooperation.pot"
"$PY" "$ROOT/scripts/po_merge.py" "$ROOT/i18n/intl_cooperation.pot" \
    "$ROOT/i18n/kk.po" "$ROOT/i18n/ru.po"
# the pack of Odoo's own terms follows the Odoo tree's current .pot files
ODOO_HOME="$ODOO_HOME" "$PY" "$ROOT/scripts/kk_pack.py" refresh check
