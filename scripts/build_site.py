"""The complete site, as `make build` and the deploy workflow make it: every link works.

    python scripts/build_site.py site

Three steps, each in a process of its own (Playwright allows one sync session a process):
the pages (strict MkDocs build, with the article check), the whole-site PDF they link
(scripts/pdf_export.py), then the offline copy, which holds the PDF too (scripts/offline_copy.py).
Prints each step's time; exits with the first failing step's code.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent


def steps(site: Path) -> list[tuple[str, list[str]]]:
    python = sys.executable
    return [
        ("pages", [python, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]),
        ("pdf", [python, str(SCRIPTS / "pdf_export.py"), str(site)]),
        ("offline copy", [python, str(SCRIPTS / "offline_copy.py"), str(site)]),
    ]


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1:
        print("usage: python scripts/build_site.py SITE_DIR", file=sys.stderr)
        return 2
    site = Path(args[0]).resolve()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for name, command in steps(site):
        started = time.perf_counter()
        code = subprocess.run(command, cwd=ROOT, env=env).returncode
        if code:
            print(f"error: the {name} step failed (exit {code}); {site} is incomplete", file=sys.stderr)
            return code
        print(f"build: {name} done in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
