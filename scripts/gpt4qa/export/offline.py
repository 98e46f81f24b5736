"""The offline copy: the site as files that work opened from disk, search included.

    python scripts/docs.py offline site     # builds it and writes site/gpt-4-qa-offline.zip

A separate build with Material's offline plugin (file URLs, the search index inlined, a worker
shim for file://). The zip holds one folder; unzip it and open index.html. The copy links and
holds the whole-site PDF and the e-book, so they must be made first (`docs.py build` runs the
steps in that order).
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from time import gmtime

from gpt4qa.core.editions import EPUB, OFFLINE, PDF, SIMPLIFIED, Edition
from gpt4qa.core.errors import InputError
from gpt4qa.run import mkdocs

FOLDER = "gpt-4-qa-offline"
ZIP_EPOCH = 315532800  # zip dates start in 1980


@dataclass(frozen=True)
class OfflineStats:
    path: Path
    files: int
    size: int


def write_zip(folder: Path, out: Path) -> int:
    """A zip whose bytes depend only on the files (sorted, fixed times), for reproducible builds."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", str(ZIP_EPOCH)))
    date_time = gmtime(max(epoch, ZIP_EPOCH))[:6]
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(folder).as_posix()}", date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return len(files)


def make(site: Path, edition: Edition = SIMPLIFIED) -> OfflineStats:
    """Build the offline copy of an edition, with its PDF and e-book, into its zip in `site`."""
    if not site.is_dir():
        raise InputError(f"{site}: site folder does not exist; run make build first")
    downloads = [site / edition.download(PDF), site / edition.download(EPUB)]
    for download, command in zip(downloads, ("pdf", "epub")):
        if not download.is_file():
            raise InputError(f"{download} is missing, and the offline copy links it; "
                             f"run python scripts/docs.py {command} {site} first")
    out = site / edition.download(OFFLINE)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / FOLDER
        result = mkdocs.build(folder, quiet=True, offline=True)
        if result.returncode:
            raise InputError(f"offline build failed: {mkdocs.last_line(result)}")
        for download in downloads:
            (folder / download.name).write_bytes(download.read_bytes())
        count = write_zip(folder, out)
    return OfflineStats(out, count, out.stat().st_size)
