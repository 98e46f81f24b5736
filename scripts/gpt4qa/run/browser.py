"""Chromium, as the project drives it: Debian's /usr/bin/chromium through Playwright's Python
package, never a browser Playwright downloads."""

from __future__ import annotations

from pathlib import Path

from gpt4qa.core.errors import MissingTool
from gpt4qa.core.project import CHROMIUM, CHROMIUM_ARGS


def require_chromium() -> None:
    if not Path(CHROMIUM).is_file():
        raise MissingTool(f"{CHROMIUM} is missing; install the Debian package chromium")


def launch(playwright):
    """A headless Chromium from Debian's package."""
    require_chromium()
    return playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
