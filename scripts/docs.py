"""The project's one command line: `python scripts/docs.py COMMAND …` (`--help` lists them).

    python scripts/docs.py build site        # the complete site: pages, PDF, offline copy
    python scripts/docs.py check             # every check that needs no browser
    python scripts/docs.py serve             # live-reloading pages at http://127.0.0.1:8000

Exit codes, for every command: 0 done (or nothing found), 1 a check found problems (each listed),
2 bad input or a missing tool (one line saying which file and what to do).
"""

import sys

from gpt4qa.cli import main

if __name__ == "__main__":
    sys.exit(main())
