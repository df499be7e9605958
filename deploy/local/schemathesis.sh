#!/usr/bin/env bash
# Schemathesis, from PyPI, for the admin API's schema-driven fuzzing test
# (tests/e2e/admin/schemathesis.int.test.ts): a virtualenv under .data/schemathesis with the
# pinned versions of deploy/local/schemathesis/requirements.txt. `.ci/run` calls it; run it once
# by hand to fuzz locally. Safe to run twice: an install that matches the pins is left alone.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REQUIREMENTS="$ROOT/deploy/local/schemathesis/requirements.txt"
DATA="${PANDAWA_DATA_DIR:-$ROOT/.data}"
VENV="$DATA/schemathesis"
STAMP="$VENV/pinned-requirements.txt"

log() { printf '[schemathesis] %s\n' "$*" >&2; }

if [[ -x "$VENV/bin/schemathesis" ]] && cmp -s "$REQUIREMENTS" "$STAMP"; then
  log "installed: $("$VENV/bin/schemathesis" --version)"
  exit 0
fi
command -v python3 >/dev/null || { log "python3 is needed (3.10 or newer)"; exit 1; }

rm -rf "$VENV"
mkdir -p "$DATA"
if python3 -m venv "$VENV" 2>/dev/null; then
  PIP=("$VENV/bin/python" -m pip)
elif python3 -m pip --version >/dev/null 2>&1; then
  # No ensurepip (Debian without python3-venv): an empty venv, filled by the system's pip.
  rm -rf "$VENV"
  python3 -m venv --without-pip "$VENV"
  PIP=(python3 -m pip --python "$VENV/bin/python")
else
  log "python3 has neither venv with pip nor pip: apt-get install python3-venv (or python3-pip)"
  exit 1
fi
log "installing $(grep '^schemathesis==' "$REQUIREMENTS") into $VENV"
"${PIP[@]}" install --quiet --disable-pip-version-check --no-input -r "$REQUIREMENTS"
cp "$REQUIREMENTS" "$STAMP"
log "installed: $("$VENV/bin/schemathesis" --version)"
