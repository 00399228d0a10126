#!/usr/bin/env bash
# The printed forms use DejaVu Sans (static/src/scss/intl_report.scss): one font
# with Latin, Cyrillic and the Kazakh letters (ә ғ қ ң ө ұ ү һ і), so that
# wkhtmltopdf keeps the text of every print (English included) searchable.
# Run by `make run` and `make test`; installs Debian's fonts-dejavu-core when missing.
set -euo pipefail
if command -v fc-list >/dev/null && fc-list 2>/dev/null | grep -q "DejaVu Sans:"; then
    exit 0
fi
if [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
    exit 0
fi
echo "== installing fonts-dejavu-core (the font of the printed forms) from Debian"
if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi
"${SUDO[@]}" apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -q fonts-dejavu-core fontconfig >/dev/null
