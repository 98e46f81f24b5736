"""Crawl a served site from its home page: every page, link, image, stylesheet, script and anchor.

Only addresses below the start URL count as the site; links elsewhere are left alone (no
network here), but a link that leaves the site's path prefix on the same host is broken:
that is what breaks when a site moves under a sub-path.

    python scripts/docs.py crawl http://127.0.0.1:8001/gpt-4-qa/
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

REFERENCES = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"))


@dataclass
class Crawl:
    pages: int = 0
    resources: int = 0
    anchors: int = 0
    broken: list[str] = field(default_factory=list)
    fetched: set[str] = field(default_factory=set)  # every address that answered 200


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def crawl(start: str) -> Crawl:
    result = Crawl()
    host = urlsplit(start)
    seen: dict[str, tuple[int, set[str] | None]] = {}  # url -> (status, ids if HTML)
    pending: deque[str] = deque([start])
    references: list[tuple[str, str]] = []  # (page, absolute link)

    def visit(url: str) -> tuple[int, set[str] | None]:
        if url not in seen:
            status, kind, body = fetch(url)
            ids = None
            if status == 200 and kind == "text/html":
                soup = BeautifulSoup(body, "html.parser")
                ids = {element["id"] for element in soup.select("[id]")}
                ids |= {element["name"] for element in soup.select("a[name]")}
                result.pages += 1
                for tag, attribute in REFERENCES:
                    for element in soup.find_all(tag, attrs={attribute: True}):
                        link = urljoin(url, element[attribute])
                        references.append((url, link))
                        if internal(link):
                            pending.append(urldefrag(link).url)
            elif status == 200:
                result.resources += 1
            if status == 200:
                result.fetched.add(url)
            seen[url] = (status, ids)
        return seen[url]

    def internal(link: str) -> bool:
        parts = urlsplit(link)
        return parts.scheme in ("http", "https") and parts.netloc == host.netloc

    while pending:
        visit(pending.popleft())
    for page, link in references:
        if not internal(link):
            continue
        if not urlsplit(link).path.startswith(host.path):
            result.broken.append(f"{page}: {link} leaves the site's path {host.path}")
            continue
        target, fragment = urldefrag(link)
        status, ids = visit(target)
        if status != 200:
            result.broken.append(f"{page}: {link} answers {status}")
        elif fragment:
            result.anchors += 1
            if ids is not None and fragment not in ids:
                result.broken.append(f"{page}: {link} has no element with id '{fragment}'")
    return result
