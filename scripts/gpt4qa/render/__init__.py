"""Page rendering, pure: figures and caveats in a page's Markdown, tooltips, reading time and
description in its content (one parse, `content`), the generated pages (图目录, 术语表, 编者注一览)
and the print view's contents. No MkDocs, no subprocess, no browser."""
