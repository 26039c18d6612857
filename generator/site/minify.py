"""Minify: every built HTML page without the templates' indentation (a MkDocs plugin).

Material's page frame (header, search form, navigation, scripts) is about 15 kB of HTML on
every page, a sixth of it indentation; at 30,000 story pages that frame is most of the site.
Each line's leading whitespace (and blank lines) is dropped: a line break still separates
what it separated, so the page renders the same, and nothing else changes (no entity,
quote or tag is rewritten, unlike a full minifier, which turns `&lt;img` in a <title> into
`<img`: valid, but not what we escaped). `<pre>` and `<textarea>` keep their whitespace.
Search is untouched: its index is built from the pages before this step.
"""

from __future__ import annotations

import re

from mkdocs.plugins import BasePlugin

_VERBATIM = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.DOTALL | re.IGNORECASE)
_INDENT = re.compile(r"\n\s+")


def minify(html: str) -> str:
    """The page without indentation or blank lines, outside `<pre>` and `<textarea>`."""
    parts = _VERBATIM.split(html)
    return "".join(p if i % 2 else _INDENT.sub("\n", p) for i, p in enumerate(parts))


class MinifyPlugin(BasePlugin):
    """`digest-minify` in mkdocs.yml: minify each page after the theme rendered it."""

    def on_post_page(self, output: str, *, page, config) -> str:
        return minify(output)
