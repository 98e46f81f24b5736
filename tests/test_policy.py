"""The content security policy the build writes (gpt4qa/render/policy.py): its exact text for a
page, the hash of the worker shim's iframe script, the rel of links to other sites, one-line
errors, the shapes of the theme's and plugins' inline scripts held to the installed packages, and
every page of the real build carrying its policy first. Chromium's side: tests/test_policy_browser.py."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import material
import mkdocs_print_site_plugin
import pytest
from bs4 import BeautifulSoup
from mkdocs_redirects.plugin import HTML_TEMPLATE

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import SHIM_SOURCE
from gpt4qa.render import policy
from gpt4qa.render.policy import KNOWN_SCRIPTS, KNOWN_STYLES, secure_page, shim_bootstrap

THEME = Path(material.__file__).parent / "templates"
MATERIAL_SCOPE = ('__md_scope=new URL("..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
                  '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
                  '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}'
                  'catch(e){}}')
MATERIAL_TAB = ('var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
                '(target.checked=target.name.startsWith("__tabbed_"))')
# The hashes Chromium itself asked for when these scripts were refused (its console names the hash).
SCOPE_HASH = "'sha256-/K9p2JtEqCycL2fSbEonMakkteWpAHv57x2wndLqMNo='"
TAB_HASH = "'sha256-/8wPdzX9q0NNJXyA5lzsLojXFpkeaXVxhbfkUOQaWy8='"
SHIM_HASH_FOR_SUB_W_JS = "'sha256-ZkuvOINcC6tn7rSDwmD5dQKT/NGB8sT8n7B0gtRInHE='"  # iframe-worker 1.0.0's shim


def page(body: str = "", worker: str = "../assets/javascripts/workers/search-engine.js") -> str:
    return (
        '<!doctype html>\n<html lang="zh">\n  <head>\n    <meta charset="utf-8">\n'
        f'    <script>{MATERIAL_SCOPE}</script>\n    <link rel="stylesheet" href="../x.css">\n  </head>\n  <body>\n'
        f'    <script>{MATERIAL_TAB}</script>\n{body}'
        f'    <script id="__config" type="application/json">{{"base": "..", "search": "{worker}"}}</script>\n'
        '    <script src="../assets/javascripts/bundle.js"></script>\n  </body>\n</html>\n'
    )


def shim() -> str:
    if not SHIM_SOURCE.is_file():
        pytest.fail(f"{SHIM_SOURCE} is missing: run make test (it runs npm ci) or npm ci --omit=dev")
    return SHIM_SOURCE.read_text(encoding="utf-8")


def test_a_hosted_page_s_policy_hashes_the_theme_s_inline_scripts_and_not_an_injected_one():
    secured = secure_page(page("    <script>alert(1)</script>\n"), where="q01/index.html", offline=False)
    assert secured.policy == (
        f"default-src 'none'; script-src 'self' 'report-sample' {SCOPE_HASH} {TAB_HASH}; style-src 'self' 'report-sample'; img-src 'self' data:; "
        "connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'"
    )
    assert secured.html.startswith(
        '<!doctype html>\n<html lang="zh">\n  <head>\n    <meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{secured.policy}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'    <script>{MATERIAL_SCOPE}</script>'
    )
    assert [(b.text, b.line) for b in secured.unknown] == [("alert(1)", 10)]
    assert [b.known.source.split(", ")[1] for b in secured.inline if b.known] == [
        "partials/javascripts/base.html (the reader's settings", "partials/javascripts/content.html (a linked tab opens)"]


def test_an_offline_page_s_policy_adds_the_worker_shim_s_iframe_script_and_needs_no_fetch_or_worker():
    secured = secure_page(page(worker="sub/w.js"), where="q01.html", offline=True, shim=shim())
    assert secured.policy == (
        f"default-src 'none'; script-src 'self' 'report-sample' {SCOPE_HASH} {TAB_HASH} {SHIM_HASH_FOR_SUB_W_JS}; style-src 'self' 'report-sample'; "
        "img-src 'self' data:; base-uri 'none'; form-action 'none'"
    )


def test_the_worker_shim_s_iframe_script_is_its_template_with_its_two_helpers_and_the_worker_filled_in():
    assert shim_bootstrap(shim(), "sub/w.js") == (
        'postMessage=function c(s,n){parent.postMessage(s,n||"*")};importScripts=function d(...s){return s.reduce('
        '(n,e)=>n.then(()=>new Promise(r=>{let t=document.createElement("script");t.src=e,t.onload=r,'
        'document.body.appendChild(t)})),Promise.resolve())};addEventListener("error",({error})=>{parent.dispatchEvent('
        'new ErrorEvent("error",{filename:"sub/w.js",error}))})'
    )
    assert policy.source_hash(shim_bootstrap(shim(), "sub/w.js")) == SHIM_HASH_FOR_SUB_W_JS


def test_a_page_with_the_lightbox_hashes_its_style_and_set_up_and_allows_style_attributes():
    written = _lightbox_output()
    style = re.search(r'<style id="glightbox-style">.*?</style>', written, re.S)[0]
    set_up = re.search(r'<script id="init-glightbox">.*?</script>', written, re.S)[0]
    secured = secure_page(page(f"{style}\n{set_up}\n"), where="q02/index.html", offline=False)
    assert [(b.kind, b.known is not None) for b in secured.inline] == [("script", True)] * 2 + [("style", True), ("script", True)]
    digests = [b.digest for b in secured.inline]
    assert secured.policy == (
        f"default-src 'none'; script-src 'self' 'report-sample' {digests[0]} {digests[1]} {digests[3]}; style-src 'self' 'report-sample' {digests[2]}; "
        "style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; base-uri 'none'; "
        "form-action 'none'"
    )


def test_links_to_other_sites_get_noopener_noreferrer_and_the_site_s_own_do_not():
    links = ('<a href="https://arxiv.org/abs/2303.08774">a</a>'
             '<a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">b</a>'
             "<a href='//example.org/x' rel=external>c</a>"
             '<a title="rel=x" href="https://example.com/">g</a>'
             '<a href="https://reader.github.io/gpt-4-qa/">d</a><a href="../q02/#x">e</a><a href="#top">f</a>\n')
    secured = secure_page(page(links), where="q01/index.html", offline=False, site_url="https://reader.github.io/gpt-4-qa/")
    assert secured.external_links == 4
    assert ('<a href="https://arxiv.org/abs/2303.08774" rel="noopener noreferrer">a</a>'
            '<a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener noreferrer">b</a>'
            "<a href='//example.org/x' rel=\"external noopener noreferrer\">c</a>"
            '<a title="rel=x" href="https://example.com/" rel="noopener noreferrer">g</a>'
            '<a href="https://reader.github.io/gpt-4-qa/">d</a><a href="../q02/#x">e</a><a href="#top">f</a>\n') in secured.html


def test_a_page_that_already_has_a_policy_stops_with_one_line_naming_it():
    twice = page().replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="x">')
    with pytest.raises(InputError) as error:
        secure_page(twice, where="about/index.html", offline=False)
    assert str(error.value) == ("about/index.html:5: the page already has a Content-Security-Policy meta; the build "
                                "writes it (gpt4qa/render/policy.py), so remove it from the template")


def test_a_worker_address_that_would_leave_its_string_in_the_shim_s_script_stops_with_one_line():
    with pytest.raises(InputError) as error:
        secure_page(page(worker='x.js\\",alert(1),\\"'), where="q01.html", offline=True, shim=shim())
    assert str(error.value) == "q01.html: worker URL 'x.js\",alert(1),\"' would not stay inside its string in the shim's script"


def test_a_shim_that_no_longer_writes_its_iframe_s_script_stops_with_one_line():
    with pytest.raises(InputError) as error:
        shim_bootstrap("window.Worker = class {}", "w.js", where="q01.html")
    assert str(error.value) == ("node_modules/iframe-worker/shim/index.js: the shim no longer writes its iframe's script "
                                "as this module expects; update shim_bootstrap in gpt4qa/render/policy.py for its new version")


# --- the shapes, held to what the installed theme and plugins write ------------------------------

def _scripts(html: str) -> list[str]:
    """The text of each inline script (no src) of a page or template."""
    return re.findall(r"<script(?![^>]*\ssrc=)(?:\s[^>]*)?>(.*?)</script>", html, re.S)


def test_the_known_scripts_are_what_the_installed_theme_and_plugins_write():
    written = []
    for partial in ("base.html", "palette.html", "content.html"):
        text = (THEME / "partials" / "javascripts" / partial).read_text(encoding="utf-8")
        written += [re.sub(r"\{\{.*?\}\}", "../", script) for script in _scripts(text)]
    assert len(written) == 4  # the scope, the palette, the linked tab and content.tabs.link
    redirect = _scripts(HTML_TEMPLATE.format(url="../q02-improvements/"))
    print_site = (Path(mkdocs_print_site_plugin.__file__).parent / "plugin.py").read_text(encoding="utf-8")
    template = re.search(r'<script type="text/javascript">(.*?)</script>', print_site, re.S)[1]
    written += redirect + [template % "remove_material_navigation();remove_mkdocs_theme_navigation();"]
    lightbox = _lightbox_output()
    written += _scripts(lightbox)
    unknown = [text[:60] for text in written if not any(known.writes(text) for known in KNOWN_SCRIPTS)]
    assert unknown == []
    styles = re.findall(r"<style[^>]*>(.*?)</style>", lightbox, re.S)
    assert len(styles) == 1 and any(known.writes(styles[0]) for known in KNOWN_STYLES)


def _lightbox_output() -> str:
    """What mkdocs-glightbox writes into a page, with the settings of mkdocs.yml."""
    from mkdocs_glightbox.plugin import LightboxPlugin

    plugin = LightboxPlugin()
    assert plugin.load_config({"auto_caption": False, "effect": "fade", "slide_effect": "none"}) == ([], [])
    config = {"theme": SimpleNamespace(name="material", get=lambda key, default=None: []), "plugins": {}}
    plugin.on_config(config)
    return plugin.on_post_page("<html><head></head><body></body></html>", page=SimpleNamespace(meta={}, url="q02/"),
                               config=config)


# --- the real build --------------------------------------------------------------------------------

def test_every_page_of_the_build_carries_its_policy_first_and_a_hash_for_each_inline_script_it_runs(pages_built):
    site, log = pages_built
    assert re.search(r"content policy: \d+ pages, \d+ inline scripts and styles of known templates hashed, 0 refused", log)
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        head = BeautifulSoup(html, "html.parser").head
        first = [tag for tag in head.find_all(True)][:3]
        where = path.relative_to(site).as_posix()
        assert [t.get("charset") or t.get("http-equiv") or t.get("name") for t in first] == \
            ["utf-8", "Content-Security-Policy", "referrer"], where
        text = first[1]["content"]
        blocks = policy.inline_blocks(html)
        assert blocks and all(block.known for block in blocks), where
        assert all(block.digest in text for block in blocks), where
        assert "unsafe-eval" not in text and "'unsafe-inline'" not in text.split("; style-src-attr")[0], where
        assert first[2]["content"] == "no-referrer"
        for link in BeautifulSoup(html, "html.parser").find_all("a", href=re.compile(r"^https?://")):
            if not link["href"].startswith("https://reader.github.io/gpt-4-qa/"):
                assert {"noopener", "noreferrer"} <= set(link.get("rel", [])), (where, link["href"])


def test_serving_writes_no_policy_as_live_reload_adds_a_script_no_build_can_hash(tmp_path):
    from gpt4qa.plugin.hook import ArticleHook

    (tmp_path / "index.html").write_text(page(), encoding="utf-8")
    hook = ArticleHook()
    hook.on_startup(command="serve", dirty=False)
    hook._write_content_policy(config=SimpleNamespace(site_dir=str(tmp_path), site_url=None))
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == page()
    hook.on_startup(command="build", dirty=False)
    hook._write_content_policy(config=SimpleNamespace(site_dir=str(tmp_path), site_url=None))
    assert '<meta http-equiv="Content-Security-Policy"' in (tmp_path / "index.html").read_text(encoding="utf-8")
