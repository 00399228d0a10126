#!/usr/bin/env bash
# make lint: ruff and pylint-odoo (the OCA plugin) over the addon.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
bash "$ROOT/scripts/prepare.sh" >/dev/null
cd "$ROOT"
.venv/bin/ruff check .
.venv/bin/pylint --rcfile=.pylintrc --load-plugins=pylint_odoo -j 2 \
    models wizards tests hooks.py __init__.py __manifest__.py
