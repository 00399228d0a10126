# Sourced by the other scripts: where things live.
# The virtualenv and the addons folder stay outside the checkout: Odoo's term
# extraction walks the module folder (following links), so neither may be inside it.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_HOME=${ODOO_HOME:-/opt/odoo18}
PYTHON=${PYTHON:-python3}
CACHE_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/intl_cooperation
VENV=${VENV:-$CACHE_DIR/venv}
ADDONS_DIR=${ADDONS_DIR:-$CACHE_DIR/addons-$(printf '%s' "$ROOT" | sha1sum | cut -c1-10)}
PY="$VENV/bin/python"
ADDONS_PATH="$ODOO_HOME/odoo/addons,$ADDONS_DIR"
