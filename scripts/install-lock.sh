#!/usr/bin/env bash
# Install a lock (requirements*.txt) into a venv exactly as it is written.
#   scripts/install-lock.sh .venv/bin/python requirements.txt
# --no-deps: pip never resolves a dependency against the index. Without it, the
# pip that `python3 -m venv` brings resolves extras (weasyprint's fonttools[woff])
# against the newest release on the index, and one upstream release breaks every
# fresh install. `pip check` then proves that the locked set is complete.
set -euo pipefail
python=$1 lock=$2
"$python" -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r "$lock"
if ! problems=$("$python" -m pip check 2>&1); then
  echo "$problems" >&2
  echo "$lock ei ole täydellinen: aja make lock ja commitoi lukkotiedostot." >&2
  exit 1
fi
