"""Stand-ins are drawn from the table, stay small, and go stale when the table changes."""

from pathlib import Path

from PIL import Image

from figure_table import Figure
from standins import digest, drifted, standin_digest, write

FIGURE = Figure(3, "abc123", "q01.md", "测试图注：8K 与 32K", "测试替代文字")


def test_drawn_standin_is_small_labelled_and_current(tmp_path: Path):
    path = write(FIGURE, tmp_path)
    assert path == tmp_path / "images/jueJin/abc123.png"
    assert path.stat().st_size < 20_000
    with Image.open(path) as image:
        assert image.size == (720, 405)
        assert len(image.getcolors()) > 2  # something was drawn
    assert standin_digest(path) == digest(FIGURE)
    assert drifted((FIGURE,), tmp_path) == []


def test_changed_caption_makes_the_standin_stale(tmp_path: Path):
    write(FIGURE, tmp_path)
    changed = Figure(3, "abc123", "q01.md", "新的图注", "测试替代文字")
    [problem] = drifted((changed,), tmp_path)
    assert "stand-in is stale for 图 3" in problem


def test_missing_file_is_reported(tmp_path: Path):
    [problem] = drifted((FIGURE,), tmp_path)
    assert "missing (图 3)" in problem


def test_an_original_image_is_accepted(tmp_path: Path):
    path = tmp_path / "images/jueJin/abc123.png"
    path.parent.mkdir(parents=True)
    Image.new("RGB", (10, 10)).save(path)
    assert standin_digest(path) is None
    assert drifted((FIGURE,), tmp_path) == []


def test_committed_standins_match_the_table():
    from figure_table import load_table

    docs = Path(__file__).resolve().parent.parent / "docs"
    assert drifted(load_table(), docs) == []
