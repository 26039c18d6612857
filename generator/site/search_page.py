"""Full-text search: what a page gives Pagefind's index, with the forms a reader types.

Pagefind (generator/site/pagefind_search.py runs it on the built site) indexes the text of
each page's `data-pagefind-body` element and stems it with its Arabic stemmer; the query is
stemmed the same way. The stemmer alone misses most of what an Arabic reader types for a
word (`حكومة` finds `الحكومة` and `للحكومة`, not `والحكومة` or `لحكومة`; `ارهاب` not
`الإرهاب`), so every page also carries, in hidden elements inside its body, the **folded
forms** of its words: each reading without clitics (`ال`, `و`/`ف`, `ب`/`ل`/`ك`), folded as
`language.arabic.fold` folds (hamza and madda on alef to bare alef, final ya and alef
maqsura alike, ta marbuta as ha, no diacritics or tatweel, Latin digits, lower case), and
the other spellings of a name (`name_forms`). The page's search script folds what the reader
types the same way (`overrides/assets/javascripts/digest-search.js`, `fold`), so both sides
meet on the same folded form, and Pagefind's stemmer then works on both alike.

What a page gives:
- a story page: its whole shown text (title, key points, outlets' own sentences, coverage),
  then, after `SENTINEL`, its title (the meta field `title`) and its keywords with the forms
  of both (the meta field `head`) at the highest weight, and the forms of every other word
  at the weight of body text; its size (outlets, then articles) as the sort key `size`.
  Pagefind searches meta fields too and says which matched a result (`matchedMetaFields`):
  the page script ranks the stories whose title or keywords hold the query first;
- a source or keyword page: only its name and its forms (its list of story titles would
  make it a result for every story's words): it is a result for its own name.

The result snippets are made by the page script from the text before `SENTINEL` (the words a
reader sees), never from the added forms.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache

from ..language.arabic import fold
from ..language.names import name_groups
from .search_index import word_forms

# Separates the shown text from the added forms in Pagefind's copy of a page's text.
SENTINEL = "⁂"
TITLE_WEIGHT = 10  # Pagefind's highest; a page's body text is 1, its h1 7
SORT_KEY = "size"
HEAD = "head"  # the meta field of a page's keywords and the forms of its title and keywords

_TAG = re.compile(r"<[^>]*>")
# a word with its diacritics and tatweel (Python's \w leaves the marks out)
_WORD = re.compile(r"(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640])+")
_IGNORED = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)


@lru_cache(maxsize=1)
def _name_groups() -> dict[str, frozenset[str]]:
    """Each folded spelling of a name → every folded spelling of it: the known names of
    `language/names.py` (data/names-ar.txt), the one list grouping and keywords use too."""
    groups: dict[str, frozenset[str]] = {}
    for line in name_groups():
        spellings = frozenset(fold(w) for w in line)
        for spelling in spellings:
            groups[spelling] = groups.get(spelling, frozenset()) | spellings
    return groups


def name_forms(word: str) -> frozenset[str]:
    """The other spellings of a name (`ترامب` ↔ `ترمب`), folded; the word itself if none."""
    folded = fold(word)
    return _name_groups().get(folded, frozenset({folded}))


@lru_cache(maxsize=1 << 18)  # a site's vocabulary: the same words on thousands of pages
def typed_forms(word: str) -> frozenset[str]:
    """Every folded form a reader may type for a word of a page (the folded word included)."""
    out: set[str] = set()
    for form in word_forms(word):
        out |= name_forms(form)
    return frozenset(f for f in out if f)


def words_of(markup: str) -> list[str]:
    """The words of an HTML fragment, in order (tags, scripts and entities undone)."""
    text = html.unescape(_TAG.sub(" ", _IGNORED.sub(" ", markup)))
    return _WORD.findall(text)


def added_forms(words: Iterable[str], shown: set[str]) -> list[str]:
    """The folded forms of `words` that are not already a shown word, sorted (deterministic)."""
    out: set[str] = set()
    for word in set(words):
        out |= typed_forms(word)
    return sorted(out - shown)


def indexed_html(
    content: str,
    *,
    title: str,
    keywords: Iterable[str] = (),
    size: int | None = None,
    whole: bool = True,
) -> str:
    """The page's content HTML with Pagefind's body marked in it and the hidden forms.

    `whole`: the page's text is indexed (a story), wrapped as the body; otherwise (a list
    page) the content is left as it is and the body is only the hidden `title` after it.
    """
    keywords = list(keywords)
    shown_words = words_of(content) if whole else []
    shown = {w.lower() for w in shown_words}
    head_words = [*words_of(html.escape(title)), *(w for k in keywords for w in _WORD.findall(k))]
    head = added_forms(head_words, set())  # at the title's weight, even if shown in the body
    rest = added_forms(shown_words, shown | set(head))
    sort = f' data-pagefind-sort="{SORT_KEY}:{size}"' if size is not None else ""
    if whole:
        parts = [f"<div data-pagefind-body{sort}>", content]
    else:
        parts = [content, "<div data-pagefind-body>"]
    parts.append(
        f'<div hidden data-pagefind-weight="{TITLE_WEIGHT}">'
        f"<p>{SENTINEL}</p>"
        f'<p data-pagefind-meta="title">{html.escape(title)}</p>'
        f'<p data-pagefind-meta="{HEAD}">'
        f"{html.escape(' '.join([*keywords, *head]))}</p></div>"
    )
    if rest:
        parts.append(f"<div hidden><p>{' '.join(rest)}</p></div>")
    parts.append("</div>")
    return "".join(parts)
