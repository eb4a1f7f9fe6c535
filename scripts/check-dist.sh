#!/usr/bin/env bash
# `make dist-check`: retold as a package, the way a user gets it.
#   1. build the sdist and, from it, the wheel; `twine check --strict` both
#   2. the wheel holds every file git tracks under src/retold (templates, static assets, data)
#   3. the wheel installs in a clean venv, and there the example gives the same JSON as the clone
#   4. the install hints work: a missing extra exits 5 naming `pip install 'retold[web]'`; pip
#      resolves that very command against the installed wheel, and the clone form
#      `pip install -e '.[web]'` in the clone
# Usage: scripts/check-dist.sh [path/to/python with build and twine]   (default: .venv/bin/python)
set -euo pipefail

cd "$(dirname "$0")/.."
PY="${1:-.venv/bin/python}"
BASE_PYTHON="${PYTHON:-python3}"
ROOT="$PWD"
EXAMPLE="$ROOT/examples/isis-iraq-2020"
OUT=build/dist-check
rm -rf dist "$OUT"
mkdir -p "$OUT"

echo "dist-check: building the sdist and the wheel" >&2
"$PY" -m build --outdir dist . >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
"$PY" -m twine check --strict dist/*

WHEEL=$(ls dist/retold-*.whl)
"$PY" - "$WHEEL" <<'PY'
import subprocess, sys, zipfile
wheel = set(zipfile.ZipFile(sys.argv[1]).namelist())
tracked = subprocess.run(["git", "ls-files", "src/retold"], capture_output=True, text=True,
                         check=True).stdout.split()
missing = [p for p in tracked if p.removeprefix("src/") not in wheel]
if missing:
    sys.exit("dist-check: files missing from the wheel (see package-data in pyproject.toml): "
             + ", ".join(missing))
print(f"dist-check: the wheel holds all {len(tracked)} tracked files of src/retold", file=sys.stderr)
PY

echo "dist-check: installing the wheel in a clean venv" >&2
"$BASE_PYTHON" -m venv "$OUT/venv"
"$OUT/venv/bin/python" -m pip install -q "$WHEEL"

# Outside the clone, so nothing can come from src/.
(cd "$OUT" && venv/bin/retold compare "$EXAMPLE/original.txt" "$EXAMPLE/retelling.txt" \
   --format json >wheel.json)
.venv/bin/retold compare "$EXAMPLE/original.txt" "$EXAMPLE/retelling.txt" --format json \
  >"$OUT/clone.json"
cmp "$OUT/wheel.json" "$OUT/clone.json" \
  || { echo "dist-check: the wheel's report differs from the clone's" >&2; exit 1; }
echo "dist-check: the installed wheel runs the example (same report as the clone)" >&2
# An HTML page goes through trafilatura and lxml, whose dependencies a plain-text example misses.
(cd "$OUT" && venv/bin/retold compare "$ROOT/tests/fixtures/read/article.html" \
   "$ROOT/tests/fixtures/read/article.html" --format json >html.json) \
  || { echo "dist-check: the installed wheel cannot read an HTML page" >&2; exit 1; }
echo "dist-check: the installed wheel reads an HTML page" >&2

set +e
(cd "$OUT" && venv/bin/retold serve --port 1 2>hint.txt)
code=$?
set -e
if [[ $code != 5 ]] || ! grep -q "pip install 'retold\[web\]'" "$OUT/hint.txt"; then
  echo "dist-check: 'retold serve' without [web] gave exit $code: $(cat "$OUT/hint.txt")" >&2
  exit 1
fi
(cd "$OUT" && venv/bin/python -m pip install -q --dry-run 'retold[web]' >dry-run.txt) \
  || { echo "dist-check: pip cannot resolve 'retold[web]' beside the wheel" >&2; exit 1; }
echo "dist-check: the [web] hint names a command that resolves against the wheel" >&2
(venv_pip="$PWD/$OUT/venv/bin/pip" && cd "$ROOT" && "$venv_pip" install -q --dry-run -e '.[web]') \
  >"$OUT/dry-run-clone.txt" 2>&1 \
  || { cat "$OUT/dry-run-clone.txt" >&2; echo "dist-check: pip cannot resolve -e '.[web]' in the clone" >&2; exit 1; }
echo "dist-check: the hint's clone form, pip install -e '.[web]', resolves too" >&2
echo "dist-check: ok ($(basename "$WHEEL"), $(cd dist && ls *.tar.gz))"
