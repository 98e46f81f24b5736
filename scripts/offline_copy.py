"""Build the offline copy: the site as files that work opened from disk, search included.

    python scripts/offline_copy.py site     # builds it and writes site/gpt-4-qa-offline.zip

A separate build with Material's offline plugin (file URLs, the search index inlined, a
worker shim for file://). The zip holds one folder; unzip it and open index.html. The copy
links and holds the whole-site PDF, so site/gpt-4-qa.pdf must be made first (scripts/build_site.py
runs the steps in that order).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from downloads import OFFLINE_ZIP, PDF_NAME

ROOT = Path(__file__).resolve().parent.parent
FOLDER = "gpt-4-qa-offline"
SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"
SHIM_SOURCE = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"


def is_offline_build(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def build(target: Path) -> None:
    env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(target)]
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"error: offline build failed: {result.stderr.strip().splitlines()[-1]}")


def write_zip(folder: Path, out: Path) -> int:
    """A zip whose bytes depend only on the files (sorted, fixed times), for reproducible builds."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    stamp = max(epoch, 315532800)  # zip dates start in 1980
    from time import gmtime

    date_time = gmtime(stamp)[:6]
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(folder).as_posix()}", date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return len(files)


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1:
        print("usage: python scripts/offline_copy.py SITE_DIR", file=sys.stderr)
        return 2
    site = Path(args[0])
    if not site.is_dir():
        print(f"error: {site}: site folder does not exist; run make build first", file=sys.stderr)
        return 2
    pdf = site / PDF_NAME
    if not pdf.is_file():
        print(f"error: {pdf} is missing, and the offline copy links it; run scripts/pdf_export.py {site} first",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / FOLDER
        build(folder)
        (folder / pdf.name).write_bytes(pdf.read_bytes())
        count = write_zip(folder, site / OFFLINE_ZIP)
    size = (site / OFFLINE_ZIP).stat().st_size
    print(f"offline: {site / OFFLINE_ZIP} — {count} files, {size / 1024:.0f} KB; unzip and open {FOLDER}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
