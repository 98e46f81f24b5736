"""The search worker as the site ships it: overrides/assets/javascripts/workers/search-engine.js
without its comments and spare white space (rjsmin, which removes only those), so a reader
downloads the engine and not its explanation. The build hook does it after every build; the
source in overrides/ stays the one to read and edit.
"""

from __future__ import annotations

from pathlib import Path

from gpt4qa.core.errors import InputError, MissingTool

WORKER_FILE = Path("assets/javascripts/workers/search-engine.js")
SOURCE_NOTE = "/*! The site's search worker; its source, with comments: overrides/assets/javascripts/workers/search-engine.js */\n"


def minified(source: str) -> str:
    try:
        import rjsmin
    except ImportError:
        raise MissingTool("the rjsmin package is missing; run make (it installs requirements.txt)") from None
    return SOURCE_NOTE + rjsmin.jsmin(source) + "\n"


def ship(site_dir: Path) -> Path:
    """Replace the built site's worker by its minified form; its path."""
    path = site_dir / WORKER_FILE
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: the search worker is missing from the built site (overrides/ has it)") from None
    if not source.startswith(SOURCE_NOTE):  # a rebuild that kept the file (mkdocs serve) ships it once
        path.write_text(minified(source), encoding="utf-8")
    return path
