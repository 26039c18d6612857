"""Keywords: TextRank over a story's stems, shown in each stem's most frequent written form.

Because stems carry no clitics or inflection, سوريا / السورية / وسوريا are one keyword.
Stop words, numbers and stems shorter than three letters never become keywords.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from . import arabic, textrank
from .models import Keyword, RankedArticle
from .slugs import slugify

MAX_KEYWORDS = 8
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def story_keywords(
    articles: Sequence[RankedArticle], limit: int = MAX_KEYWORDS
) -> tuple[Keyword, ...]:
    """The `limit` best keywords of a story, best first (ties by stem)."""
    sequences: list[list[str]] = []
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    stop = arabic.stopwords()
    for article in articles:
        texts = [article.article.title or ""] + [s.text for s in article.sentences]
        for text in texts:
            seq = []
            for word in _WORD.findall(text):
                folded = arabic.fold(word)
                if folded in stop or len(folded) < 3:
                    continue
                stem = arabic.stem(folded)
                if len(stem) < 3 or stem in stop:
                    continue
                seq.append(stem)
                forms[stem][word] += 1
            sequences.append(seq)
    scores = textrank.keyword_scores(sequences)
    best = sorted(scores, key=lambda s: (-round(scores[s], 9), s))[:limit]
    return tuple(
        Keyword(stem=s, label=_label(forms[s]), slug=slugify(s), score=round(scores[s], 6))
        for s in best
    )


def _label(forms: Counter[str]) -> str:
    """The most frequent written form; on a tie, the shortest, then alphabetical."""
    return min(forms, key=lambda w: (-forms[w], len(w), w))
