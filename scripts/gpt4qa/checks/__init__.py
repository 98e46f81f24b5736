"""Checks that read what was built: the article check, the anchor contract, the heading rules,
and the reader of a built site they share. Pure: no MkDocs, no subprocess, no browser."""
