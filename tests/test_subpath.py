"""Hosted under a sub-path: crawl the real site served at /gpt-4-qa/ with zero broken links."""

from link_crawler import crawl
from static_server import start


def test_real_site_under_a_prefix_has_nothing_broken(served):
    result = crawl(served)
    assert result.broken == []
    assert result.pages >= 12  # home, ten answers, about (and the 404 page is not linked)
    assert result.anchors > 50


def serve(project):
    server = start(project.site, "/sub/")
    return server, f"http://127.0.0.1:{server.server_address[1]}/sub/"


def test_crawler_finds_a_dead_anchor_and_a_root_relative_link(project):
    project.edit_page("", "<h1>", '<a href="q01/#nowhere">x</a><img src="/images/jueJin/aaa111.png" alt="x"><h1>')
    server, url = serve(project)
    try:
        result = crawl(url)
    finally:
        server.shutdown()
    assert sorted(result.broken) == sorted([
        f"{url}: {url}q01/#nowhere has no element with id 'nowhere'",
        f"{url}: {url[:-5]}/images/jueJin/aaa111.png leaves the site's path /sub/",
    ])


def test_crawler_finds_a_missing_page(project):
    project.edit_page("", "<h1>", '<a href="q09/">x</a><h1>')
    server, url = serve(project)
    try:
        result = crawl(url)
    finally:
        server.shutdown()
    assert result.broken == [f"{url}: {url}q09/ answers 404"]
