"""The offline copy: each edition's site as files that work opened from disk, search included.

    python scripts/docs.py offline site                     # writes site/gpt-4-qa-offline.zip
    python scripts/docs.py offline site --edition zh-Hant   # writes site/zh-Hant/gpt-4-qa-offline.zip

A separate build with Material's offline plugin (file URLs, the search index inlined, a worker
shim for file://), which builds every edition as the site's build does (the Traditional one into
its zh-Hant/ folder, without the language switch). One build makes every edition's zip: each
holds one folder, that edition's own (`folder_name`): the Simplified site without the other
editions' folders, the Traditional site's zh-Hant/ as the folder itself; unzip it and open
index.html, the edition's home. Each copy links and holds its own edition's PDF and e-book, so
they must be made first (`docs.py build` runs the steps in that order).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from time import gmtime

from gpt4qa.core.editions import EDITIONS, EPUB, OFFLINE, PDF, SIMPLIFIED, Edition
from gpt4qa.core.errors import InputError
from gpt4qa.run import mkdocs

FOLDER = "gpt-4-qa-offline"
ZIP_EPOCH = 315532800  # zip dates start in 1980


@dataclass(frozen=True)
class OfflineStats:
    path: Path
    files: int
    size: int
    edition: Edition = SIMPLIFIED
    folder: str = FOLDER  # the folder the zip holds


def folder_name(edition: Edition) -> str:
    """The folder an edition's zip holds: gpt-4-qa-offline, gpt-4-qa-offline-zh-Hant (so the two
    copies unzip side by side)."""
    return FOLDER if not edition.prefix else f"{FOLDER}-{edition.key}"


def write_zip(folder: Path, out: Path, name: str = FOLDER, exclude: tuple[Path, ...] = ()) -> int:
    """A zip of `folder` as the folder `name`, less the folders `exclude`, whose bytes depend only
    on the files (sorted, fixed times), for reproducible builds."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", str(ZIP_EPOCH)))
    date_time = gmtime(max(epoch, ZIP_EPOCH))[:6]
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not any(p.is_relative_to(x) for x in exclude))
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{name}/{path.relative_to(folder).as_posix()}", date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return len(files)


def _downloads(site: Path, edition: Edition) -> list[Path]:
    """The edition's PDF and e-book, which its copy links and holds; InputError when one is missing."""
    downloads = [site / edition.download(PDF), site / edition.download(EPUB)]
    for download, command in zip(downloads, ("pdf", "epub")):
        if not download.is_file():
            option = f" --edition {edition.key}" if edition is not SIMPLIFIED else ""
            raise InputError(f"{download} is missing, and the offline copy links it; "
                             f"run python scripts/docs.py {command} {site}{option} first")
    return downloads


def make(site: Path, edition: Edition = SIMPLIFIED) -> OfflineStats:
    """Build the offline copy of an edition, with its PDF and e-book, into its zip in `site`."""
    return make_editions(site, (edition,))[0]


def make_editions(site: Path, editions: tuple[Edition, ...] = EDITIONS) -> list[OfflineStats]:
    """One offline build; each edition's copy, with its PDF and e-book, into its zip in `site`."""
    if not site.is_dir():
        raise InputError(f"{site}: site folder does not exist; run make build first")
    downloads = {edition: _downloads(site, edition) for edition in editions}
    stats = []
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / FOLDER
        result = mkdocs.build(built, quiet=True, offline=True)
        if result.returncode:
            raise InputError(f"offline build failed: {mkdocs.last_line(result)}")
        for edition in editions:
            root = built / edition.prefix
            if not (root / "index.html").is_file():
                raise InputError(f"offline build wrote no {edition.prefix}index.html: "
                                 f"mkdocs.yml extra.editions does not build {edition.key}")
            for download in downloads[edition]:
                shutil.copyfile(download, root / download.name)
            # The other editions' folders inside this one's (the Simplified site holds zh-Hant/).
            others = tuple(built / other.prefix for other in EDITIONS
                           if other is not edition and other.prefix.startswith(edition.prefix))
            out = site / edition.download(OFFLINE)
            count = write_zip(root, out, folder_name(edition), others)
            stats.append(OfflineStats(out, count, out.stat().st_size, edition, folder_name(edition)))
    return stats
