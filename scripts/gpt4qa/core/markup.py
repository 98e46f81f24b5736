"""The editor's-markup contract: which parts of a page are the editor's, which a reader does not
see, and which are not read (or described, or given a tooltip).

Every check and every page step reads these selectors from here, so "what is the author's text"
means one thing across the article check, the tooltips, the reading time and the description.
"""

from __future__ import annotations

# Editorial and theme parts of a page, and what a reader does not see: the author's words must
# be found outside them. Every editor's addition is one of these (the article check's `marked`
# tally says where one is not): caveats, figures with their captions, `.editorial` text.
EDITORIAL = ".admonition, details, figure, .headerlink, .md-source-file, script, style, .editorial"
# The class that marks an editor's paragraph, heading or generated element as the editor's.
EDITORIAL_CLASS = "editorial"
# Text that stays hidden until a reader asks for it (the glossary's tooltips among it).
HIDDEN = ("[hidden], [aria-hidden='true'], [style*='display:none'], [style*='display: none'], template, noscript, "
          "[role='tooltip']")
# Not read (the reading time's count): hidden tooltips, permalinks and their buttons, the count itself.
UNREAD = ".gloss__tip, .headerlink, .copy-link, .reading-time, script, style, [hidden], [aria-hidden='true']"
# No tooltip inside these: headings and links already mean something when clicked or read,
# code is verbatim, and the editor's blocks are not the author's text.
NO_TOOLTIP = ("h1, h2, h3, h4, h5, h6, a, code, pre, kbd, button, script, style, figure, details, .admonition, "
              ".editorial, [data-search-exclude]")
# Editorial and furniture that do not describe the answer (the page's meta description).
NOT_DESCRIPTION = ".admonition, details, figure, .article-meta, .pdf-download, h1, h2, h3, h4, h5, h6"
# A heading's permalink and copy-link button: not part of the heading's text.
PERMALINKS = ".headerlink, .copy-link"
# The attribute that keeps an element's text out of the search index.
SEARCH_EXCLUDE = "data-search-exclude"
