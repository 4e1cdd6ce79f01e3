#!/usr/bin/env bash
# One command to set up and run Sportello, one to set up and run the whole test suite.
#
#   bash tools/dev.sh run  [sportello arguments]   # starts the app (embedded SQLite default)
#   bash tools/dev.sh test [pytest arguments]      # import contracts, ruff, every test
#
# Both create .venv (Python 3.11+), install the project and, on Debian/Ubuntu, the system
# libraries Qt needs when they are missing. `test` also starts a throw-away PostgreSQL
# server on loopback for the storage and service tests and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV=${SPORTELLO_VENV:-$ROOT/.venv}
MODE=${1:-run}
[ $# -gt 0 ] && shift

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

APT_UPDATED=
apt_install() {
  # Installs the named Debian packages that are not installed yet.
  command -v dpkg >/dev/null || return 0
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installo pacchetti di sistema: ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq || true; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "Impossibile installare ${missing[*]}: installarli a mano." >&2; return 1; }
}

QT_LIBS=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
         libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
         libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-xinerama0)

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "Serve Python 3.11 o più recente." >&2; exit 2
}

setup_venv() {
  local py; py=$(find_python)
  if [ ! -x "$VENV/bin/python" ]; then
    say "Creo l'ambiente virtuale in $VENV"
    if ! "$py" -m venv "$VENV" 2>/dev/null; then
      apt_install python3-venv && rm -rf "$VENV" && "$py" -m venv "$VENV"
    fi
  fi
  local stamp="$VENV/.sportello-installed"
  local want; want=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "Installo Sportello e le sue dipendenze"
    "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
    "$VENV/bin/python" -m pip install -q -e ".[test]"
    echo "$want" > "$stamp"
  fi
}

PG_DIR=
start_postgres() {
  [ -n "${SPORTELLO_TEST_PG_URL:-}" ] && return 0
  local initdb
  initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n1 || true)
  if [ -z "$initdb" ]; then
    apt_install postgresql || true
    initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n1 || true)
  fi
  if [ -z "$initdb" ]; then
    say "PostgreSQL non disponibile: i test PostgreSQL saranno saltati"; return 0
  fi
  local bin; bin=$(dirname "$initdb")
  PG_DIR=$(mktemp -d /tmp/sportello-pg.XXXXXX)
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home "$PG_DIR" postgres
    chown postgres "$PG_DIR"; run=(runuser -u postgres --)
  fi
  local port=${SPORTELLO_TEST_PG_PORT:-}
  if [ -z "$port" ]; then  # a free port, so that parallel runs do not collide
    port=$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  fi
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c max_connections=200" start >/dev/null
  export SPORTELLO_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m fast stop)
  trap 'stop_postgres' EXIT
  say "PostgreSQL di prova avviato su 127.0.0.1:$port"
}
stop_postgres() {
  [ -n "$PG_DIR" ] || return 0
  "${PG_STOP[@]}" >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}

case "$MODE" in
  run)
    apt_install "${QT_LIBS[@]}" || true
    setup_venv
    exec "$VENV/bin/sportello" "$@"
    ;;
  test)
    apt_install "${QT_LIBS[@]}" poppler-utils || true
    setup_venv
    start_postgres
    export QT_QPA_PLATFORM=offscreen
    say "Controllo i contratti delle importazioni (livelli, nessun ciclo, il core non importa Qt)"
    "$VENV/bin/lint-imports"
    say "Controllo con ruff: nomi privati usati da altri moduli, moduli importati per nome, pyflakes"
    "$VENV/bin/ruff" check src tests
    say "Eseguo i test"
    set +e
    "$VENV/bin/python" -m pytest "$@"
    rc=$?
    set -e
    exit $rc
    ;;
  *)
    echo "uso: bash tools/dev.sh run|test [argomenti]" >&2; exit 2 ;;
esac
