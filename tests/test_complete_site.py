"""Every link the README's commands produce works: make serve links no download it does not
serve (make build's output is crawled in test_subpath.py), and a local build claims no address."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from bs4 import BeautifulSoup

from gpt4qa.core.editions import EPUB, PDF, SIMPLIFIED
from gpt4qa.run.crawler import crawl
from helpers import HOSTED_URL, ROOT, mkdocs_build

# Builds the real site (or a changed copy of it) itself.
pytestmark = pytest.mark.build


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def serving():
    """make serve's command on a free port, until its first build answers. docs.py serve runs
    `mkdocs serve` as a child: both are started in a session of their own and stopped together
    (stopping docs.py alone left mkdocs serve running, watching the files)."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    command = [sys.executable, str(ROOT / "scripts" / "docs.py"), "serve", "--no-livereload", "--dev-addr",
               f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                break
        except OSError:
            if server.poll() is not None:
                pytest.fail(f"mkdocs serve stopped: {server.stderr.read()[-2000:]}")
            if time.monotonic() > deadline:
                os.killpg(server.pid, signal.SIGKILL)
                pytest.fail("mkdocs serve did not answer within 120 s")
            time.sleep(0.2)
    yield url
    os.killpg(server.pid, signal.SIGTERM)  # the session docs.py leads: it and its mkdocs serve
    server.wait(timeout=30)


def test_served_site_has_no_dead_link_and_offers_no_download_it_lacks(serving):
    result = crawl(serving)
    assert result.broken == []
    assert result.pages >= 12
    assert not [url for url in result.fetched if url.endswith((".pdf", ".zip"))]
    home = urllib.request.urlopen(serving).read().decode("utf-8")
    assert PDF.file not in home and "下载 PDF" not in home
    assert EPUB.file not in home and "下载 EPUB" not in home


def cover(site) -> BeautifulSoup:
    page = BeautifulSoup((site / SIMPLIFIED.print_view / "index.html").read_text(encoding="utf-8"), "lxml")
    return page.select_one(".print-cover")


def test_local_build_cover_claims_no_address(tmp_path, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    result = mkdocs_build(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    local = cover(tmp_path / "site")
    assert "站点" not in local.get_text() and "127.0.0.1" not in str(local)
    assert "127.0.0.1" not in (tmp_path / "site" / SIMPLIFIED.print_view / "index.html").read_text(encoding="utf-8")


def test_hosted_build_cover_gives_its_address(real_site):
    assert cover(real_site).select_one(f'a[href="{HOSTED_URL}"]').get_text() == HOSTED_URL


def test_make_build_makes_every_format_of_every_edition_and_its_log_names_each(tmp_path, monkeypatch, capsys):
    """docs.py build's steps, each command stood in for: the pages, both PDFs in one step (one
    Chromium session), each edition's e-book, both offline copies from one offline build; for
    the editions the page build made."""
    from gpt4qa import cli

    made = []

    def stand_in(fmt: str):
        def run(args):
            made.append((fmt, tuple(edition.key for edition in cli._editions(args))))
            return 0
        return run

    def pages(editions):
        def run(args):
            made.append(("pages", ()))
            for prefix in editions:  # the homes of the editions the page build made
                (args.site / prefix).mkdir(parents=True, exist_ok=True)
                (args.site / prefix / "index.html").write_text("<html></html>", encoding="utf-8")
            return 0
        return run

    for fmt in ("pdf", "epub", "offline"):
        monkeypatch.setattr(cli, f"cmd_{fmt}", stand_in(fmt))
    monkeypatch.setattr(cli, "cmd_pages", pages(("", "zh-Hant/")))
    assert cli.main(["build", str(tmp_path / "site")]) == 0
    both = ("zh-Hans", "zh-Hant")
    assert made == [("pages", ()), ("pdf", both), ("epub", ("zh-Hans",)), ("epub", ("zh-Hant",)), ("offline", both)]
    log = [line.rsplit(" done in ", 1)[0] for line in capsys.readouterr().out.splitlines()]
    assert log == ["build: pages", "build: pdf (zh-Hans, zh-Hant)", "build: epub zh-Hans", "build: epub zh-Hant",
                   "build: offline copy (zh-Hans, zh-Hant)"]
    # A configuration that builds the Simplified edition alone gets its formats alone.
    made.clear()
    monkeypatch.setattr(cli, "cmd_pages", pages(("",)))
    assert cli.main(["build", str(tmp_path / "one")]) == 0
    assert made == [("pages", ()), ("pdf", ("zh-Hans",)), ("epub", ("zh-Hans",)), ("offline", ("zh-Hans",))]
