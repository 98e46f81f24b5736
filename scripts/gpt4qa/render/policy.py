"""The pages' content security policy and referrer policy, written into every built page.

    (no command of its own: the build hook's `_write_content_policy` step runs `secure_page` on
    every HTML file of the site, after every other step that changes pages; the pages' tests and
    tests/test_policy_browser.py hold it)

GitHub Pages sends no headers a project chooses, so the policy is a `<meta http-equiv=
"Content-Security-Policy">`, written right after `<meta charset>` (which must stay first, within
the page's first 1024 bytes), before any script, stylesheet or link; then `<meta name="referrer">`.

Scripts: the site's own files ('self') and, by their sha256 hash, the inline scripts a known
template or plugin writes (KNOWN_SCRIPTS), each recognised by its whole text with only the parts
the template fills in (a URL inside a string, the lightbox's options) left open and held to
characters that cannot end the string they sit in. An inline script nothing known writes (an
injected one, or one added to a template without its source added here) gets no hash, so the
browser refuses to run it; the build says so, naming the page and line. Hashing every inline
script the pages hold would let any script that reaches a page, injected or not, run as the
theme's own: the policy would then stop nothing the build let through.

Styles the same way (KNOWN_STYLES); images from the site and `data:` (Material's stylesheet and
caveats.css draw their icons as data: SVG masks); no fonts (the theme has `font: false`, and the
reader's own CJK fonts are used); the search index fetched and the search worker loaded from the
site (hosted only: the offline copy reads its index from a script and runs the worker in an
iframe). The offline copy adds the hash of the bootstrap script the iframe-worker shim writes
into that iframe (`shim_bootstrap`), which inherits the page's policy. The one loosening, style
attributes on pages that load the lightbox, is explained at `policy_text`; README.md lists every
exception. `mkdocs serve` gets no policy (the hook skips it: live reload's inline script differs
with every request, so no build can hash it).

Bad input (a page that already has a policy, a worker address that would leave its string in the
shim's script, a shim of another shape) raises InputError, one line naming the file (and line);
the build stops on it.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import html as html_module
import json
import re
from dataclasses import dataclass

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import SHIM_SOURCE, shown

REFERRER = "no-referrer"  # nothing the site does needs a referrer, and the reader's path is theirs
# Tokens every link to another site gets: no window.opener for it, and no Referer header either.
EXTERNAL_REL = ("noopener", "noreferrer")

# Inside a double-quoted JavaScript string: nothing that could end it, escape out of it or end the
# script element.
_IN_STRING = r'[^"\\<>\s]*'
# JavaScript MIME types (the HTML standard's list) and modules: the inline scripts a browser runs.
# A <script> of any other type (the theme's application/json configuration) is data, never run.
_RUN_TYPES = frozenset({
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript",
})


def _shape(template: str, **holes: str) -> re.Pattern[str]:
    """A pattern matching `template` exactly but for its @holes@, each matching its own pattern."""
    parts = re.split(r"@(\w+)@", template)
    return re.compile("".join(re.escape(part) if i % 2 == 0 else f"(?:{holes[part]})"
                              for i, part in enumerate(parts)))


@dataclass(frozen=True)
class Known:
    """An inline script or style a known template or plugin writes, and the shape of its text."""

    source: str  # the template or plugin that writes it, as messages name it
    shape: re.Pattern[str]

    def writes(self, text: str) -> bool:
        return self.shape.fullmatch(text) is not None


MATERIAL = "Material for MkDocs 9.8.2"
KNOWN_SCRIPTS = (
    Known(f"{MATERIAL}, partials/javascripts/base.html (the reader's settings, by site)", _shape(
        '__md_scope=new URL("@scope@",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
        '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
        '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}',
        scope=_IN_STRING)),
    Known(f"{MATERIAL}, partials/javascripts/palette.html (the reader's colour scheme)", _shape(
        'var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media)'
        '{var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?'
        '"[data-md-color-media=\'(prefers-color-scheme: light)\']":"[data-md-color-media=\'(prefers-color-scheme: dark)\']");'
        'palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute('
        '"data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent='
        'input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries(palette.color))'
        'document.body.setAttribute("data-md-color-"+key,value)}')),
    Known(f"{MATERIAL}, partials/javascripts/content.html (a linked tab opens)", _shape(
        'var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
        '(target.checked=target.name.startsWith("__tabbed_"))')),
    # Written only with the theme's content.tabs.link feature, which the site does not turn on today.
    Known(f"{MATERIAL}, partials/javascripts/content.html (content.tabs.link)", _shape(
        'var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set"))'
        '{var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.'
        'getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);'
        'input.checked=!0;continue e}}')),
    Known("mkdocs-print-site-plugin 2.9, the print view's set-up (plugin.py on_post_build)", _shape(
        "\n        document.addEventListener('DOMContentLoaded', function () {\n            @calls@\n        })\n        ",
        calls=r"(?:(?:remove_material_navigation|remove_mkdocs_theme_navigation|generate_toc)\(\);)+")),
    # The options are the plugin's settings as JSON: words, numbers and booleans only.
    Known("mkdocs-glightbox 0.5.3, the lightbox's set-up (plugin.py on_post_page)", _shape(
        "const lightbox = GLightbox(@options@);\ndocument$.subscribe(()=>{ lightbox.reload(); });\n",
        options=r'\{[\w\s":,.-]*\}')),
    # Written for each entry of redirect_maps (none today), so that a moved page keeps its address.
    Known("mkdocs-redirects 1.2.2, a moved page's redirect (plugin.py HTML_TEMPLATE)", _shape(
        'var anchor=window.location.hash.substr(1);location.href="@url@"+(anchor?"#"+anchor:"")', url=_IN_STRING)),
)
KNOWN_STYLES = (
    # Numbers for the print view's headings, inert here (enumerate_headings is off in mkdocs.yml, so
    # no element has the class they select). Selectors by id, counters and quoted numbers only.
    Known("mkdocs-print-site-plugin 2.9, the print view's heading numbers (renderer.py)", _shape(
        "@rules@",
        rules=r"(?:\s*\.print-site-enumerate-headings #[\w-]+ (?:> )?h[1-6](?::before)? \{[\w\s:;'.()-]*\})*\s*")),
    Known("mkdocs-glightbox 0.5.3, the lightbox's look (plugin.py on_post_page)", _shape(
        "\n            html.glightbox-open { overflow: initial; height: 100%; }"
        "\n            .gslide-title { margin-top: 0px; user-select: text; }"
        "\n            .gslide-desc { color: #666; user-select: text; }"
        "\n            .gslide-image img { background: @background@; }"
        "@shadow@"
        "\n            .gscrollbar-fixer { padding-right: 15px; }"
        "\n            .gdesc-inner { font-size: 0.75rem; }"
        '\n            body[data-md-color-scheme="slate"] .gdesc-inner { background: var(--md-default-bg-color); }'
        '\n            body[data-md-color-scheme="slate"] .gslide-title { color: var(--md-default-fg-color); }'
        '\n            body[data-md-color-scheme="slate"] .gslide-desc { color: var(--md-default-fg-color); }'
        "\n        ",
        background=r"[\w#%.,() -]*",
        shadow=re.escape("\n            .glightbox-clean .gslide-media { -webkit-box-shadow: none; box-shadow: none; }") + "|")),
)
# The inline script whose presence marks a page that loads the lightbox.
LIGHTBOX = KNOWN_SCRIPTS[5]


@dataclass(frozen=True)
class Inline:
    """An inline script or style of a page: its text exactly as the browser hashes it."""

    kind: str  # "script" or "style"
    text: str
    line: int  # where its element opens in the page
    known: Known | None  # what writes it; None when nothing known does (it gets no hash)

    @property
    def digest(self) -> str:
        return source_hash(self.text)


def source_hash(text: str) -> str:
    """The CSP source expression allowing an inline script or style of exactly this text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@dataclass(frozen=True)
class _Tag:
    name: str
    attrs: dict[str, str | None]
    start: int  # offset of "<" in the page
    end: int  # offset just past ">"
    line: int


_KEPT = frozenset({"a", "script", "style"})  # the start tags the policy reads

# A page's markup, piece by piece as a browser's tokenizer sees it for what the policy reads: a
# comment, a start tag of a kept element (its name, its attributes), any other tag; the text of a
# script or style element runs to its end tag, whatever it holds.
_PIECE = re.compile(r"<!--.*?(?:-->|$)|<(?P<name>[A-Za-z][^\s/>]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|</?[A-Za-z!?][^>]*>", re.S)
_VALUE = re.compile(r"""(?P<name>[^\s"'>/=]+)(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'>]+)))?""")


@dataclass
class _Scanned:
    """Start tags of a page with their offsets, and the raw text of its script and style elements."""

    tags: list[_Tag]
    blocks: list[tuple[_Tag, str]]


def _attributes(text: str) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for match in _VALUE.finditer(text):
        value = match["double"] if match["double"] is not None else match["single"] if match["single"] is not None \
            else match["bare"]
        found.setdefault(match["name"].lower(), html_module.unescape(value) if value is not None else None)
    return found


def _scan(html: str) -> _Scanned:
    """The kept start tags and the script and style elements' text: one regular-expression pass
    (an HTML parser reads the thousands of other tags too, for nothing)."""
    lines = [m.start() for m in re.finditer("\n", html)]
    tags: list[_Tag] = []
    blocks: list[tuple[_Tag, str]] = []
    position = 0
    while (match := _PIECE.search(html, position)) is not None:
        position = match.end()
        name = (match["name"] or "").lower()
        if name not in _KEPT:
            continue
        found = _Tag(name, _attributes(match["attrs"]), match.start(), match.end(),
                     bisect.bisect_left(lines, match.start()) + 1)
        tags.append(found)
        if name in ("script", "style") and not match["attrs"].rstrip().endswith("/"):
            close = re.compile(rf"</{name}[\s/>]", re.I).search(html, match.end())
            stop = close.start() if close else len(html)
            blocks.append((found, html[match.end():stop]))
            position = stop
    return _Scanned(tags, blocks)


def _runs(tag: _Tag) -> bool:
    """A script element whose own text the browser runs (no src, a JavaScript type); a style element."""
    if tag.name == "style":
        return True
    kind = (tag.attrs.get("type") or "").strip().lower().split(";")[0].strip()
    return "src" not in tag.attrs and kind in _RUN_TYPES


def inline_blocks(html: str, scanned: _Scanned | None = None) -> list[Inline]:
    """Every inline script the browser would run and every style element of a page, in order, each
    with what writes it (None when nothing known does)."""
    found = []
    for tag, raw in (scanned or _scan(html)).blocks:
        if not _runs(tag):
            continue
        # The HTML parser turns CR LF and lone CR into LF before a script's text is hashed.
        text = raw.replace("\r\n", "\n").replace("\r", "\n")
        known = KNOWN_SCRIPTS if tag.name == "script" else KNOWN_STYLES
        found.append(Inline(tag.name, text, tag.line, next((k for k in known if k.writes(text)), None)))
    return found


def _function_source(script: str, name: str) -> str:
    """`function name(…){…}` as written in the shim (what Function.prototype.toString returns)."""
    start = script.find(f"function {name}(")
    if start < 0:
        raise InputError(f"{_SHIM}: no function {name} in the iframe-worker shim; "
                         "update shim_bootstrap in gpt4qa/render/policy.py for its new version")
    depth, quote, index = 0, "", script.index("{", start)
    while index < len(script):
        char = script[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'`":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return script[start:index + 1]
        index += 1
    raise InputError(f"{_SHIM}: function {name} of the iframe-worker shim never ends")


_SHIM = shown(SHIM_SOURCE)  # what the offline copy ships as assets/javascripts/iframe-worker-shim.js
_SHIM_DOCUMENT = re.compile(r"document\.write\(`<html><body><script>(?P<script>.*?)<\\/script>")


def shim_bootstrap(shim: str, worker: str, where: str = "the page") -> str:
    """The inline script the iframe-worker shim (node_modules/iframe-worker/shim/index.js) writes,
    with document.write, into the iframe it runs a worker in on file:// pages: its template with
    the source of its two helper functions and the worker's URL (as the page names it) filled in.
    The iframe is about:blank and inherits the page's policy, so this script needs its hash.
    `where` names the page in messages; a shim that does not fit names the shim."""
    if not re.fullmatch(_IN_STRING, worker):
        raise InputError(f"{where}: worker URL {worker!r} would not stay inside its string in the shim's script")
    found = _SHIM_DOCUMENT.search(shim)
    if found is None:
        raise InputError(f"{_SHIM}: the shim no longer writes its iframe's script as this module expects; "
                         "update shim_bootstrap in gpt4qa/render/policy.py for its new version")
    script = found["script"]
    holes = set(re.findall(r"\$\{(\w+)\}", script))
    if holes != {"c", "d", "e"}:
        raise InputError(f"{_SHIM}: the shim's iframe script fills in {sorted(holes)}, not ['c', 'd', 'e']; "
                         "update shim_bootstrap in gpt4qa/render/policy.py for its new version")
    return (script.replace("${c}", _function_source(shim, "c"))
            .replace("${d}", _function_source(shim, "d"))
            .replace("${e}", worker))


def worker_url(html: str, where: str, scanned: _Scanned | None = None) -> str | None:
    """The search worker's URL as the page's theme configuration (#__config) names it, if it has one."""
    for tag, raw in (scanned or _scan(html)).blocks:
        if tag.name == "script" and tag.attrs.get("id") == "__config":
            try:
                return json.loads(raw)["search"]
            except (ValueError, KeyError, TypeError):
                raise InputError(f"{where}:{tag.line}: #__config is not the theme's JSON with a search worker") from None
    return None


def policy_text(scripts: list[str], styles: list[str], *, offline: bool, lightbox: bool) -> str:
    """The policy: every directive with its reason in the module docstring and the README."""
    directives = [
        "default-src 'none'",
        # 'report-sample' allows nothing: a refusal's report then quotes the refused code's start.
        " ".join(["script-src 'self' 'report-sample'", *scripts]),
        " ".join(["style-src 'self' 'report-sample'", *styles]),
    ]
    if lightbox:
        # GLightbox resets and restores the image's style attribute with setAttribute("style", …) when
        # it zooms out and when a pinch ends, sizes worked out at run time: no hash can be known, and
        # without it a zoomed original stays zoomed. A style attribute runs no script, and with images
        # only from the site it can load nothing from elsewhere. On pages that load the lightbox only.
        directives.append("style-src-attr 'unsafe-inline'")
    directives.append("img-src 'self' data:")
    if not offline:
        # The search index (fetched) and the search worker. The offline copy needs neither: it reads
        # the index from search/search_index.js and runs the worker in an iframe (the shim).
        directives += ["connect-src 'self'", "worker-src 'self'"]
    directives += ["base-uri 'none'", "form-action 'none'"]
    return "; ".join(directives)


@dataclass(frozen=True)
class Secured:
    html: str
    policy: str
    inline: tuple[Inline, ...]
    external_links: int

    @property
    def unknown(self) -> list[Inline]:
        return [block for block in self.inline if block.known is None]


_CSP_META = re.compile(r"<meta\s[^>]*http-equiv\s*=\s*[\"']?content-security-policy", re.I)
_HEAD = re.compile(r"<head\b[^>]*>(?P<charset>\s*<meta\s+charset\s*=[^>]*>)?", re.I)
# One attribute of a start tag: its name and, if it has one, its value, quoted or not.
_ATTRIBUTE = re.compile(r"""\s+(?P<name>[^\s=/>]+)(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'>]+)))?""")


def _is_external(href: str, site_url: str | None) -> bool:
    address = href.strip()
    if not re.match(r"(?:[a-z][a-z0-9+.-]*:)?//", address, re.I):
        return False  # relative, a fragment, mailto: or javascript: (none of which opens another site's window)
    return not (site_url and address.startswith(site_url))


def _with_rel(tag: str) -> str:
    """A start tag of a link with the external rel tokens added to whatever rel it has."""
    name = re.match(r"<[^\s/>]+", tag)
    found = next((a for a in _ATTRIBUTE.finditer(tag, name.end()) if a["name"].lower() == "rel"), None)
    if found is None:
        end = len(tag) - (2 if tag.endswith("/>") else 1)
        return tag[:end] + f' rel="{" ".join(EXTERNAL_REL)}"' + tag[end:]
    tokens = (found["double"] or found["single"] or found["bare"] or "").split()
    tokens += [token for token in EXTERNAL_REL if token not in {t.lower() for t in tokens}]
    return tag[:found.start()] + f' rel="{" ".join(tokens)}"' + tag[found.end():]


def secure_page(html: str, *, where: str, offline: bool, shim: str | None = None, site_url: str | None = None) -> Secured:
    """A built page with its policy and referrer policy first in its head and its links to other sites
    marked noopener noreferrer. `where` names the page in messages; `shim` is the iframe-worker shim's
    source (offline copy only); links to `site_url` are the site's own."""
    head = _HEAD.search(html)
    if head is None:
        raise InputError(f"{where}: no <head> to write the content security policy into")
    if existing := _CSP_META.search(html):
        raise InputError(f"{where}:{html.count(chr(10), 0, existing.start()) + 1}: the page already has a "
                         "Content-Security-Policy meta; the build writes it (gpt4qa/render/policy.py), so remove "
                         "it from the template")
    scanned = _scan(html)
    blocks = tuple(inline_blocks(html, scanned))
    scripts = [b.digest for b in blocks if b.kind == "script" and b.known]
    styles = [b.digest for b in blocks if b.kind == "style" and b.known]
    if offline and shim is not None and (worker := worker_url(html, where, scanned)) is not None:
        scripts.append(source_hash(shim_bootstrap(shim, worker, where)))
    policy = policy_text(list(dict.fromkeys(scripts)), list(dict.fromkeys(styles)), offline=offline,
                         lightbox=any(b.known is LIGHTBOX for b in blocks))
    # Links to other sites, rewritten from the last so the offsets of those before still hold; all
    # are after the head's opening, where the metas go.
    links = [t for t in scanned.tags if t.name == "a" and _is_external(t.attrs.get("href") or "", site_url)]
    for tag in reversed(links):
        html = html[:tag.start] + _with_rel(html[tag.start:tag.end]) + html[tag.end:]
    metas = (f'\n<meta http-equiv="Content-Security-Policy" content="{policy}">'
             f'\n<meta name="referrer" content="{REFERRER}">')
    return Secured(html[:head.end()] + metas + html[head.end():], policy, blocks, len(links))
