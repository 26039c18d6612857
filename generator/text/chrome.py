"""Chrome: the parts of an article's lines that are the page's or the wire's, not its text.

General rules, the same for every outlet (what one outlet repeats is learned in
`outlet_boilerplate.py`):

- a leading **dateline** («دبي، الإمارات (CNN) --», «القاهرة - (رويترز) -», «واس- الرياض:»,
  «فلان- سبق- جدة:», a line «عين اليوم – جدة») is cut from the first paragraph and kept as
  metadata (`Dateline`: its place and agency), never shown (`datelines.py`);
- whole **lines** that are hashtag runs, read-also / more / watch / follow-us / share prompts,
  credit and caption lines, contact lines and wire marks (`// انتهى //`, `16:39 ت م`) are
  dropped (`line_kind` says which kind);
- **inline** chrome: a leading share or navigation run («شارك من خلال تويتر فيسبوك …»,
  «Next Previous»), picture addresses and a trailing hashtag run are cut from a line;
- a sentence still **mostly** such material (hashtags, addresses, handles, bare figures) is not
  ranked (`mostly_chrome`).

Each rule is a pattern of the kind, not of an outlet; tests/text/test_chrome.py has a table
per kind, and bench/boilerplate.py measures them on labelled real news.
"""

from __future__ import annotations

import re

from ..language.arabic import fold
from .datelines import is_agency

# --- whole lines --------------------------------------------------------------------------

_HASHTAG = re.compile(r"#[^\s#]+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
# a figure: a word of digits and their marks, a digit at least
_FIGURES = re.compile(r"(?<!\S)[.,٫٬%:/+\-–—()]*[\d٠-٩][\d٠-٩.,٫٬%:/+\-–—()]*(?!\S)")
_DIGIT = re.compile(r"[0-9٠-٩]")
_DIGITS = re.compile(r"[0-9٠-٩]+")
_NETWORKS = (
    r"تويتر|تويتير|فيسبوك|فيس بوك|فيسبوك|واتساب|واتس اب|تلغرام|تليجرام|انستغرام|انستجرام|"
    r"يوتيوب|سناب ?شات|جوجل|لينكد ?ان|twitter|facebook|whatsapp|telegram|instagram|youtube"
)
# (kind, pattern on the folded line, most words the line may have)
_LINE_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("read-also", re.compile(r"^\W*(?:اقرا|اقرئي|اقراوا)\s*(?:ايضا|ايضاً|المزيد|كذلك)\b"), 60),
    ("read-also", re.compile(r"^\W*(?:رابط|الرابط)\s+(?:الخبر|المقال|الموضوع|التقرير)\b"), 60),
    ("read-also", re.compile(r"^\W*(?:مواضيع|اخبار|مقالات|تقارير)\s+(?:ذات صله|متعلقه)\b"), 60),
    ("read-also", re.compile(r"^\W*(?:مقالات|مواضيع|اخبار)\s+اخري\s+(?:للكاتب|للكاتبه|لنفس)"), 80),
    # «سمات …», «الكلمات الدلالية: …»: a tags line (no sentence punctuation after the label)
    (
        "tags",
        re.compile(
            r"^\W*(?:سمات|وسوم|الوسوم|كلمات دلاليه|الكلمات الدلاليه|كلمات مفتاحيه|"
            r"الكلمات المفتاحيه|tags)\s*[:：]?\s+[^.!?؟،,;؛]+$"
        ),
        15,
    ),
    ("more", re.compile(r"^[.…\s]*المزيد\s*[:.…]*$"), 2),
    ("more", re.compile(r"^\W*للمزيد\s*(?::|من\s+(?:المعلومات|التفاصيل|الاخبار))"), 30),
    (
        "watch",
        re.compile(
            r"^\W*(?:شاهد|شاهدوا|شاهدي|بالفيديو|فيديو|بالصور|شاهد بالصور|انفوجرافيك|انفوغرافيك)"
            r"(?:\s+(?:ايضا|ايضاً|ايضًا))?\s*[:|]"
        ),
        40,
    ),
    (
        "follow",
        re.compile(
            rf"^\W*(?:تابع|تابعوا|تابعونا|تابعنا|تابعي|يمكنكم متابعه|لمتابعه)\b.{{0,60}}"
            rf"(?:{_NETWORKS}|نشره|نشرتنا|تغطيتنا|التغطيه|قناتنا|صفحتنا|حسابنا|تطبيق)"
        ),
        25,
    ),
    (
        "share",
        re.compile(rf"^\W*(?:شارك|شاركوا|شاركي|share|اكتب رايك)\b.{{0,40}}(?:{_NETWORKS}|رايك)"),
        25,
    ),
    ("credit", re.compile(r"^\W*(?:خدمه|بالاتفاق مع|بالتعاون مع|خاص ب|خاص ل)\s*ـ?\s*[:«\"{“(]"), 8),
    (
        "credit",
        re.compile(
            r"^\W*(?:تصوير|رصد وتصوير|تصوير ورصد|عدسه|الصوره|الصور|صوره|المصدر|ترجمه|"
            r"اعداد وترجمه|تحرير|انفوجرافيك|جرافيك)\s*[:：]"
        ),
        10,
    ),
    ("contact", re.compile(r"^\W*(?:للتواصل|لمراسله الكاتب|twitter\s*:|تويتر\s*:)"), 40),
    ("contact", re.compile(r"^[\w.+-]+@[\w-]+\.[\w.]+"), 40),
    ("wire", re.compile(r"^\s*//\s*\S+(?:\s\S+)?\s*//(?:\s*\d{1,2}:\d{2}\s*(?:ت\s*[مغ])?)?$"), 6),
    ("wire", re.compile(r"^\s*\d{1,2}:\d{2}\s*(?:ت\s*[مغ]|ص|م|am|pm)?\s*$"), 4),
)
_CAPTION = re.compile(r"\((?P<agency>[^()\n]{2,25})\)\s*$")
_MAX_CAPTION_WORDS = 40


# any line rule's pattern: one match tells most lines apart from all of them at once
_ANY_LINE_RULE = re.compile("|".join(f"(?:{p.pattern})" for _, p, _ in _LINE_RULES))


def _words(text: str) -> int:
    return len(text.split())


def line_kind(line: str, folded: str | None = None) -> str | None:
    """Which kind of chrome a whole line is, or None for the article's own text (`folded`:
    the stripped line already folded, when the caller has it)."""
    folded = fold(line.strip()) if folded is None else folded
    if not folded or folded.isspace():
        return None
    # each test first asks what its kind must hold (most lines hold none), then counts words
    if _ANY_LINE_RULE.match(folded):
        words = _words(folded)
        for kind, pattern, most in _LINE_RULES:
            if words <= most and pattern.match(folded):
                return kind
    if "#" in folded:
        tags = len(_HASHTAG.findall(folded))
        if tags and tags * 2 >= _words(folded):
            return "hashtags"
    if "@" in folded and _words(folded) <= 6 and _EMAIL.search(folded):
        return "contact"
    if line.rstrip().endswith(")") and _words(folded) <= _MAX_CAPTION_WORDS:
        caption = _CAPTION.search(line.strip())
        if caption and is_agency(caption["agency"]):
            return "caption"
    return None


# --- inline ---------------------------------------------------------------------------------

# A leading run of share buttons and navigation links glued to the text.
_LEADING_RUN = re.compile(
    rf"^(?:(?:Next|Previous|التالي|السابق)\s+)+|"
    rf"^(?:شارك|share)\s+(?:من خلال|عبر|على)?\s*(?:(?:{_NETWORKS}|بلس|\+|،|,|و)\s*)+"
    rf"(?:اكتب رايك\s*)?",
    re.IGNORECASE,
)
_PICTURE = re.compile(r"(?:https?://|www\.)\S+\.(?:jpe?g|png|gif|webp)\S*", re.IGNORECASE)
# two hashtags or more ending a line, or one after the sentence's end
_TRAILING_TAGS = re.compile(r"(?:\s+#[^\s#]+){2,}\s*$|(?<=[.!?؟…])\s*#[^\s#]+\s*$")


# «… نحو 200 ضحية. سمات جريمة فيلم ممثل»: a tags line glued after the last sentence
_TRAILING_TAG_LINE = re.compile(
    r"(?<=[.!?؟…])\s*(?:سمات|وسوم|الوسوم|الكلمات الدلالية|كلمات دلالية|الكلمات المفتاحية|Tags)"
    r"\s*:?\s+(?:[^\s.!?؟،,;؛:]+\s*){1,15}$"
)
# the outlet promising more («ستوافيكم», «سنوافيكم بما يستجد»): never the story's sentence
_PROMISE = re.compile(r"(?:^|\s)و?(?:ستوافيكم|سنوافيكم|نوافيكم)(?:\s|$)")
_MAX_PROMISE_WORDS = 20


def has_picture(line: str) -> bool:
    return _has_address(line) and bool(_PICTURE.search(line))


def _has_address(text: str) -> bool:
    # one letter first: a search for one character is a few times faster than for a word
    # (Arabic text is stored two bytes a character, and an ASCII word is converted first)
    return ("h" in text or "w" in text or "H" in text or "W" in text) and (
        "http" in text or "www." in text or "WWW." in text or "HTTP" in text
    )


def strip_inline(line: str) -> str:
    """The line without a leading share or navigation run, picture addresses and a trailing
    hashtag run (what is left may be empty)."""
    out = line
    if line[:8].lower().startswith(_RUN_STARTS):
        folded = fold(out)
        match = _LEADING_RUN.match(folded) if len(folded) == len(out) else None
        if match:
            out = out[match.end() :]
    if _has_address(out):
        out = _PICTURE.sub("", out)
    if "#" in out:
        out = _TRAILING_TAGS.sub("", out)
    # the labels of _TRAILING_TAG_LINE (an ASCII word after one letter: see _has_address)
    if "سمات" in out or "وسوم" in out or "كلمات" in out or ("T" in out and "Tags" in out):
        out = _TRAILING_TAG_LINE.sub("", out)
    return out if out == line else " ".join(out.split())


_RUN_STARTS = ("next", "previous", "التالي", "السابق", "شارك", "share")  # _LEADING_RUN's


def mostly_chrome(sentence: str) -> bool:
    """A sentence of which half the words or more are hashtags, addresses, handles or bare
    figures (labels of an infographic, a run of tags, a list of contacts), or a short promise
    of the outlet's later coverage («"الصحيفة" ستوافيكم بالتفاصيل لاحقاً.»). Not ranked."""
    if "وافيكم" in sentence and _PROMISE.search(sentence):
        return len(sentence.split()) <= _MAX_PROMISE_WORDS
    marked = "#" in sentence or "@" in sentence or _has_address(sentence)
    if not marked:  # most sentences: a search or two (this runs on every sentence)
        if not _DIGIT.search(sentence):
            return False
        runs = len(_DIGITS.findall(sentence))
        if runs < 3 or runs * 2 < sentence.count(" ") + 1:
            return False
    figures = len(_FIGURES.findall(sentence))
    words = sentence.split()
    marks = 0
    if marked:
        marks = sum(
            1
            for w in words
            if w.startswith("#") or _URL.match(w) or _EMAIL.search(w) or _HANDLE.match(w)
        )
    # two figures are a citation or an ingredient («(17 الإسراء آية 70)»), three a table
    return (marks + figures) * 2 >= len(words) and (
        marks >= 2 or figures >= 3 or (marks > 0 and figures > 0)
    )
