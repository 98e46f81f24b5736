"""The files the site offers for download, made after the pages by make build
(scripts/build_site.py).

Kept apart from the scripts that make them, so the build hook can link them without
importing a PDF library on every build.
"""

PDF_NAME = "gpt-4-qa.pdf"
OFFLINE_ZIP = "gpt-4-qa-offline.zip"
