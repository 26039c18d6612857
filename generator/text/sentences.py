"""Sentences: Arabic-aware splitting that quotes every sentence exactly as written.

Splits after `.` `!` `?` `؟` `…` (and runs of them) and at line ends. Closing quotes and
brackets stay with their sentence; a terminator inside a quotation does not split it (unless
the quotation never closes); decimals (3.5), initials and one-letter abbreviations (د.) do
not split. Arabic web text often omits the space after a full stop (`العالم.يسمى`): a
terminator between two Arabic words still ends the sentence, but not after a one-letter
abbreviation (`د.محمد`) and never inside Latin or digits (`www.site.com`, `3.5`).
"""

from __future__ import annotations

import re

from ..models import CleanArticle, Sentence
from .chrome import mostly_chrome

_TERMINATORS = ".!?؟…"
_CLOSERS = "\"'”’»)]}>"
_PAIRED = {"«": "»", "(": ")", "[": "]"}
_TOGGLES = '"“”'
# A terminator run that ends a sentence: not a decimal point, not after an abbreviation.
# A one-letter word (د. م. ص. or an initial such as U.), or a known abbreviation.
_ABBREVIATION = re.compile(
    r"(?:^|[\s(«\"“.])(?:[\u0621-\u064a]|[A-Za-z]|Mr|Mrs|Dr|St|Prof|Jr|No|vs|etc|إلخ|ق\.م)\.$"
)
_ABBREVIATION_WINDOW = 12
_MIN_WORDS = 2
_WRAP_MIN_CHARS = 50
_FINAL_PUNCTUATION = frozenset(".!?؟…:;؛،,\"'”’»)]}>")
_LETTER = re.compile(r"[^\W\d_]")
# two separate runs of two letters or more (the first taken whole: a possessive quantifier)
_TWO_LONG_WORDS = re.compile(r"[^\W\d_]{2,}+.+?[^\W\d_]{2}", re.DOTALL)
_TERMINATOR = re.compile(f"[{re.escape(_TERMINATORS)}]")
_QUOTE_OR_TERMINATOR = re.compile(
    f"[{re.escape(_TERMINATORS + ''.join(_PAIRED) + ''.join(_PAIRED.values()) + _TOGGLES)}]"
)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


def split_text(text: str) -> list[str]:
    """Split a paragraph into sentences, each a substring of `text` (stripped)."""
    out: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            pieces = _split_line(line, quote_aware=True)
            if pieces is None:
                pieces = _split_line(line, quote_aware=False) or []
            out.extend(pieces)
    return out


def split(article: CleanArticle) -> tuple[Sentence, ...]:
    """The sentences of an article's body paragraphs (sub-headings are not sentences, nor
    is a piece mostly of hashtags, addresses or bare figures: `chrome.mostly_chrome`)."""
    sentences: list[Sentence] = []
    for p_index, paragraph in unwrap(article):
        for text in split_text(paragraph):
            if _has_words(text) and not mostly_chrome(text):
                sentences.append(Sentence(text=text, index=len(sentences), paragraph=p_index))
    return tuple(sentences)


def unwrap(article: CleanArticle) -> list[tuple[int, str]]:
    """Body paragraphs, hard-wrapped lines joined: (index of the first line, text).

    Newspaper text and plain-text exports break lines every ~70 characters, mid-sentence.
    A line of at least `_WRAP_MIN_CHARS` that stops without sentence punctuation continues
    on the next line (even one short enough to pass for a sub-heading); the lines are joined
    with a space, so a sentence is never cut at a line end.
    """
    out: list[tuple[int, str]] = []
    open_end = False
    for index, line in enumerate(article.paragraphs):
        if open_end and out:
            out[-1] = (out[-1][0], f"{out[-1][1]} {line}")
        elif index in article.headings:
            continue
        else:
            out.append((index, line))
        open_end = len(line) >= _WRAP_MIN_CHARS and line.rstrip()[-1:] not in _FINAL_PUNCTUATION
    return out


def _has_words(text: str) -> bool:
    """Two words of two letters or more, or two words with a letter (`_MIN_WORDS`)."""
    return bool(_TWO_LONG_WORDS.search(text)) or (
        len(text.split()) >= _MIN_WORDS and bool(_LETTER.search(text))
    )


def _split_line(line: str, *, quote_aware: bool) -> list[str] | None:
    """Sentences of one line; None when quote-aware splitting meets an unclosed quotation."""
    pieces: list[str] = []
    start = 0
    stack: list[str] = []
    in_toggle = False
    i, n = 0, len(line)
    jump = _QUOTE_OR_TERMINATOR if quote_aware else _TERMINATOR
    while i < n:
        found = jump.search(line, i)  # every other character changes nothing: skip it
        if found is None:
            break
        i = found.start()
        ch = line[i]
        if quote_aware:
            if ch in _PAIRED:
                stack.append(_PAIRED[ch])
            elif stack and ch == stack[-1]:
                stack.pop()
            elif ch in _TOGGLES:
                in_toggle = not in_toggle
        if ch in _TERMINATORS:
            j = i
            while j < n and line[j] in _TERMINATORS:
                j += 1
            end = j
            # closing quotes/brackets right after the terminator belong to this sentence
            while end < n and line[end] in _CLOSERS:
                closer = line[end]
                if quote_aware:
                    if stack and closer == stack[-1]:
                        stack.pop()
                    elif closer in _TOGGLES:
                        in_toggle = not in_toggle
                end += 1
            quoted = quote_aware and (stack or in_toggle)
            at_boundary = end >= n or line[end].isspace() or _glued(line, i, end)
            if at_boundary and not quoted and not _is_non_final(line, start, i, j):
                pieces.append(line[start:end].strip())
                start = end
            i = end
            continue
        i += 1
    if quote_aware and (stack or in_toggle):
        return None
    tail = line[start:].strip()
    if tail:
        pieces.append(tail)
    return [p for p in pieces if p]


def _glued(line: str, i: int, end: int) -> bool:
    """A terminator with no space between two Arabic words: `العالم.يسمى`."""
    return (
        i > 0 and bool(_ARABIC_LETTER.match(line[i - 1])) and bool(_ARABIC_LETTER.match(line[end]))
    )


def _is_non_final(line: str, start: int, i: int, j: int) -> bool:
    """A `.` that is a decimal point, or ends an abbreviation or an initial."""
    if line[i:j] != ".":
        return False
    if i + 1 < len(line) and line[i + 1].isdigit() and i > 0 and line[i - 1].isdigit():
        return True
    # an abbreviation is a few letters: look at the sentence's last characters only ("#" marks
    # a cut, which is neither a letter nor a word boundary, so it never starts a match)
    window = max(start, i + 1 - _ABBREVIATION_WINDOW)
    before = ("#" if window > start else "") + line[window : i + 1]
    return bool(_ABBREVIATION.search(before))
