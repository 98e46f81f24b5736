"""Every check that needs no browser, as `make check` runs it, on a page build of its own.

    python scripts/check_all.py

A strict page build into a temporary folder (the build hook runs the article check and the
anchor contract on it), then the article check standalone on it for its summary, and the search
dictionary against the pages. Exits with the first failure's code; site/ is not touched.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from steps import run_steps

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent


def main() -> int:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        steps = [
            ("page build (article check, anchor contract)",
             [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]),
            ("article check", [sys.executable, str(SCRIPTS / "check_article.py"), str(site)]),
            ("anchor contract", [sys.executable, str(SCRIPTS / "anchors.py"), str(site)]),
            ("search dictionary", [sys.executable, str(SCRIPTS / "search_dictionary.py"), "--check"]),
        ]
        if code := run_steps("check", steps):
            return code
    print(f"check: all passed in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
