"""The site's own jieba dictionary: the words of jieba's dictionary that occur in the site's text.

    python scripts/search_dictionary.py --write   # rewrite source/search-dictionary.txt
    python scripts/search_dictionary.py --check   # exit 1 when it no longer matches the pages

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

import argparse
import json
import os
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from backrefs import bre

ROOT = Path(__file__).resolve().parent.parent
DICTIONARY = ROOT / "source" / "search-dictionary.txt"
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


@lru_cache(maxsize=1)
def index_with_full_dictionary() -> dict:
    """The search index of a build that segments with jieba's full dictionary."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, ENV: str(full_dictionary()), "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", tmp]
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode:
            last = (result.stderr.strip().splitlines() or ["no output"])[-1]
            raise SystemExit(f"error: the build for the search dictionary failed: {last}")
        return json.loads((Path(tmp) / "search" / "search_index.json").read_text(encoding="utf-8"))


def expected_lines() -> list[str]:
    full = full_dictionary().read_text(encoding="utf-8").splitlines()
    return reduce(full, han_runs(index_with_full_dictionary()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true")
    mode.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    lines = expected_lines()
    text = "\n".join(lines) + "\n"
    shown = os.path.relpath(DICTIONARY, ROOT) if DICTIONARY.is_relative_to(ROOT) else DICTIONARY
    if args.write:
        DICTIONARY.write_text(text, encoding="utf-8")
        print(f"search dictionary: {shown} — {len(lines) - 1} words")
        return 0
    current = DICTIONARY.read_text(encoding="utf-8") if DICTIONARY.is_file() else ""
    if current != text:
        print(f"{shown} does not match the pages' words; run python scripts/search_dictionary.py --write",
              file=sys.stderr)
        return 1
    print(f"search dictionary: {len(lines) - 1} words, up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
