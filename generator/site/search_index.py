"""Arabic search: the written forms a reader may type, added to Material's search index.

Material for MkDocs with `lang: ar` drops lunr.ar's trimmer, stop-word filter and stemmer
(its Arabic `search.config.pipeline` is empty), and it appends a wildcard to every query
term, which makes lunr skip the query pipeline altogether. So a query is matched exactly as
typed (only lower-cased), as a prefix of the words of a page: `حكومة` does not find
`الحكومة`, `ارهاب` does not find `الإرهاب`.

Nothing can be normalised on the query side without patching the theme's worker, so this
module does it on the index side: for every word of a page it adds the forms a reader may
type for it, in an extra search field `forms` that is indexed but never shown in a result:

- the word without its clitics: the article `ال`, a conjunction `و`/`ف`, a preposition
  `ب`/`ل`/`ك` (`وللحكومة` → `حكومة`);
- hamza on or under alef and madda written as a bare alef (`الإرهاب` → `ارهاب`);
- a final ya or alef maqsura written either way (`مصطفى` ↔ `مصطفي`), a final ta marbuta
  written as ha or the other way round (`حكومة` ↔ `حكومه`);
- without diacritics and tatweel, with Arabic-Indic digits as Latin ones.

Each form is added once per index entry, and only when it is not already a word of the
entry, so the index grows with the vocabulary of a page, not with its length.

What is indexed is what a reader searches a news site for, so that the index stays small
at tens of thousands of stories: a story is one entry, made from its page's `search_words`
front matter (its titles, top point and keywords, see `render.with_search_words`) instead of
the whole page; the pages that only list stories (home, story index, sources, keywords: the
plugin's `exclude` globs) are not indexed at all, as they repeat the story titles. Material
never parses those pages for search, which also saves build time.

`ArabicSearchPlugin` is the MkDocs plugin (`digest-arabic-search` in mkdocs.yml); it must
come after `search` so that it rewrites the index the search plugin wrote.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from fnmatch import fnmatch
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin

FIELD = "forms"
META = "search_words"

_TAG = re.compile(r"<[^>]*>")
_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_FINALS = {"ى": "ي", "ي": "ى", "ة": "ه", "ه": "ة"}
_ARABIC = re.compile(r"[\u0621-\u064a]")
_WORD = re.compile(r"[^\W_]+")

# Clitics before a word, as (conjunction, preposition, article) choices. `لل` is ل + ال
# (the alef of the article is dropped after the preposition).
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")
_ARTICLES = ("", "ال")
_MIN_REST = 2  # letters left after removing clitics (اسد, not سد from the proclitic test)


def _strip_clitics(word: str) -> set[str]:
    """The word and every reading of it without leading clitics, keeping ≥ 2 letters."""
    out = {word}
    for conj in _CONJUNCTIONS:
        for prep in _PREPOSITIONS:
            for art in _ARTICLES:
                if not (conj or prep or art):
                    continue
                prefix = conj + prep + ("ل" if prep == "ل" and art else art)
                rest = word[len(prefix) :]
                # a lone letter clitic needs a longer rest: بوتين must not lose its ب to وتين…
                minimum = _MIN_REST if art else 3
                if word.startswith(prefix) and len(rest) >= minimum:
                    out.add(rest)
    return out


def word_forms(word: str) -> set[str]:
    """Every form a reader may type for `word` (lower-cased, the word itself included)."""
    word = _DIACRITICS.sub("", _INVISIBLE.sub("", word)).translate(_DIGITS).lower()
    if not word:
        return set()
    if not _ARABIC.search(word):
        return {word}
    forms: set[str] = set()
    for spelled in {word, word.translate(_ALEFS)}:  # آلعسكري (a typo for العسكري) too
        for base in _strip_clitics(spelled):
            forms.add(base)
            if base[-1] in _FINALS:
                forms.add(base[:-1] + _FINALS[base[-1]])
    return forms


def plain_text(markup: str) -> str:
    """The text of an index entry's HTML (tags dropped, entities decoded)."""
    return html.unescape(_TAG.sub(" ", markup))


def entry_forms(texts: Iterable[str], separator: str, hidden: str = "") -> str:
    """The added forms of one index entry: sorted, space-separated, none already a word.

    `texts` are the entry's visible title and text; `hidden` more words of its page, which
    are added as they are and with their forms.
    """
    split = re.compile(separator)
    words = {w.lower() for text in texts for w in split.split(plain_text(text)) if w}
    added: set[str] = set()
    for word in words | {w.lower() for w in split.split(hidden) if w}:
        added |= word_forms(word)
    return " ".join(sorted(added - words))


def add_forms(index: dict, boost: float = 1.0, extra: dict[str, str] | None = None) -> dict:
    """Material's search index (parsed JSON) with a `forms` field on every entry.

    `extra` maps a page URL to more words of that page (its `search_words`), indexed with
    the page's first entry.
    """
    extra = extra or {}
    config = dict(index["config"])
    separator = config.get("separator") or r"[\s\-]+"
    config["fields"] = {**config.get("fields", {}), FIELD: {"boost": boost}}
    docs = []
    for doc in index["docs"]:
        texts = [doc.get("title", ""), doc.get("text", "")]
        forms = entry_forms(texts, separator, extra.get(doc["location"], ""))
        docs.append({**doc, FIELD: forms} if forms else doc)
    return {**index, "config": config, "docs": docs}


class _Options(Config):
    boost = config_options.Type((int, float), default=1.0)
    # pages (paths under docs_dir, glob patterns) left out of the search index
    exclude = config_options.ListOfItems(config_options.Type(str), default=[])


class ArabicSearchPlugin(BasePlugin[_Options]):
    """Adds the Arabic reader's forms of every word to `search/search_index.json`, and makes
    each page with `search_words` one entry of them."""

    def on_config(self, config):
        self._entries: list[dict[str, str]] = []
        return config

    def on_page_markdown(self, markdown, *, page, config, files):
        own = isinstance(page.meta.get(META), str)
        if own or self._excluded(page):
            search = page.meta.get("search")
            page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
        return markdown

    def on_page_context(self, context, *, page, config, nav):
        words = page.meta.get(META)
        if isinstance(words, str) and words.strip() and not self._excluded(page):
            self._entries.append(
                {
                    "location": page.url,
                    "title": html.escape(page.title or "", quote=False),
                    "text": html.escape(words, quote=False),
                }
            )
        return context

    def _excluded(self, page) -> bool:
        return any(fnmatch(page.file.src_uri, pattern) for pattern in self.config.exclude)

    def on_post_build(self, *, config) -> None:
        path = Path(config["site_dir"]) / "search" / "search_index.json"
        if not path.is_file():  # the search plugin is off
            return
        index = json.loads(path.read_text("utf-8"))
        index = {**index, "docs": [*index["docs"], *self._entries]}
        data = add_forms(index, self.config.boost)
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
