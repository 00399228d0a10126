#!/usr/bin/env bash
# make lint: ruff and pylint-odoo (the OCA plugin) over the addon.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/prepare.sh" >/dev/null
cd "$ROOT"
"$VENV/bin/ruff" check .
"$VENV/bin/pylint" --rcfile=.pylintrc --load-plugins=pylint_odoo -j 2 \
    models wizards report tests demo_scenario hooks.py __init__.py __manifest__.py
