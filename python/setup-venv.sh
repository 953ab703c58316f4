#!/usr/bin/env bash
# Prints the path of a Python venv with python/requirements-test.txt installed, creating it on first use. The venv
# lives under ~/.cache/datom-spark (outside target/, so `mvn clean` keeps it) and is named by a hash of the
# requirements: a changed pin gets a new venv, an unchanged one is reused.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
requirements="$here/requirements-test.txt"
key="$(sha256sum "$requirements" | cut -c1-12)"
venv="${DATOM_PYTHON_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/datom-spark/venv-$key}"
if [[ ! -x "$venv/bin/python" || ! -f "$venv/.installed" ]]; then
  rm -rf "$venv"
  "${PYTHON:-python3}" -m venv "$venv" >&2
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements" >&2
  touch "$venv/.installed"
fi
echo "$venv"
