"""The mutation smoke test: every realistic break in gpt4qa/run/mutants.py fails its check."""

from __future__ import annotations

import pytest

from gpt4qa.core.errors import InputError
from gpt4qa.run import mutants

# Each mutant builds a copy of the project: slow, and a build.
pytestmark = [pytest.mark.slow, pytest.mark.build]

FAST = [mutant for mutant in mutants.MUTANTS if not mutant.slow]  # the rest: make mutants


@pytest.mark.parametrize("mutant", FAST, ids=[m.name for m in FAST])
def test_break_is_caught(mutant):
    caught, output = mutants.run(mutant)
    assert caught, output


def test_a_mutant_whose_text_is_gone_stops_with_one_line(tmp_path):
    mutants.copy_project(tmp_path)
    stale = mutants.Mutant("stale", "docs/about.md", "这段文字不在页面里", "x", "")
    with pytest.raises(InputError, match=r"^mutant 'stale': docs/about.md holds 0 copies"):
        mutants.apply(tmp_path, stale)


@pytest.mark.parametrize("mutant", mutants.MUTANTS, ids=[m.name for m in mutants.MUTANTS])
def test_every_mutant_still_finds_its_text_once(mutant):
    """The slow mutants too (make mutants runs them): a mutant whose text has changed is told here,
    in a moment, not at the end of a long run."""
    from gpt4qa.core.project import ROOT

    assert (ROOT / mutant.path).read_text(encoding="utf-8").count(mutant.old) == 1, mutant.name
