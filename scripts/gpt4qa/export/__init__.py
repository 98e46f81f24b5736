"""The formats beside the pages: the whole-site PDF (Chromium prints the print view; the text
layer, bookmarks and PDF/UA tagging are finished here) and the offline copy. They drive Chromium
and MkDocs through `gpt4qa.run`; they never import MkDocs."""
