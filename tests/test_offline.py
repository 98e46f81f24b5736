"""The offline copy (made by make build): unzipped and opened from disk, it reads and searches as the
hosted site does."""

from __future__ import annotations

import zipfile

# The unzipped copy is the `offline` fixture (conftest.py), shared with tests/test_policy_browser.py.


def test_offline_copy_reads_and_searches_from_disk(browser, offline):
    context = browser.new_context()
    page = context.new_page()
    errors, remote = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: remote.append(r.url) if r.url.split(":")[0] not in ("file", "data", "blob", "about") else None)
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
    context.close()
    assert errors == [] and remote == []


def test_offline_copy_is_linked_from_the_about_page(real_site):
    about = (real_site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'href="../gpt-4-qa-offline.zip"' in about
    with zipfile.ZipFile(real_site / "gpt-4-qa-offline.zip") as archive:
        names = archive.namelist()
    assert "gpt-4-qa-offline/index.html" in names and "gpt-4-qa-offline/gpt-4-qa.pdf" in names
