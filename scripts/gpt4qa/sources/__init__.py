"""The editor's sources, parsed: the article verbatim and the editor's tables beside it (parts,
figures, glossary, search vocabulary, publication). Pure: text in, data out; no MkDocs, no
subprocess, no browser. `bundle.Sources` reads them all once."""
