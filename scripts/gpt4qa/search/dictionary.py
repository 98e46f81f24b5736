"""The site's own jieba dictionary: the words of jieba's dictionary that occur in the site's text.

    python scripts/docs.py search dictionary --write   # rewrite source/search-dictionary.txt
    python scripts/docs.py search dictionary --check   # exit 1 when it no longer matches the pages

Material segments the Chinese text of the search index with jieba. Loading jieba's full
dictionary (349,046 words) takes about half a second of every build; the site's text holds
under 2% of those words. This file keeps the entries that occur in the text the search plugin
segments (every run of Han characters in the index's titles and texts), with their frequencies,
plus one entry that never matches Chinese text and carries the frequencies left out, so that
jieba's total, and with it every segmentation of the site's text, is exactly the full
dictionary's. A page edit can bring in words the file lacks: `--check` (run by the tests)
says so, and `--write` brings it up to date. The user dictionary (source/search-terms.txt) is
loaded on top, as before.
"""

from __future__ import annotations

from pathlib import Path

from backrefs import bre

from gpt4qa.core.project import SEARCH_DICTIONARY

# The file `docs.py search dictionary --write` writes, and mkdocs.yml names.
DICTIONARY = SEARCH_DICTIONARY
ENV = "SEARCH_JIEBA_DICT"  # mkdocs.yml reads the dictionary's path from here, if set
# Never inside a run of Han characters, the only text Material hands to jieba.
BALANCE_WORD = "frequency-of-words-left-out"
# Material's own pattern for what it segments (material/plugins/search/plugin.py).
_HAN = bre.compile(r"(\p{script: Han}+)", bre.UNICODE)


def full_dictionary() -> Path:
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


def han_runs(index: dict) -> set[str]:
    """The runs of Han characters Material segmented: segmentation only adds U+200B."""
    runs: set[str] = set()
    for entry in index["docs"]:
        for field in ("title", "text"):
            runs.update(_HAN.findall(entry.get(field, "").replace("\u200b", "")))
    return runs


def substrings(runs: set[str], longest: int) -> set[str]:
    return {run[i:j] for run in runs for i in range(len(run)) for j in range(i + 1, min(len(run), i + longest) + 1)}


def reduce(full: list[str], runs: set[str]) -> list[str]:
    """The entries of the full dictionary whose word occurs in the runs, and the balance."""
    entries = [(line, line.split(" ")[0], int(line.split(" ")[1])) for line in full if line.strip()]
    total = sum(freq for _, _, freq in entries)
    present = substrings(runs, max(len(word) for _, word, _ in entries))
    kept = [(line, freq) for line, word, freq in entries if word in present]
    left_out = total - sum(freq for _, freq in kept)
    return [line for line, _ in kept] + [f"{BALANCE_WORD} {left_out} x"]


def expected_lines(index: dict) -> list[str]:
    """The dictionary's lines for a search index built with jieba's full dictionary."""
    full = full_dictionary().read_text(encoding="utf-8").splitlines()
    return reduce(full, han_runs(index))


def dictionary_text(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"
