"""The site's cut-down jieba dictionary: up to date, and segmenting as the full one does."""

from __future__ import annotations

import jieba
import pytest

from gpt4qa import cli
from gpt4qa.cli import full_dictionary_index
from gpt4qa.core.project import ROOT
from gpt4qa.search import dictionary

# Builds the real site (or a changed copy of it) itself.
pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def full_index() -> dict:
    return full_dictionary_index()


def test_committed_dictionary_matches_the_pages(monkeypatch, full_index):
    monkeypatch.setattr(cli, "full_dictionary_index", lambda: full_index)
    assert cli.main(["search", "dictionary", "--check"]) == 0


def test_check_fails_when_the_dictionary_drifted(monkeypatch, tmp_path, capsys, full_index):
    stale = tmp_path / "search-dictionary.txt"
    stale.write_text(dictionary.DICTIONARY.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    monkeypatch.setattr(dictionary, "DICTIONARY", stale)
    monkeypatch.setattr(cli, "full_dictionary_index", lambda: full_index)
    assert cli.main(["search", "dictionary", "--check"]) == 1
    assert "does not match the pages' words" in capsys.readouterr().err


def test_reduce_keeps_the_words_in_the_text_and_the_total():
    full = ["大模型 100 n", "模型 500 n", "预训练 80 n", "苹果 900 n", "模 3 n"]
    reduced = dictionary.reduce(full, {"多模态预训练大模型"})
    assert reduced == ["大模型 100 n", "模型 500 n", "预训练 80 n", "模 3 n", f"{dictionary.BALANCE_WORD} 900 x"]
    assert sum(int(line.split()[1]) for line in reduced) == sum(int(line.split()[1]) for line in full)


def test_cut_down_dictionary_segments_the_site_text_as_the_full_one(tmp_path, full_index):
    runs = sorted(dictionary.han_runs(full_index))
    small = tmp_path / "small.txt"
    small.write_text(dictionary.DICTIONARY.read_text(encoding="utf-8"), encoding="utf-8")
    full, cut_down = jieba.Tokenizer(str(dictionary.full_dictionary())), jieba.Tokenizer(str(small))
    for tokenizer in (full, cut_down):
        tokenizer.load_userdict(str(ROOT / "source" / "search-terms.txt"))
    assert len(runs) > 500
    assert [list(cut_down.cut(run)) for run in runs] == [list(full.cut(run)) for run in runs]
