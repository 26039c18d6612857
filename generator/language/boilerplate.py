"""Boilerplate lines: the site chrome, share prompts and bylines that scraped pages carry.

Known phrases (Arabic and English), compared folded: the clean stage drops such lines, and
reading uses them so that a "Share" line is never taken for an outlet's signature.
"""

from __future__ import annotations

import re

from .arabic import fold

# Whole lines that are site chrome, not article text (compared folded and lowercased).
_BOILERPLATE_LINES = {
    fold(line)
    for line in (
        "Read Previous",
        "Read Next",
        "Leave a Reply",
        "Most Popular",
        "Related Posts",
        "Related Articles",
        "Share this:",
        "Share",
        "Like this:",
        "Tweet",
        "Print",
        "Email",
        "Advertisement",
        "Comments",
        "Tags",
        "Previous Post",
        "Next Post",
        "You may also like",
        "فيديو قد يعجبك:",
        "فيديو قد يعجبك",
        "اقرأ أيضا",
        "اقرأ أيضا:",
        "اقرأ أيضًا:",
        "اقرأ ايضا:",
        "اقرأ المزيد",
        "إقرأ أيضا:",
        "شارك",
        "شارك هذا المقال",
        "شارك المقال",
        "شارك الخبر",
        "مواضيع ذات صلة",
        "أخبار ذات صلة",
        "الأكثر قراءة",
        "الأكثر مشاهدة",
        "اترك تعليقا",
        "اترك تعليقاً",
        "التعليقات",
        "تابعونا على",
        "إعلان",
        "اعلان",
        "المقال السابق",
        "المقال التالي",
        "الخبر السابق",
        "الخبر التالي",
        "طباعة",
    )
}
_SHARE_PROMPT = re.compile(
    r"^(?:شارك(?:وا)?|تابع(?:ونا|وا)?|share|follow us)\b.{0,60}"
    r"(?:فيسبوك|تويتر|واتساب|تلغرام|facebook|twitter|whatsapp|telegram)",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^(?:كتبت|كتب|بقلم|تحرير|إعداد|اعداد|By)\s*[–—:\-]?\s*(?P<name>[^:]{2,50}?)\s*:?\s*$"
)


def is_boilerplate(line: str) -> bool:
    return is_boilerplate_folded(fold(line.strip()))


def is_boilerplate_folded(folded: str) -> bool:
    return folded in _BOILERPLATE_LINES or bool(_SHARE_PROMPT.match(folded))
