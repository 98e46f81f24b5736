"""The other editions, each built by the Simplified build into its prefix (site/zh-Hant/).

`mkdocs build`, `mkdocs serve` and every fixture build make every edition the configuration
names (mkdocs.yml `extra.editions`), so a reader of the served or the built site can switch
between them, and no command has to know there is more than one. Each other edition is a
whole MkDocs build of the same configuration, in the same process, after the Simplified build's
own steps (its pages checked, its policy written): its own plugins, its own pages, search index,
print view and sitemap, below the prefix. The hook tells it its edition by `extra.edition`.

FastAPI's docs build each language with MkDocs, one build a language, in the same way.
"""

from __future__ import annotations

import logging
from pathlib import Path

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from gpt4qa.core.editions import BY_KEY, SIMPLIFIED, Edition
from gpt4qa.core.errors import InputError

log = logging.getLogger("mkdocs.hooks.article")


class SharedTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once a process, for every edition's build (and every rebuild
    of `mkdocs serve`): each build has a Jinja environment of its own, which would compile the
    same 170 templates again. A template whose source changed is compiled anew (Jinja checks each
    bucket's checksum)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = SharedTemplates()


def configured(config: MkDocsConfig, path: str = "mkdocs.yml") -> tuple[Edition, ...]:
    """The editions a configuration builds (`extra.editions`, Simplified first); Simplified alone
    where it names none."""
    keys = config.extra.get("editions") or [SIMPLIFIED.key]
    if not isinstance(keys, list) or not keys or keys[0] != SIMPLIFIED.key:
        raise InputError(f"{path}: extra.editions must be a list starting with {SIMPLIFIED.key}")
    unknown = [key for key in keys if key not in BY_KEY]
    if unknown:
        raise InputError(f"{path}: extra.editions: unknown edition {unknown[0]} (known: {', '.join(BY_KEY)})")
    return tuple(BY_KEY[key] for key in keys)


def build_edition(outer: MkDocsConfig, edition: Edition, *, command: str) -> None:
    """Build `edition` of the outer build's configuration into the outer site's `edition.prefix`."""
    site_dir = Path(outer.site_dir) / edition.prefix
    config = load_config(outer.config_file_path, site_dir=str(site_dir), strict=outer.strict)
    config.extra["edition"] = edition.key
    if outer.site_url:
        config.site_url = outer.site_url.rstrip("/") + "/" + edition.prefix
    log.info(f"edition {edition.key}: building into {edition.prefix}")
    config.plugins.on_startup(command=command, dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
