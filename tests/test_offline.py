"""The offline copies (made by make build), one an edition: unzipped and opened from disk, each reads
and searches as the hosted edition does, holds its own edition only, with its PDF and e-book, and is
byte-reproducible."""

from __future__ import annotations

import posixpath
import re
import zipfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from gpt4qa.core.editions import EDITIONS, EPUB, OFFLINE, PDF, SIMPLIFIED, TRADITIONAL, Edition
from gpt4qa.export.offline import folder_name, write_zip

# The unzipped Simplified copy is the `offline` fixture (conftest.py), shared with
# tests/test_policy_browser.py; the Traditional one is unzipped here.
BY_EDITION = pytest.mark.parametrize("edition", EDITIONS, ids=lambda edition: edition.key)
_REFERENCE = re.compile(r'\b(?:href|src)="([^"#?]*)[^"]*"')


@pytest.fixture(scope="module")
def unzipped(real_site, tmp_path_factory) -> dict[Edition, Path]:
    """Each edition's offline copy, unzipped as a reader would: its folder."""
    folders = {}
    for edition in EDITIONS:
        target = tmp_path_factory.mktemp(f"unzipped-{edition.key}")
        with zipfile.ZipFile(real_site / edition.download(OFFLINE)) as archive:
            archive.extractall(target)
        folders[edition] = target / folder_name(edition)
    return folders


def other_editions(names: list[str], edition: Edition) -> list[str]:
    """What a copy's zip holds that is not its edition's: entries outside its folder, and the
    folders of the other editions (the Simplified site's build holds zh-Hant/)."""
    root = folder_name(edition) + "/"
    found = {name for name in names if not name.startswith(root)}
    for other in EDITIONS:
        if other is not edition and other.prefix and other.prefix.startswith(edition.prefix):
            found |= {root + other.prefix for name in names if name.startswith(root + other.prefix)}
    return sorted(found)


def links_out_of(folder: Path) -> list[str]:
    """Every page's reference (href, src) that leaves the copy's folder, or names a file the copy
    lacks (a folder address, which opens nothing from disk): `page: reference`. The 404 page is a
    host's (its addresses start at the server's root), which no reader opens from disk."""
    leaving = []
    for page in sorted(folder.rglob("*.html")):
        if page.name == "404.html":
            continue
        here = page.parent.relative_to(folder).as_posix()
        for reference in _REFERENCE.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(reference)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
            if parts.path.startswith("/") or target == ".." or target.startswith("../"):
                leaving.append(f"{page.relative_to(folder).as_posix()}: {reference}")
            elif not (folder / target).is_file():
                leaving.append(f"{page.relative_to(folder).as_posix()}: {reference} (no such file)")
    return leaving


@contextmanager
def from_disk(browser):
    """A page opened from disk; on leaving, fails on any console error, uncaught exception, or
    request for anything but a file (a copy that reaches the network is not offline)."""
    context = browser.new_context()
    page = context.new_page()
    errors, remote = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: remote.append(r.url) if r.url.split(":")[0] not in ("file", "data", "blob", "about") else None)
    yield page
    context.close()
    assert errors == [] and remote == []


def test_offline_copy_reads_and_searches_from_disk(browser, offline):
    with from_disk(browser) as page:
        page.goto((offline / "q02-improvements.html").as_uri())
        assert page.title().startswith("Q2：")
        loaded = page.evaluate("""async () => {
          const images = [...document.querySelectorAll('article img')];
          images.forEach(img => { img.loading = 'eager'; });
          await Promise.all(images.map(img => img.complete ? null : new Promise(done => { img.onload = img.onerror = done; })));
          return images.map(img => img.naturalWidth > 0);
        }""")
        assert all(loaded)  # originals, where there are any, load from disk
        assert page.eval_on_selector_all("article figure[id^='fig-'] figcaption", "captions => captions.length") == 12
        page.click("a[href='q03-training.html']")
        assert page.title().startswith("Q3：")
        page.locator("input.md-search__input").click()
        # The same search as the hosted site's: a whole question in Traditional characters.
        page.keyboard.type("GPT-4 的參數有多少")
        page.keyboard.press("End")
        page.wait_for_selector(".md-search-result__item")
        first = page.eval_on_selector(".md-search-result__item > a", "a => a.href")
        assert first.split("/")[-1].startswith("q03-training.html")


@pytest.mark.parametrize("edition, title, query", [
    pytest.param(SIMPLIFIED, "这波可以，终于有内行人把 GPT-4 说透了。", "GPT-4 的参数有多少", id=SIMPLIFIED.key),
    pytest.param(TRADITIONAL, "這波可以，終於有內行人把 GPT-4 說透了。", "GPT-4 的參數有多少", id=TRADITIONAL.key),
])
def test_each_offline_copy_opens_its_own_edition_home_and_searches_it(browser, unzipped, edition, title, query):
    with from_disk(browser) as page:
        page.goto((unzipped[edition] / "index.html").as_uri())
        assert page.evaluate("document.documentElement.lang") == edition.key
        assert page.title().startswith(title)
        # Its downloads are its own edition's, beside it in the folder.
        downloads = page.eval_on_selector_all(".pdf-download a[href$='.pdf'], .pdf-download a[href$='.epub']",
                                              "links => links.map(a => a.href)")
        assert set(downloads) == {(unzipped[edition] / name).as_uri() for name in (PDF.file, EPUB.file)}
        page.locator("input.md-search__input").click()
        page.keyboard.type(query)
        page.keyboard.press("End")
        page.wait_for_selector(".md-search-result__item")
        first = page.eval_on_selector(".md-search-result__item > a", "a => a.href")
        assert first.removeprefix(unzipped[edition].as_uri() + "/").startswith("q03-training.html")


@BY_EDITION
def test_each_offline_copy_holds_its_own_edition_only_with_its_pdf_and_e_book(real_site, edition):
    with zipfile.ZipFile(real_site / edition.download(OFFLINE)) as archive:
        names = archive.namelist()
        root = folder_name(edition)
        assert archive.read(f"{root}/{PDF.file}") == (real_site / edition.download(PDF)).read_bytes()
        assert archive.read(f"{root}/{EPUB.file}") == (real_site / edition.download(EPUB)).read_bytes()
        home = archive.read(f"{root}/index.html").decode("utf-8")
    assert other_editions(names, edition) == []
    assert f'<html lang="{edition.key}"' in home
    assert len(names) > 40


def test_the_check_for_other_editions_finds_the_traditional_folder_in_a_copy_that_keeps_it(tmp_path):
    """A Simplified copy zipped as the offline build writes it, without leaving out zh-Hant/."""
    built = tmp_path / "built"
    for name in ("index.html", "zh-Hant/index.html", "zh-Hant/search/search_index.js"):
        (built / name).parent.mkdir(parents=True, exist_ok=True)
        (built / name).write_text("<html></html>", encoding="utf-8")
    with zipfile.ZipFile(write_zip_to(built, tmp_path / "kept.zip")) as archive:
        assert other_editions(archive.namelist(), SIMPLIFIED) == ["gpt-4-qa-offline/zh-Hant/"]
    with zipfile.ZipFile(write_zip_to(built, tmp_path / "left.zip", (built / "zh-Hant",))) as archive:
        assert archive.namelist() == ["gpt-4-qa-offline/index.html"]
        assert other_editions(archive.namelist(), SIMPLIFIED) == []
        assert other_editions(archive.namelist(), TRADITIONAL) == ["gpt-4-qa-offline/index.html"]


def write_zip_to(folder: Path, out: Path, exclude: tuple[Path, ...] = ()) -> Path:
    write_zip(folder, out, folder_name(SIMPLIFIED), exclude)
    return out


@BY_EDITION
def test_no_page_of_an_offline_copy_links_out_of_its_folder(unzipped, edition):
    assert links_out_of(unzipped[edition]) == []


def test_a_link_to_the_other_edition_is_found_leaving_the_copy(tmp_path):
    (tmp_path / "q01.html").write_text('<a href="../gpt-4-qa-offline/q01.html">简体</a><a href="q02.html">Q2</a>'
                                       '<img src="/assets/x.png"><a href="https://example.com/">x</a>'
                                       '<a href="figures/">图目录</a>', encoding="utf-8")
    (tmp_path / "q02.html").write_text("<p>Q2</p>", encoding="utf-8")
    (tmp_path / "404.html").write_text('<link href="/assets/main.css">', encoding="utf-8")
    assert links_out_of(tmp_path) == ["q01.html: ../gpt-4-qa-offline/q01.html", "q01.html: /assets/x.png",
                                      "q01.html: figures/ (no such file)"]


@BY_EDITION
def test_offline_copy_is_linked_from_the_about_page(real_site, edition):
    about = (real_site / edition.prefix / "about" / "index.html").read_text(encoding="utf-8")
    assert 'href="../gpt-4-qa-offline.zip"' in about
    # ../ from about/ is the edition's own folder: site/zh-Hant/gpt-4-qa-offline.zip for the Traditional one.
    assert (real_site / edition.prefix / "about" / ".." / OFFLINE.file).resolve() == \
        (real_site / edition.download(OFFLINE)).resolve()
    with zipfile.ZipFile(real_site / edition.download(OFFLINE)) as archive:
        names = archive.namelist()
    assert f"{folder_name(edition)}/index.html" in names and f"{folder_name(edition)}/{PDF.file}" in names


def test_the_offline_copies_are_byte_reproducible(real_site, tmp_path):
    """The offline step run again (as the build ran it) on a copy of the complete site writes the same two zips."""
    import shutil

    from helpers import EPOCH, HOSTED_URL, docs_command

    site = tmp_path / "site"
    shutil.copytree(real_site, site, ignore=shutil.ignore_patterns("*.zip"))
    editions = [part for edition in EDITIONS for part in ("--edition", edition.key)]
    done = docs_command("offline", str(site), *editions, SOURCE_DATE_EPOCH=EPOCH, SITE_URL=HOSTED_URL)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].endswith(f"; unzip and open {folder_name(TRADITIONAL)}/index.html")
    for edition in EDITIONS:
        assert (site / edition.download(OFFLINE)).read_bytes() == (real_site / edition.download(OFFLINE)).read_bytes()


def test_the_offline_step_names_an_editions_missing_pdf_and_the_command_that_makes_it(tmp_path):
    from helpers import docs_command

    (tmp_path / TRADITIONAL.prefix).mkdir()
    (tmp_path / TRADITIONAL.download(EPUB)).write_bytes(b"")
    done = docs_command("offline", str(tmp_path), "--edition", TRADITIONAL.key)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"error: {tmp_path / 'zh-Hant' / PDF.file} is missing, and the offline copy links it; "
                           f"run python scripts/docs.py pdf {tmp_path} --edition zh-Hant first\n")
