"""The anchor contract: listed anchors keep landing; new public anchors must be listed."""

from pathlib import Path

from anchors import broken, public_anchors, read_contract
from built_site import load_site


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


def test_real_site_keeps_the_committed_contract(real_site):
    contract = read_contract()
    assert broken(contract, load_site(real_site)) == []


def test_every_answer_section_is_linkable(real_site):
    contract = read_contract()
    sections = {url: sum(a.startswith(url + "#") and "#fig-" not in a for a in contract) for url in contract if "#" not in url}
    expected = {"/q02-improvements/": 8, "/q03-training/": 4, "/q04-applications/": 3, "/q07-engineers/": 5,
                "/q08-trends/": 6, "/q09-paper/": 2}
    assert {url: sections[url] for url in expected} == expected
