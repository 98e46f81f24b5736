"""Read one of the editor's YAML tables in source/ (figures, parts, glossary, search vocabulary):
its data, or one line naming the file, the line and what is wrong with it."""

from __future__ import annotations

from pathlib import Path

import yaml

from gpt4qa.core.errors import InputError

# libyaml's loader where PyYAML was built with it (several times faster), the same data either way.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, path: Path) -> object:
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise InputError(f"{path}{where}: not valid YAML") from None


def read_table(path: Path, what: str) -> object:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: {what} not found") from None
    return parse_yaml(text, path)


def item_lines(text: str, key: str) -> list[int]:
    """The line (1-based) where each item of the top-level list `key` starts, for messages that
    name the line of a table entry; [] where the table has no such list."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for name, value in root.value:
        if name.value == key and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def read_table_with_lines(path: Path, what: str, key: str) -> tuple[object, list[int]]:
    """A table's data and the line of each entry of its list `key`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: {what} not found") from None
    return parse_yaml(text, path), item_lines(text, key)
