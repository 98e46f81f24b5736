"""The complete site, as `make build` and the deploy workflow make it: every link works.

    python scripts/build_site.py site

Three steps, each in a process of its own (Playwright allows one sync session a process):
the pages (strict MkDocs build, with the article check), the whole-site PDF they link
(scripts/pdf_export.py), then the offline copy, which holds the PDF too (scripts/offline_copy.py).
Prints each step's time; exits with the first failing step's code.
"""

from __future__ import annotations

import sys
from pathlib import Path

from steps import run_steps

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
    return run_steps("build", steps(Path(args[0]).resolve()))


if __name__ == "__main__":
    sys.exit(main())
