"""The site's own jieba dictionary: the words of jieba's dictionary that occur in the site's text.

    python scripts/docs.py search dictionary --write   # rewrite source/search-dictionary.txt
    python scripts/docs.py search dictionary --check   # exit 1 when it no longer matches the pages

The search index (gpt4qa/search/index.py) segments the site's Chinese text with jieba, with the
dictionary mkdocs.yml names under the search plugin. Loading jieba's full dictionary (349,046
words) takes about half a second of every build; the site's text holds under 2% of those words.
This file keeps the entries that occur in the text the index segments (every run of Han
characters in its titles, texts and notes), with their frequencies,
plus one entry that never matches Chinese text and carries the frequencies left out, so that
jieba's total, and with it every segmentation of the site's text, is exactly the full
dictionary's. A page edit can bring in words the file lacks: `--check` (run by the tests)
says so, and `--write` brings it up to date. The user dictionary (source/search-terms.txt) is
loaded on top, as before.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Callable
from pathlib import Path

from gpt4qa.core.project import SEARCH_DICTIONARY
from gpt4qa.search.index import HAN_RUN

# The file `docs.py search dictionary --write` writes, and mkdocs.yml names.
DICTIONARY = SEARCH_DICTIONARY
ENV = "SEARCH_JIEBA_DICT"  # mkdocs.yml reads the dictionary's path from here, if set
# Never inside a run of Han characters, the only text Material hands to jieba.
BALANCE_WORD = "frequency-of-words-left-out"


class Segmenter:
    """jieba with the site's dictionary and the article's terms (a tokenizer of its own, not jieba's
    global one): the words of the search index, and how common each is in Chinese at large."""

    def __init__(self, dictionary: Path, user_words: Path | None, convert: Callable[[str], str] | None = None) -> None:
        """`convert`: a converted edition's conversion, applied to every word of both files, so its
        text is cut as the Simplified text is (jieba's dictionary knows no 多模態)."""
        import logging

        import jieba

        logging.getLogger("jieba").setLevel(logging.WARNING)  # it announces its dictionary load at INFO
        with tempfile.TemporaryDirectory() as tmp:
            if convert is not None:
                dictionary = _converted(dictionary, Path(tmp) / "dictionary.txt", convert)
                user_words = _converted(user_words, Path(tmp) / "terms.txt", convert) if user_words else None
            self._jieba = jieba.Tokenizer(dictionary=str(dictionary))
            self._jieba.initialize()  # now, not on the first cut: the build's log says what it cost
            self._terms: set[str] = set()
            if user_words is not None:
                self._jieba.load_userdict(str(user_words))
                self._terms = {line.split()[0] for line in user_words.read_text(encoding="utf-8").splitlines()
                               if line.strip()}

    def cut(self, text: str) -> list[str]:
        return list(self._jieba.cut(text))

    def information(self, word: str) -> float | None:
        """ln(total / frequency) of a word in the dictionary (None when it has none, and for the
        article's terms, whose frequency there only keeps them whole)."""
        frequency = None if word in self._terms else self._jieba.FREQ.get(word)
        return math.log(self._jieba.total / frequency) if frequency else None


def _converted(source: Path, target: Path, convert: Callable[[str], str]) -> Path:
    """A jieba dictionary with each line's word converted (its frequency and tag as they were)."""
    lines = source.read_text(encoding="utf-8").splitlines()
    words = [line.split(" ", 1) for line in lines if line.strip()]
    converted = convert("\n".join(word for word, *_ in words)).split("\n")
    target.write_text("".join(" ".join([new, *rest]) + "\n" for new, (_, *rest) in zip(converted, words)),
                      encoding="utf-8")
    return target


def full_dictionary() -> Path:
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


def han_runs(index: dict) -> set[str]:
    """The runs of Han characters Material segmented: segmentation only adds U+200B."""
    runs: set[str] = set()
    for entry in index["docs"]:
        for field in ("title", "text", "notes"):
            runs.update(HAN_RUN.findall(entry.get(field, "").replace("\u200b", "")))
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
