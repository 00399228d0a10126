#!/usr/bin/env bash
# Shared preparation of `make run` and `make test`: Odoo present, virtualenv
# with the pinned requirements, PostgreSQL running with a role for this user,
# and an addons folder where the module is found by its technical name.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "$0")/env.sh"

if [ ! -f "$ODOO_HOME/odoo-bin" ]; then
    echo "Odoo 18 was not found at $ODOO_HOME (no odoo-bin there)." >&2
    echo "Put an Odoo 18.0 source tree there, or set ODOO_HOME to one: see README.md." >&2
    exit 2
fi

if [ ! -x "$VENV/bin/python" ]; then
    echo "== creating the virtualenv $VENV"
    mkdir -p "$(dirname "$VENV")"
    "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.requirements.sha"
want=$(cat "$ROOT/requirements.txt" "$ROOT/requirements-dev.txt" "$ROOT/requirements-addons.txt" \
    | sha1sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "== installing the Python requirements"
    "$VENV/bin/pip" install -q --upgrade pip
    "$VENV/bin/pip" install -q -r "$ROOT/requirements.txt" -r "$ROOT/requirements-dev.txt"
    # Odoo addons published as wheels (OCA report_xlsx): without their "odoo" dependency
    "$VENV/bin/pip" install -q --no-deps -r "$ROOT/requirements-addons.txt"
    echo "$want" > "$stamp"
fi

# PostgreSQL: start the local cluster when it is down, and give this user a role.
if ! pg_isready -q 2>/dev/null; then
    if command -v pg_ctlcluster >/dev/null; then
        cluster=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1" "$2}')
        if [ -n "$cluster" ]; then
            echo "== starting PostgreSQL $cluster"
            # shellcheck disable=SC2086
            pg_ctlcluster $cluster start || true
        fi
    fi
    for _ in $(seq 1 30); do pg_isready -q 2>/dev/null && break; sleep 1; done
fi
if ! pg_isready -q 2>/dev/null; then
    echo "PostgreSQL is not running and could not be started." >&2
    exit 2
fi
me=$(id -un)
if ! psql -d postgres -tAc "select 1" >/dev/null 2>&1; then
    echo "== creating the PostgreSQL role $me"
    if [ "$(id -u)" = 0 ]; then
        su postgres -c "psql -q -c \"CREATE ROLE \\\"$me\\\" SUPERUSER LOGIN\""
    else
        sudo -u postgres psql -q -c "CREATE ROLE \"$me\" SUPERUSER LOGIN"
    fi
fi

# Odoo finds an addon by its folder name: expose this checkout as intl_cooperation.
mkdir -p "$ADDONS_DIR"
ln -sfn "$ROOT" "$ADDONS_DIR/intl_cooperation"
