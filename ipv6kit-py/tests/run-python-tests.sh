#!/usr/bin/env bash
# The Python step of the test command. Run it inside an active venv that has maturin, pytest,
# hypothesis, mypy, nbclient, nbformat and ipykernel (tools/test-all.sh makes one).
#
# 1. builds and installs ipv6kit from ipv6kit-py/ into the venv (maturin, PEP 517, abi3);
# 2. runs the pytest suite (with hypothesis property tests);
# 3. checks the .pyi stubs against the module (mypy.stubtest);
# 4. type-checks the tests with mypy --strict (through the installed stubs);
# 5. executes every notebook in examples/notebooks/ headless (nbclient).
# Any failure fails the script.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PY=${PYTHON:-python}

if [ -z "${VIRTUAL_ENV:-}" ] && ! "$PY" -c 'import sys; sys.exit(sys.prefix == sys.base_prefix)'; then
    echo "run-python-tests.sh: activate a venv first" >&2
    exit 2
fi

step() { echo "== python: $*"; }

step "build and install ipv6kit (maturin, release)"
# No build isolation: maturin comes from the venv, nothing is fetched.
"$PY" -m pip install -q --disable-pip-version-check --no-build-isolation --force-reinstall --no-deps "$ROOT/ipv6kit-py"

# Run the checks from a neutral directory so that `import ipv6kit` finds the installed
# package (with its compiled module and stubs), never a source folder.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

step "pytest"
"$PY" -m pytest -q -p no:cacheprovider "$HERE"

step "stubtest"
"$PY" -m mypy.stubtest ipv6kit

step "mypy --strict on the tests"
"$PY" -m mypy --strict --no-incremental --cache-dir=/dev/null "$HERE"

step "notebooks (headless)"
shopt -s nullglob
notebooks=("$ROOT"/examples/notebooks/*.ipynb)
if [ ${#notebooks[@]} -eq 0 ]; then
    echo "no notebooks in examples/notebooks" >&2
    exit 1
fi
"$PY" - "${notebooks[@]}" <<'PYEOF'
import pathlib
import sys

import nbformat
from nbclient import NotebookClient

for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    # Run from the notebook's folder, as Jupyter does (the notebook reads ../../ipv6kit/tests/data).
    folder = str(pathlib.Path(path).parent)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": folder}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    if errors:
        sys.exit(f"{path}: {len(errors)} cell(s) failed")
    print(f"{path}: {sum(c.cell_type == 'code' for c in nb.cells)} code cells ran")
PYEOF
echo "== python: all passed"
