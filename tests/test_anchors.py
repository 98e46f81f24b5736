"""The anchor contract: listed anchors keep landing; new public anchors must be listed."""


from gpt4qa.checks.anchors import broken, public_anchors, read_contract
from gpt4qa.checks.built_site import load_site


def test_fixture_site_public_anchors(project):
    project.edit_page("q01/", "<h1>", '<h2 id="context">上下文</h2><h1>')
    assert public_anchors(load_site(project.site)) == ["/", "/#fig-1", "/q01/", "/q01/#context", "/q01/#fig-2", "/q02/"]


def contract_of(project):
    project.edit_page("q01/", "<h1>", '<h2 id="context">上下文</h2><h1>')
    return public_anchors(load_site(project.site))


def test_contract_kept(project):
    contract = contract_of(project)
    assert broken(contract, load_site(project.site)) == []


def test_renamed_id_breaks_the_contract(project):
    contract = contract_of(project)
    project.edit_page("q01/", 'id="context"', 'id="context-window"')
    problems = broken(contract, load_site(project.site))
    assert problems[0] == "/q01/#context: id 'context' is gone (keep it, or leave an alias id)"
    assert "/q01/#context-window: public anchor not in public-anchors.txt" in problems[1]


def test_alias_id_keeps_the_old_link_landing(project):
    contract = contract_of(project) + ["/q01/#context-window"]
    project.edit_page("q01/", '<h2 id="context">', '<a id="context"></a><h2 id="context-window">')
    assert broken(contract, load_site(project.site)) == []


def test_removed_page_breaks_the_contract(project):
    contract = contract_of(project)
    (project.page("q02/")).unlink()
    assert broken(contract, load_site(project.site)) == ["/q02/: page /q02/ is gone (keep it, or add a redirect)"]


def test_redirected_page_keeps_its_anchors_landing(project):
    contract = contract_of(project)
    project.page("q01/").rename(project.root / "moved.html")
    project.write_page("q01-new/", '<h2 id="context">上下文</h2><figure id="fig-2"></figure>')
    stub = project.page("q01/")
    stub.parent.mkdir(parents=True, exist_ok=True)
    stub.write_text('<html><head><meta http-equiv="refresh" content="0; url=../q01-new/"></head><body></body></html>')
    problems = broken(contract + ["/q01-new/", "/q01-new/#context", "/q01-new/#fig-2"], load_site(project.site))
    assert problems == []
    stub.write_text('<html><head><meta http-equiv="refresh" content="0; url=../q02/"></head><body></body></html>')
    problems = broken(contract, load_site(project.site))
    assert any("/q01/#context: id 'context' is gone" in p for p in problems)


def test_real_site_keeps_the_committed_contract(pages_site):
    contract = read_contract()
    assert broken(contract, load_site(pages_site)) == []


def test_every_answer_section_is_linkable(pages_site):
    """Every section heading of every answer has an id, a permalink to it, and a contract line."""
    contract = set(read_contract())
    sections = 0
    for page in load_site(pages_site):
        if not page.url.startswith("q") or page.redirect is not None:
            continue
        for heading in page.content.select("h2, h3"):
            ident = heading.get("id")
            assert ident, f"/{page.url}: a section without an id: {heading.get_text()[:30]}"
            assert heading.select_one(f'a.headerlink[href="#{ident}"]') is not None, f"/{page.url}#{ident}"
            assert f"/{page.url}#{ident}" in contract
            sections += 1
    assert sections >= 25
