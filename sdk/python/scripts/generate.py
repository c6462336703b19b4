#!/usr/bin/env python3
"""Generates haven_sdk/api_client from openapi/openapi.json with openapi-python-client
(pinned in requirements-dev.txt) and sets pyproject.toml's version to the document's.

    python3 sdk/python/scripts/generate.py          # write
    python3 sdk/python/scripts/generate.py --check  # exit 1 when the committed code is stale

Runs the generator from sdk/python/.venv, creating it (with requirements-dev.txt) when
missing or out of date.
"""

import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = ROOT.parent.parent / "openapi" / "openapi.json"
TARGET = ROOT / "haven_sdk" / "api_client"
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements-dev.txt"
#: Caches the generator's formatter and Python leave behind: not part of the SDK.
IGNORED = ["__pycache__", ".ruff_cache"]


def venv() -> Path:
    """The tools' virtualenv, installed from requirements-dev.txt when that changed."""
    stamp = VENV / "requirements.stamp"
    wanted = REQUIREMENTS.read_text()
    if not stamp.exists() or stamp.read_text() != wanted:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        subprocess.run([*pip, "-r", str(REQUIREMENTS)], check=True)
        subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)
        stamp.write_text(wanted)
    return VENV / "bin"


def generate(into: Path, bin_dir: Path) -> None:
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(
        [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path", str(DOCUMENT),
            "--meta", "none",
            "--output-path", str(into),
            "--overwrite",
            "--config", str(ROOT / "config.yaml"),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"openapi-python-client failed:\n{result.stdout}{result.stderr}")


def same_tree(a: Path, b: Path) -> list[str]:
    """Paths (relative) that differ between two directory trees."""
    diffs = []
    cmp = filecmp.dircmp(a, b, ignore=IGNORED)
    diffs += [str(Path(a.name) / n) for n in cmp.left_only + cmp.right_only + cmp.funny_files]
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    diffs += [str(Path(a.name) / n) for n in mismatch + errors]
    for sub in cmp.common_dirs:
        diffs += [str(Path(a.name) / d) for d in same_tree(a / sub, b / sub)]
    return diffs


def main() -> None:
    check = "--check" in sys.argv
    version = json.loads(DOCUMENT.read_text())["info"]["version"]
    pyproject = ROOT / "pyproject.toml"
    text = pyproject.read_text()
    versioned = re.sub(r'(?m)^version = "[^"]*"$', f'version = "{version}"', text, count=1)
    bin_dir = venv()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "api_client"
        generate(fresh, bin_dir)
        if check:
            stale = same_tree(fresh, TARGET) if TARGET.exists() else ["api_client"]
            if versioned != text:
                stale.append("pyproject.toml (version)")
            if stale:
                print("the Python SDK is stale (run: python3 sdk/python/scripts/generate.py):", file=sys.stderr)
                for path in stale[:20]:
                    print(f"  {path}", file=sys.stderr)
                sys.exit(1)
            print("the Python SDK's generated code matches openapi/openapi.json")
            return
        shutil.rmtree(TARGET, ignore_errors=True)
        shutil.copytree(fresh, TARGET, ignore=shutil.ignore_patterns(*IGNORED))
        pyproject.write_text(versioned)
        print(f"wrote {TARGET.relative_to(ROOT)} (version {version})")


if __name__ == "__main__":
    main()
