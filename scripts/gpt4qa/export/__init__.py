"""The formats beside the pages, one file of each for every edition: the whole-site PDF (Chromium
prints the edition's print view; the text layer, bookmarks and PDF/UA tagging are finished here),
the e-book and the offline copy; what they write in their own words, a converted edition's
converted (`wording.py`). They drive Chromium and MkDocs through `gpt4qa.run`; they never import
MkDocs."""
