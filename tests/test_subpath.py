"""Hosted under a sub-path: crawl the real site served at /gpt-4-qa/ with zero broken links."""

import pytest

from gpt4qa.core.editions import EPUB, OFFLINE, PDF
from gpt4qa.run.crawler import crawl
from gpt4qa.run.server import start


def test_real_site_under_a_prefix_has_nothing_broken(served):
    """make build's output (docs.py build), downloads included."""
    result = crawl(served)
    assert result.broken == []
    assert {served + PDF.file, served + EPUB.file, served + OFFLINE.file} <= result.fetched
    assert result.pages >= 12  # home, ten answers, about (and the 404 page is not linked)
    assert result.anchors > 50


@pytest.fixture
def fixture_url(project):
    """The fixture site served under /sub/; tests edit its pages before crawling."""
    server = start(project.site, "/sub/")
    yield f"http://127.0.0.1:{server.server_address[1]}/sub/"
    server.shutdown()


def test_crawler_finds_a_dead_anchor_and_a_root_relative_link(project, fixture_url):
    project.edit_page("", "<h1>", '<a href="q01/#nowhere">x</a><img src="/images/jueJin/aaa111.png" alt="x"><h1>')
    url = fixture_url
    assert sorted(crawl(url).broken) == sorted([
        f"{url}: {url}q01/#nowhere has no element with id 'nowhere'",
        f"{url}: {url[:-5]}/images/jueJin/aaa111.png leaves the site's path /sub/",
    ])


def test_crawler_finds_a_missing_page(project, fixture_url):
    project.edit_page("", "<h1>", '<a href="q09/">x</a><h1>')
    assert crawl(fixture_url).broken == [f"{fixture_url}: {fixture_url}q09/ answers 404"]
