"""The GPT-4 十问十答 site's own code: one package, its layers in folders.

    core/     errors and exit codes, paths and file names, editions and formats (the page map),
              the editor's-markup contract                                  (imports nothing else)
    sources/  the article and the editor's tables, parsed                  (core)
    render/   page rendering: figures, caveats, tooltips, generated pages   (core, sources)
    checks/   checks that read the built site                               (core, sources)
    search/   the search worker's data and the jieba dictionary            (core, sources)
    run/      MkDocs as a command, steps, server, Chromium, mutants         (core)
    export/   the PDF and the offline copy                                  (core, sources, render, run)
    plugin/   the MkDocs hook: the only layer that imports MkDocs           (all but run, export, bench, cli)
    bench/    benchmarks against plain Material (and peers)                 (all but plugin)
    cli.py    `python scripts/docs.py COMMAND`: one command line            (all but plugin)

The pure layers (core, sources, render, checks, search) import neither MkDocs, nor subprocess,
nor Playwright; tests/test_layers.py walks every import and fails on a rule broken.
"""
