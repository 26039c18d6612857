"""Titles and descriptors: the words of a sentence, with the clitics folded off for matching,
and the lexicon of words that begin a title (data/titles-ar.txt).

A sentence is read as `Word`s: each with its text as written (the punctuation around it
left out), its place in the sentence, its matching key (folded, see `arabic.fold`, with the
conjunction and prepositions written onto it taken off: والرئيس, بالرئيس, للرئيس → الرئيس),
and what separates it from the word before (nothing, a quotation mark, a comma, or another
mark that ends a phrase). Folding is for matching only; the text is quoted as written.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from . import arabic

_OPEN = "«“\"'‘(["
_CLOSE = "»”\"'’)]"
_COMMA = "،,"
_STOPS = ".:;!?؟؛…-–—/\\|"
_PREFIXES_WITH_ARTICLE = ("وبال", "وكال", "وال", "فال", "بال", "كال")
_CLITICS = "وفبلك"
_JOINERS = ("بن", "ابن", "بنت")  # X بن Y is one name

NONE, QUOTE, COMMA, STOP = "", "quote", "comma", "stop"  # what stands before a word


@dataclass(frozen=True)
class Word:
    text: str  # as written, without the punctuation around it
    start: int  # offsets of `text` in the sentence
    end: int
    key: str  # folded, clitics off
    written: str  # folded as written (clitics on)
    before: str  # NONE, QUOTE, COMMA or STOP: what separates it from the previous word
    lam: bool = False  # the article was written with ل (للرئيس): its text is not the form

    @property
    def definite(self) -> bool:
        return self.key.startswith("ال") and len(self.key) > 3


@dataclass(frozen=True)
class Lexicon:
    heads: frozenset[str]  # folded, without the article
    groups: frozenset[str]
    inside: frozenset[str]
    after: frozenset[str]
    relations: frozenset[str] = frozenset()
    references: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()

    def kin(self, key: str) -> bool:
        """وابنه, ونجله: a kinship word with a pronoun on it."""
        return _pronominal(key, self.relations)

    def reference(self, key: str) -> bool:
        """بلاده, حكومتها: a word with a pronoun on it that refers back to someone."""
        return _pronominal(key, self.references)

    def place(self, key: str) -> bool:
        """منطقة, بمحافظة, ومدينة: a noun (with or without a clitic) that a place's name
        follows."""
        return bare(key) in self.places or (key[:1] in _CLITICS and bare(key[1:]) in self.places)

    def head(self, key: str) -> bool:
        return bare(key) in self.heads

    def group(self, key: str) -> bool:
        return bare(key) in self.groups

    def within(self, key: str) -> bool:
        return bare(key) in self.inside

    def epithet(self, key: str) -> bool:
        return key.startswith("ال") and key[2:] in self.after


def _pronominal(key: str, nouns: frozenset[str]) -> bool:
    word = key[1:] if key[:1] in ("و", "ف") else key
    return any(word.endswith(p) and word[: -len(p)] in nouns for p in ("ه", "ها", "هم"))


def bare(key: str) -> str:
    """The key without the article (الرئيس → رئيس), for the lexicon."""
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    text = resources.files("generator.language.data").joinpath("titles-ar.txt").read_text("utf-8")
    sections: dict[str, set[str]] = {
        "": set(),
        "groups": set(),
        "inside": set(),
        "after": set(),
        "relations": set(),
        "references": set(),
        "places": set(),
    }
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections[current].add(bare(arabic.fold(line)))
    groups = frozenset(sections["groups"])
    return Lexicon(
        heads=frozenset(sections[""]) | groups,
        groups=groups,
        inside=frozenset(sections["inside"]),
        after=frozenset(sections["after"]),
        relations=frozenset(sections["relations"]),
        references=frozenset(sections["references"]),
        places=frozenset(sections["places"]),
    )


def words(sentence: str, vocabulary: Container[str] = frozenset()) -> list[Word]:
    """The sentence's words; `vocabulary`: the folded words of the whole text, so that a
    clitic is taken off only where the rest is a word of its own there (وليد stays)."""
    out: list[Word] = []
    pending = NONE
    position = 0
    for raw in sentence.split():
        begin = sentence.index(raw, position)
        position = begin + len(raw)
        lead = len(raw) - len(raw.lstrip(_OPEN + _CLOSE + _COMMA + _STOPS))
        core = raw.strip(_OPEN + _CLOSE + _COMMA + _STOPS)
        trail = raw[lead + len(core) :] if core else raw
        if core:
            before = pending
            if any(c in _OPEN + _CLOSE for c in raw[:lead]) and before == NONE:
                before = QUOTE
            if any(c in _STOPS for c in raw[:lead]):
                before = STOP
            folded = arabic.fold(core)
            key, lam = _unclitic(folded, vocabulary)
            start = begin + lead
            out.append(Word(core, start, start + len(core), key, folded, before, lam))
            pending = NONE
        pending = _stronger(pending, _separator(trail))
    return _joined(out, sentence)


def _separator(chars: str) -> str:
    if any(c in _STOPS for c in chars):
        return STOP
    if any(c in _COMMA for c in chars):
        return COMMA
    if any(c in _OPEN + _CLOSE for c in chars):
        return QUOTE
    return NONE


def _stronger(a: str, b: str) -> str:
    order = (NONE, QUOTE, COMMA, STOP)
    return a if order.index(a) >= order.index(b) else b


def _unclitic(folded: str, vocabulary: Container[str]) -> tuple[str, bool]:
    """(matching key, whether the article was written with ل: للرئيس)."""
    for prefix in _PREFIXES_WITH_ARTICLE:
        if folded.startswith(prefix) and len(folded) - len(prefix) >= 2:
            return "ال" + folded[len(prefix) :], False
    for prefix in ("ولل", "فلل", "لل"):
        if folded.startswith(prefix) and len(folded) - len(prefix) >= 3:
            # للاعب is ل + اللاعب: a word that begins with ل keeps one of its two
            doubled = "ال" + folded[len(prefix) - 1 :]
            if doubled in vocabulary or bare(doubled) in lexicon().heads:
                return doubled, True
            return "ال" + folded[len(prefix) :], True
    if len(folded) >= 4 and folded[0] in _CLITICS:
        rest = folded[1:]
        if rest in vocabulary or bare(rest) in lexicon().heads or possessed(rest, vocabulary):
            return rest, False
        if len(folded) >= 5 and rest[0] in "بل" and folded[2:] in vocabulary:
            return folded[2:], False
    return folded, False


def possessed(word: str, vocabulary: Container[str]) -> bool:
    """A word of the text with a possessive pronoun on it (ابنه: ابن; بلاده: البلاد)."""
    for pronoun in ("ه", "ها", "هم"):
        rest = word[: -len(pronoun)]
        known = rest in vocabulary or "ال" + rest in vocabulary
        if word.endswith(pronoun) and len(rest) >= 3 and known:
            return True
    return False


def _joined(found: list[Word], sentence: str) -> list[Word]:
    """`X بن Y` (and `عبد X`, `أبو X`) become one word: one name, one key."""
    out: list[Word] = []
    i = 0
    while i < len(found):
        w = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        after = found[i + 2] if i + 2 < len(found) else None
        if (
            nxt is not None
            and after is not None
            and nxt.key in _JOINERS
            and nxt.before == NONE
            and after.before == NONE
        ):
            out.append(_merge(sentence, w, after, f"{w.key} {nxt.key} {after.key}"))
            i += 3
            continue
        if w.key in ("عبد", "ابو") and nxt is not None and nxt.before == NONE:
            out.append(_merge(sentence, w, nxt, f"{w.key} {nxt.key}"))
            i += 2
            continue
        out.append(w)
        i += 1
    return out


def _merge(sentence: str, first: Word, last: Word, key: str) -> Word:
    return Word(
        text=sentence[first.start : last.end],
        start=first.start,
        end=last.end,
        key=key,
        written=first.written,
        before=first.before,
        lam=first.lam,
    )
