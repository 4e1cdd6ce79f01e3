#!/usr/bin/env bash
# Regenerate the interface translations from the GUI sources.
#
#   bash tools/i18n.sh
#
# Source strings are Italian (the interface speaks Italian). lupdate merges new and
# changed strings into the .ts files, keeping the translations already made;
# translate the "unfinished" entries of sportello_en.ts (with pyside6-linguist or
# any editor), then run this again: lrelease compiles both .ts files to the .qm
# files the program loads. sportello_it.ts holds only the plural forms (-pluralonly).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${SPORTELLO_VENV:-$(pwd)/.venv}
bin() {
  local name=$1
  if [ -x "$VENV/bin/$name" ]; then echo "$VENV/bin/$name"
  elif command -v "$name" >/dev/null; then command -v "$name"
  else echo "$name non trovato: installare PySide6 (pip install -e .)" >&2; exit 2; fi
}
LUPDATE=$(bin pyside6-lupdate)
LRELEASE=$(bin pyside6-lrelease)
OUT=resources/i18n
mapfile -t SOURCES < <(find src/sportello/gui -name '*.py' | sort)

"$LUPDATE" -locations relative -no-obsolete -source-language it_IT -target-language en_GB \
  "${SOURCES[@]}" -ts "$OUT/sportello_en.ts"
"$LUPDATE" -locations relative -no-obsolete -pluralonly -source-language it_IT -target-language it_IT \
  "${SOURCES[@]}" -ts "$OUT/sportello_it.ts"
"$LRELEASE" "$OUT/sportello_en.ts" "$OUT/sportello_it.ts"

# A translation left empty falls back to the Italian source text at run time.
n=$(grep -c 'type="unfinished"' "$OUT/sportello_en.ts" || true)
echo "sportello_en.ts: $n traduzioni da completare"
