"""The command line: one subcommand per task, each a thin call into the layers.

Every command returns an `ExitCode`: 0 done, 1 a check found problems (each listed on stdout),
2 bad input or a missing tool (`error: …` on stderr, one line naming the file and the fix). Only
here are `InputError` and `MissingTool` turned into that line; nothing below raises SystemExit.
"""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from gpt4qa.core.editions import BY_KEY, EDITIONS, EPUB, OFFLINE, PDF, SIMPLIFIED, Edition
from gpt4qa.core.errors import ExitCode, InputError, MissingTool
from gpt4qa.core.project import ROOT

EDITION_KEYS = tuple(edition.key for edition in EDITIONS)
BENCHMARKS = ("build", "figures", "lighthouse", "page-weight", "pdf", "search", "serve")


def _report(problems: list[str], summary: str) -> ExitCode:
    for problem in problems:
        print(problem)
    print(summary)
    return ExitCode.PROBLEMS if problems else ExitCode.OK


# --- building ------------------------------------------------------------------------------------

def cmd_pages(args: argparse.Namespace) -> ExitCode:
    """The strict page build; the hook runs the article check, the anchor contract and the heading
    rules on it and fails the build on any problem."""
    from gpt4qa.run import mkdocs

    result = mkdocs.build(args.site, clean=True, quiet=args.quiet, capture=False)
    return ExitCode.OK if result.returncode == 0 else ExitCode.PROBLEMS


def _editions(args: argparse.Namespace) -> tuple[Edition, ...]:
    """The editions an export command makes: those --edition names (repeatable; the Simplified
    one by default), or, from cmd_build, `editions`."""
    if getattr(args, "editions", None):
        return tuple(args.editions)
    keys = getattr(args, "edition", None) or [SIMPLIFIED.key]
    return tuple(BY_KEY[key] for key in dict.fromkeys([keys] if isinstance(keys, str) else keys))


def _named(fmt: str, edition: Edition) -> str:
    """A format's name in the log, with its edition's: "pdf zh-Hant"."""
    return f"{fmt} {edition.key}"


def cmd_pdf(args: argparse.Namespace) -> ExitCode:
    """Each edition's PDF; several editions print in one Chromium session."""
    from gpt4qa.export.pdf import render_editions

    for stats in render_editions(args.site, _editions(args)):
        print(
            f"{_named(PDF.name, stats.edition)}: {stats.path} — {stats.pages} pages, {stats.size / 1024:.0f} KB, "
            f"{stats.seconds:.1f} s, {stats.remapped} look-alike characters remapped in the text layer, "
            f"{stats.artifacts} pieces of page furniture marked as artifacts"
        )
    return ExitCode.OK


def cmd_offline(args: argparse.Namespace) -> ExitCode:
    """Each edition's offline copy, all from one offline build."""
    from gpt4qa.export.offline import make_editions

    for stats in make_editions(args.site, _editions(args)):
        print(f"{_named(OFFLINE.name, stats.edition)}: {stats.path} — {stats.files} files, "
              f"{stats.size / 1024:.0f} KB; unzip and open {stats.folder}/index.html")
    return ExitCode.OK


def cmd_epub(args: argparse.Namespace) -> ExitCode:
    """Each edition's e-book, written beside its pages only once the article check on its text
    (converted, for a converted edition) passes."""
    import os

    from gpt4qa.checks.epub import check_book
    from gpt4qa.export.epub import make
    from gpt4qa.export.wording import converter

    code = ExitCode.OK
    for edition in _editions(args):
        name = _named(EPUB.name, edition)
        final = args.site / edition.download(EPUB)
        stats = make(args.site, final.with_name(final.name + ".part"), edition)
        try:
            report = check_book(stats.path, edition=edition, convert=converter(edition) if edition.converted else None)
        except BaseException:
            stats.path.unlink()
            raise
        for problem in report.problems:
            print(problem)
        if report.problems:
            stats.path.unlink()
            print(f"{name}: not written, the article check on its text found {len(report.problems)} problems")
            code = ExitCode.PROBLEMS
            continue
        os.replace(stats.path, final)
        print(f"{name}: {final} — {stats.documents} documents, {stats.images} images, {stats.size / 1024:.0f} KB, "
              f"{stats.seconds:.1f} s; its text: {report.summary()}")
    return code


def cmd_check_epub(args: argparse.Namespace) -> ExitCode:
    """epubcheck, then the article check, the links and the navigation, on an edition's e-book
    (its text held to the article as the edition converts it)."""
    from gpt4qa.checks.epub import check_book
    from gpt4qa.export.epub import epubcheck
    from gpt4qa.export.wording import converter

    problems, summaries = [], []
    for edition in _editions(args):
        path = args.site / edition.download(EPUB)
        result = epubcheck(path)
        report = check_book(path, edition=edition, convert=converter(edition) if edition.converted else None)
        problems += result.messages + report.problems
        summaries.append(f"{_named(EPUB.name, edition)}: epubcheck {result.version}: {result.errors} errors, "
                         f"{result.warnings} warnings; {report.summary()}")
    return _report(problems, "\n".join(summaries))


def cmd_build(args: argparse.Namespace) -> ExitCode:
    """The complete site, as make build and the deploy workflow make it: every link works. The
    pages of every edition (strict, checked), each edition's whole-site PDF (all in one Chromium
    session) and e-book, which its pages link, then the offline copies (one build, a zip an
    edition), which hold them."""
    from gpt4qa.run.steps import run_steps

    site = args.site.resolve()
    if code := run_steps("build", [("pages", lambda: cmd_pages(argparse.Namespace(site=site, quiet=False)))]):
        return ExitCode(code)
    # The editions the page build made (mkdocs.yml's extra.editions: a fork may build one).
    made = tuple(edition for edition in EDITIONS if (site / edition.prefix / "index.html").is_file())
    every = argparse.Namespace(site=site, editions=made)
    keys = ", ".join(edition.key for edition in made)
    steps: list[tuple[str, Callable[[], int]]] = [(f"{PDF.name} ({keys})", lambda: guarded(cmd_pdf, every))]
    for edition in made:
        one = argparse.Namespace(site=site, editions=(edition,))
        steps.append((_named(EPUB.name, edition), lambda one=one: guarded(cmd_epub, one)))
    steps.append((f"offline copy ({keys})", lambda: guarded(cmd_offline, every)))
    return ExitCode(run_steps("build", steps))


def cmd_serve(args: argparse.Namespace) -> ExitCode:
    from gpt4qa.run import mkdocs

    return ExitCode.OK if mkdocs.serve(args.dev_addr, livereload=args.livereload) == 0 else ExitCode.PROBLEMS


# --- checking ------------------------------------------------------------------------------------

def edition_of(args: argparse.Namespace):
    """The edition a command names (--edition), and its conversion of the sources (None for the
    Simplified one)."""
    from gpt4qa.sources.conversion import converter_for

    edition = BY_KEY[getattr(args, "edition", None) or SIMPLIFIED.key]
    return edition, (converter_for(edition) if edition.converted else None)


def cmd_check_article(args: argparse.Namespace) -> ExitCode:
    from gpt4qa.checks.article import check_site
    from gpt4qa.sources.bundle import Sources

    edition, convert = edition_of(args)
    sources = Sources(article_path=args.article, figures_path=args.figures, parts_path=args.parts)
    report = check_site(args.site, sources, edition=edition, convert=convert)
    return _report(report.problems, f"article check ({edition.key}): {report.summary()}")


def cmd_check_headings(args: argparse.Namespace) -> ExitCode:
    from gpt4qa.checks.headings import check_headings

    found = check_headings(args.site)
    return _report(found, f"headings: {len(found)} faults")


def cmd_check_layers(args: argparse.Namespace) -> ExitCode:
    from gpt4qa.checks.layers import violations

    found = violations(Path(__file__).resolve().parent)
    return _report(found, f"layers: {len(found)} imports that break a rule")


def cmd_anchors(args: argparse.Namespace) -> ExitCode:
    from gpt4qa.checks import anchors
    from gpt4qa.checks.built_site import load_site

    edition, _ = edition_of(args)
    pages = load_site(args.site, edition)
    if args.write:
        count = anchors.write_contract(pages, args.contract)
        print(f"anchors: wrote {count} to {args.contract}")
        return ExitCode.OK
    contract = anchors.read_contract(args.contract)
    problems = anchors.broken(contract, pages, edition)
    return _report(problems, f"anchors ({edition.key}): {len(contract) - sum('is gone' in p for p in problems)}/"
                             f"{len(contract)} land")


def cmd_check(args: argparse.Namespace) -> ExitCode:
    """Every check that needs no browser, on a page build of its own (site/ is left alone)."""
    from gpt4qa.core.project import ANCHOR_CONTRACT, ARTICLE_PATH, FIGURES_PATH, PARTS_PATH
    from gpt4qa.run import mkdocs
    from gpt4qa.run.steps import run_steps

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        built = argparse.Namespace(site=site, article=ARTICLE_PATH, figures=FIGURES_PATH, parts=PARTS_PATH,
                                   contract=ANCHOR_CONTRACT, write=False)
        steps = [
            ("lint", lambda: subprocess.run([sys.executable, "-m", "ruff", "check", "--quiet", "scripts", "tests"],
                                            cwd=ROOT).returncode),
            ("import rules", lambda: guarded(cmd_check_layers, built)),
            ("page build (article check, anchor contract, headings)",
             lambda: mkdocs.build(site, quiet=True, capture=False).returncode),
            ("article check", lambda: guarded(cmd_check_article, built)),
            ("anchor contract", lambda: guarded(cmd_anchors, built)),
            ("e-books (the article check on their text)",
             lambda: guarded(cmd_epub, argparse.Namespace(site=site, editions=EDITIONS))),
            ("search dictionary", lambda: guarded(cmd_search_dictionary, argparse.Namespace(write=False))),
            ("locks", lambda: guarded(cmd_lock, argparse.Namespace(write=False))),
            ("workflow pins", lambda: guarded(cmd_check_workflows, argparse.Namespace())),
        ]
        if code := run_steps("check", steps):
            return ExitCode(code)
    print(f"check: all passed in {time.perf_counter() - started:.1f} s")
    return ExitCode.OK


# --- search --------------------------------------------------------------------------------------

def cmd_search_index(args: argparse.Namespace) -> ExitCode:
    from gpt4qa.core.project import SEARCH_TERMS, shown
    from gpt4qa.search import dictionary
    from gpt4qa.search.data import rewrite_index
    from gpt4qa.sources.bundle import Sources

    edition, convert = edition_of(args)
    sources = Sources()
    path, seconds, pages = rewrite_index(args.site / edition.prefix, vocabulary=sources.vocabulary,
                                         glossary=sources.glossary, edition=edition, convert=convert,
                                         segmenter=dictionary.Segmenter(dictionary.DICTIONARY, SEARCH_TERMS, convert))
    print(f"search index: {shown(path)} — {pages} pages, {path.stat().st_size / 1024:.0f} KB in {seconds:.2f} s")
    return ExitCode.OK


def full_dictionary_index() -> dict:
    """The search index of a page build that segments with jieba's full dictionary."""
    import json

    from gpt4qa.run import mkdocs
    from gpt4qa.search import dictionary

    # The Simplified edition's words (the Traditional edition's segmenter converts this dictionary).
    with tempfile.TemporaryDirectory() as tmp, mkdocs.one_edition() as config:
        result = mkdocs.build(Path(tmp), config=config, strict=False, quiet=True,
                              env={dictionary.ENV: str(dictionary.full_dictionary())})
        if result.returncode:
            raise InputError(f"the build for the search dictionary failed: {mkdocs.last_line(result)}")
        return json.loads((Path(tmp) / "search" / "search_index.json").read_text(encoding="utf-8"))


def cmd_search_dictionary(args: argparse.Namespace) -> ExitCode:
    from gpt4qa.core.project import shown
    from gpt4qa.search import dictionary

    lines = dictionary.expected_lines(full_dictionary_index())
    text = dictionary.dictionary_text(lines)
    if args.write:
        dictionary.DICTIONARY.write_text(text, encoding="utf-8")
        print(f"search dictionary: {shown(dictionary.DICTIONARY)} — {len(lines) - 1} words")
        return ExitCode.OK
    current = dictionary.DICTIONARY.read_text(encoding="utf-8") if dictionary.DICTIONARY.is_file() else ""
    if current != text:
        print(f"{shown(dictionary.DICTIONARY)} does not match the pages' words; "
              "run python scripts/docs.py search dictionary --write", file=sys.stderr)
        return ExitCode.PROBLEMS
    print(f"search dictionary: {len(lines) - 1} words, up to date")
    return ExitCode.OK


# --- supply chain --------------------------------------------------------------------------------

def cmd_lock(args: argparse.Namespace) -> ExitCode:
    """Every Python lock against its top-level list (no network), or --write them with pip-compile."""
    from gpt4qa.checks.locks import check_locks
    from gpt4qa.core.project import shown

    if args.write:
        from gpt4qa.run.locks import write_locks

        written = write_locks()
        print(f"lock: wrote {', '.join(shown(path) for path in written)}")
    problems, summary = check_locks()
    return _report(problems, summary)


def cmd_check_workflows(args: argparse.Namespace) -> ExitCode:
    from gpt4qa.checks.workflows import check_workflows

    problems, summary = check_workflows()
    return _report(problems, summary)


def cmd_audit(args: argparse.Namespace) -> ExitCode:
    from gpt4qa.run.audit import audit

    lines, found = audit()
    print("\n".join(lines))
    return ExitCode.PROBLEMS if found else ExitCode.OK


# --- tools ---------------------------------------------------------------------------------------

def cmd_fonts(args: argparse.Namespace) -> ExitCode:
    from gpt4qa.export import fonts

    if args.fontconfig:
        print(fonts.write_fontconfig(args.fontconfig))
        return ExitCode.OK
    fonts.require_fonts()
    for family in fonts.FAMILIES:
        for face in fonts.faces(family):
            print(f"{family}: {face.path} (face {face.index})")
    return ExitCode.OK


def cmd_mutants(args: argparse.Namespace) -> ExitCode:
    from gpt4qa.run import mutants

    if args.list:
        print("\n".join(mutants.describe()))
        return ExitCode.OK
    return ExitCode.PROBLEMS if mutants.run_all(fast=args.fast) else ExitCode.OK


def cmd_static(args: argparse.Namespace) -> ExitCode:
    import threading

    from gpt4qa.run.server import start

    if not args.site.is_dir():
        raise InputError(f"{args.site}: site folder does not exist; run make build first")
    server = start(args.site, args.prefix, args.port, args.gzip)
    print(f"serving {args.site} at http://127.0.0.1:{args.port}{args.prefix} (Ctrl-C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
    return ExitCode.OK


def cmd_crawl(args: argparse.Namespace) -> ExitCode:
    from gpt4qa.run.crawler import crawl

    if not args.url.startswith("http"):
        raise InputError(f"{args.url}: not an address; give http://127.0.0.1:PORT/PREFIX/")
    result = crawl(args.url)
    return _report(result.broken, f"crawl: {result.pages} pages, {result.resources} files, "
                                  f"{result.anchors} anchors, {len(result.broken)} broken")


def cmd_bench(args: argparse.Namespace) -> ExitCode:
    module = importlib.import_module(f"gpt4qa.bench.{args.name.replace('-', '_')}")
    return ExitCode(module.main(args.rest))


# --- the parser ----------------------------------------------------------------------------------

def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="python scripts/docs.py", description="The GPT-4 十问十答 site's one command line.",
        epilog="exit codes, for every command: 0 done, 1 a check found problems (each listed), "
               "2 bad input or a missing tool (one line naming the file, or what to install)")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def export_edition(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--edition", action="append", choices=EDITION_KEYS,
                         help=f"the edition (default {SIMPLIFIED.key}); repeat it for several at once (the "
                              "PDFs in one Chromium session, the offline copies from one build)")

    def command(name: str, run: Callable, help: str, site: bool = False) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.set_defaults(run=run)
        if site:
            sub.add_argument("site", type=Path, help="the built site folder")
        return sub

    command("build", cmd_build, "the complete site: strict pages, the PDF, the e-book, the offline copy", site=True)
    pages = command("pages", cmd_pages, "the strict page build, checked by the hook", site=True)
    pages.add_argument("-q", "--quiet", action="store_true")
    for name, run, what in (("pdf", cmd_pdf, "an edition's whole-site PDF from a built site's print view"),
                            ("epub", cmd_epub, "an edition's e-book (EPUB 3) of a built site, held to the article"),
                            ("offline", cmd_offline, "an edition's offline copy (a zip that works from disk) of a "
                                                     "built site")):
        export_edition(command(name, run, what, site=True))
    serve = command("serve", cmd_serve, "serve the pages with live reload")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    serve.add_argument("--no-livereload", dest="livereload", action="store_false")

    check = command("check", cmd_check, "every check that needs no browser, on a page build of its own")
    checks = check.add_subparsers(dest="what", metavar="CHECK")
    from gpt4qa.core.project import ARTICLE_PATH, FIGURES_PATH, PARTS_PATH

    article = checks.add_parser("article", help="the article check on a built site")
    article.set_defaults(run=cmd_check_article)
    article.add_argument("site", type=Path)
    article.add_argument("--article", type=Path, default=ARTICLE_PATH)
    article.add_argument("--figures", type=Path, default=FIGURES_PATH)
    article.add_argument("--parts", type=Path, default=PARTS_PATH)
    article.add_argument("--edition", choices=EDITION_KEYS, default=SIMPLIFIED.key)
    layers = checks.add_parser("layers", help="the package's import rules")
    layers.set_defaults(run=cmd_check_layers)
    epub = checks.add_parser("epub", help="epubcheck and the article check on a built site's e-book")
    epub.set_defaults(run=cmd_check_epub)
    epub.add_argument("site", type=Path)
    export_edition(epub)
    headings = checks.add_parser("headings", help="the heading rules on a built site")
    headings.set_defaults(run=cmd_check_headings)
    headings.add_argument("site", type=Path)
    workflows = checks.add_parser("workflows", help="every action pinned by commit, every job its permissions")
    workflows.set_defaults(run=cmd_check_workflows)

    from gpt4qa.core.project import ANCHOR_CONTRACT

    anchors = command("anchors", cmd_anchors, "hold a built site to the anchor contract, or --write it", site=True)
    anchors.add_argument("--contract", type=Path, default=ANCHOR_CONTRACT)
    anchors.add_argument("--write", action="store_true", help="rewrite the contract from the site")
    anchors.add_argument("--edition", choices=EDITION_KEYS, default=SIMPLIFIED.key)

    search = command("search", None, "the search's data files")
    searches = search.add_subparsers(dest="what", metavar="PART", required=True)
    data = searches.add_parser("index", help="(re)write a built site's search index from its pages")
    data.set_defaults(run=cmd_search_index)
    data.add_argument("site", type=Path)
    data.add_argument("--edition", choices=EDITION_KEYS, default=SIMPLIFIED.key)
    dictionary = searches.add_parser("dictionary", help="the cut-down jieba dictionary: --check or --write")
    dictionary.set_defaults(run=cmd_search_dictionary)
    mode = dictionary.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true")
    mode.add_argument("--check", action="store_true")

    lock = command("lock", cmd_lock, "the Python locks: --check them (no network) or --write them")
    mode = lock.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="regenerate every lock with pip-compile (network)")
    mode.add_argument("--check", action="store_true", help="every lock agrees with its list (no network)")
    command("audit", cmd_audit, "known vulnerabilities in the locked packages (pip-audit, npm audit)")

    fonts = command("fonts", cmd_fonts, "where the project's fonts are, or which Debian package to install")
    fonts.add_argument("--fontconfig", type=Path, metavar="DIR", help="write DIR/fonts.conf that sees only them")
    mutants = command("mutants", cmd_mutants, "the mutation smoke test: each break must fail its check")
    mutants.add_argument("--list", action="store_true")
    mutants.add_argument("--fast", action="store_true", help="only the mutants make test runs")
    static = command("static", cmd_static, "serve a built site under a path prefix, as a static host would",
                     site=True)
    static.add_argument("--prefix", default="/")
    static.add_argument("--port", type=int, default=8001)
    static.add_argument("--gzip", action="store_true")
    crawl = command("crawl", cmd_crawl, "crawl a served site for broken links and anchors")
    crawl.add_argument("url")
    bench = command("bench", cmd_bench, "a benchmark beside plain Material: " + ", ".join(BENCHMARKS))
    bench.add_argument("name", choices=BENCHMARKS)
    bench.add_argument("rest", nargs=argparse.REMAINDER, help="the benchmark's own options (see its --help)")
    return top


def guarded(run: Callable[[argparse.Namespace], ExitCode], args: argparse.Namespace) -> ExitCode:
    """A command's exit code; bad input or a missing tool as one `error:` line and exit 2."""
    try:
        return run(args)
    except (InputError, MissingTool) as error:
        print(f"error: {error}", file=sys.stderr)
        return ExitCode.BAD_INPUT


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "check" and args.what is None:
        args.run = cmd_check
    return int(guarded(args.run, args))
