"""Same claim or not: is an outlet's sentence a version of a point, and can a sentence stand alone.

A key point credits an outlet only when that outlet's sentence nearest to the point states the
point's claim (the same main actor and action, about the same time). Word overlap alone does
not tell: a reaction to a claim («وأعرب المواطنون عن تقديرهم لجهود الوزارة») shares most of its
words, and a long sentence that holds the claim in one clause shares few of its own. So the
decision is a logistic model over a few features of the pair, each a principle a reader would
state:

- `cosine`: TF-IDF cosine of the two sentences (claims.py);
- `main` / `main_back`: the share of the terms of one sentence's main clause (its text up to
  the first clause break, «، مؤكدًا», «، فيما» …) that the other has: a claim is its main
  clause, and a longer version holds it somewhere;
- `cover` / `cover_back`: the same for the whole sentences;
- `lead` / `lead_back`: the share of the first four terms (the actor and the action, in
  Arabic's verb-first order) that the other has;
- `reaction`: one sentence is a reaction (أعرب، أشاد، ثمن، رحب، استنكر …) and the other is not;
- `figures`: the overlap of the numbers the two give (0.5 when neither gives any);
- `background` / `preview`: one is about another time («كان … قد», «العام الماضي», «يذكر أن»)
  or a preview («سوف», «من المقرر», «سيتم») and the other is not.

- `rare_main` / `rare_main_back`: `main` weighted by each term's rarity in the story (the
  names every article repeats say little about which claim a sentence makes).

Besides the model, one veto: two sentences that each name where it happened (the name after
a noun of place: «بمحافظة أبين», «في جبهة الحجوف», language/titles.py's places) and share
none of those places are two events, however alike their words («اندلعت اشتباكات عنيفة»).

The weights are fitted on the tune part of hand-labelled pairs (bench/attribution.py --fit,
bench/data/attribution-labels.json). An outlet is credited when the probability reaches
`THRESHOLD` (the lowest at which the tune part's precision reaches 0.97: a digest that credits
an outlet with a claim it never made is worse than one that credits it too seldom), or
`SUPPORTED` when its sentence is also in the claim by wording (claims.py). The held-out part
measures the rule.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..language import arabic
from ..language.titles import lexicon

# Fitted by `python bench/attribution.py CORPUS --fit` (L2-regularised logistic regression on
# the tune split); the order of `Features`' fields.
WEIGHTS = (1.16, 1.37, 0.91, 1.42, 0.51, 0.30, 0.14, -1.26, 0.17, -0.62, -0.27, 1.44, 0.91)
BIAS = -4.02
THRESHOLD = 0.8  # probability at which the model alone credits an outlet
SUPPORTED = 0.3  # … when the outlet's sentence is also among the claim's versions by wording

# Patterns over folded text (arabic.fold: no hamza forms, ة → ه, ى → ي).
_CLAUSE_END = re.compile(
    r"[،,]\s*(?:و(?=\S)|موكد|مشير|مبين|لافت|حيث|كما|فيما|بينما|اضافه|بالاضافه)"
    r"|\s(?:كما|فيما|بينما)\s|[.:؛]\s"
)
_REACTION = re.compile(
    r"^\W*(?:\S+\s+){0,3}?[وف]?(?:اعرب|عبر|اشاد|ثمن|رحب|استنكر|ادان|ندد|شجب|هنا|بارك|شكر)"
    r"(?:ت|وا|ن)?\s"
)
_BACKGROUND = re.compile(
    r"(?:^|\s)[وف]?كان(?:ت)?\s+(?:\S+\s+){0,4}?قد\s|(?:^|\s)سبق\s+(?:ان|و)|العام\s+الماضي"
    r"|(?:^|\s)[وي]?ذكر\s+ان|الجدير\s+بالذكر"
)
_PREVIEW = re.compile(  # the future: «سوف», «من المقرر», «سيتم», «ستبدأ» … (not «سيارة»)
    r"(?:^|\s)(?:سوف|من\s+المقرر|من\s+المتوقع|[يت]عتزم|[وف]?س[يت]"
    r"(?:تم|كون|عقد|بدا|قام|علن|صل|شارك|زور|نطلق|طلق|ستمر|عود|صدر|جري|فتتح|ناقش|لتقي))\s"
)
_FIGURE = re.compile(r"\d+(?:[.,]\d+)?")
_LEAD = 4  # terms that carry the actor and the action


@dataclass(frozen=True)
class Features:
    """What the decision looks at, for a sentence `a` (the point) and `b` (the outlet's)."""

    cosine: float
    main: float
    main_back: float
    cover: float
    cover_back: float
    lead: float
    lead_back: float
    reaction: bool
    figures: float
    background: bool
    preview: bool
    rare_main: float
    rare_main_back: float

    def values(self) -> tuple[float, ...]:
        return tuple(float(getattr(self, name)) for name in self.__dataclass_fields__)


@dataclass(frozen=True)
class _Profile:
    """What the features need of one sentence, computed once per text."""

    terms: frozenset[str]
    main: frozenset[str]
    lead: frozenset[str]
    figures: frozenset[str]
    reaction: bool
    background: bool
    preview: bool
    places: frozenset[str]


@lru_cache(maxsize=100_000)
def _profile(text: str) -> _Profile:
    folded = arabic.fold(text)
    terms = arabic.content_terms(folded)
    return _Profile(
        terms=frozenset(terms),
        main=frozenset(_terms(main_clause(folded))),
        lead=frozenset(terms[:_LEAD]),
        figures=frozenset(_FIGURE.findall(folded)),
        reaction=bool(_REACTION.search(folded)),
        background=bool(_BACKGROUND.search(folded)),
        preview=_is_preview(folded),
        places=_places(folded),
    )


_DIRECTION = re.compile(r"(?:ال)?(?:جنوب|شمال|شرق|غرب|وسط)(?:ي|يه)?")


def _places(folded: str) -> frozenset[str]:
    """The names written right after a noun of place (محافظة أبين → ابين): the noun
    indefinite, as it stands before a name (المدينة alone refers back; أي منطقة names
    none), the name's article
    and inner vowel letters off (قندوز / قندز), a nisba adjective skipped (منطقة حدودية)."""
    words = [w.strip("«»\"'“”()[].,،:؛") for w in folded.split()]
    lex, stop = lexicon(), arabic.stopwords()
    found = set()
    for before, w, name in zip(["", *words], words, words[1:], strict=False):
        if not lex.place(w) or re.match("[وفبلك]{0,2}ال", w) or not name or name in stop:
            continue
        if before in ("اي", "كل", "ايه") or (name[0] in "وف" and name[1:] in stop):
            continue  # «في أي منطقة فسوف»: no place named
        if _DIRECTION.fullmatch(name) or (name.endswith("يه") and not name.startswith("ال")):
            continue
        name = name[2:] if name.startswith("ال") and len(name) > 4 else name
        found.add(name[0] + re.sub("[اوي]", "", name[1:-1]) + name[-1] if len(name) > 2 else name)
    return frozenset(found)


def elsewhere(a: str, b: str) -> bool:
    """Both sentences say where, and no place is the same: two events."""
    pa, pb = _profile(a).places, _profile(b).places
    return bool(pa and pb) and not pa & pb


def features(a: str, b: str, cosine: float, idf: Mapping[str, float] | None = None) -> Features:
    """`idf`: the weight of each term in the story (terms it lacks weigh the most)."""
    pa, pb = _profile(a), _profile(b)
    ta, tb = pa.terms, pb.terms
    na, nb = pa.figures, pb.figures
    return Features(
        cosine=round(cosine, 4),
        main=_share(pa.main, tb),
        main_back=_share(pb.main, ta),
        cover=_share(ta, tb),
        cover_back=_share(tb, ta),
        lead=_share(pa.lead, tb),
        lead_back=_share(pb.lead, ta),
        reaction=pa.reaction != pb.reaction,
        figures=len(na & nb) / len(na | nb) if na or nb else 0.5,
        background=pa.background != pb.background,
        preview=pa.preview != pb.preview,
        rare_main=_weighted_share(pa.main, tb, idf or {}),
        rare_main_back=_weighted_share(pb.main, ta, idf or {}),
    )


def probability(f: Features) -> float:
    z = BIAS + sum(w * v for w, v in zip(WEIGHTS, f.values(), strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def same_claim(
    a: str,
    b: str,
    cosine: float,
    idf: Mapping[str, float] | None = None,
    *,
    supported: bool = False,
) -> bool:
    """Does sentence `b` state the claim of sentence `a` (`cosine`: their similarity)?

    `supported`: `b` is also one of the claim's versions by wording (claims.py put it in the
    claim), and then a lower probability is enough: the model vetoes the versions that are
    plainly another claim (a reaction, another actor, another time) rather than asking each
    paraphrase to prove itself.
    """
    if elsewhere(a, b):
        return False
    return decide(features(a, b, cosine, idf), supported=supported)


def decide(f: Features, *, supported: bool = False) -> bool:
    """`same_claim` from the pair's features."""
    return round(probability(f), 9) >= (SUPPORTED if supported else THRESHOLD)


def main_clause(folded: str) -> str:
    """A sentence up to its first clause break after its first 40 characters."""
    cut = _CLAUSE_END.search(folded, 40)
    return folded[: cut.start()] if cut else folded


def is_background(text: str) -> bool:
    """About another time than the news: «وكان … قد», «العام الماضي», «يذكر أن»."""
    return bool(_BACKGROUND.search(arabic.fold(text)))


def _is_preview(folded: str) -> bool:
    return bool(_PREVIEW.search(main_clause(folded)[:80]))


def _terms(text: str) -> set[str]:
    return set(arabic.content_terms(text))


def _weighted_share(
    part: frozenset[str], whole: frozenset[str], idf: Mapping[str, float]
) -> float:
    """`_share` with each term weighted by its rarity in the story: the names and words every
    article of a story repeats say little about which claim a sentence makes."""
    top = _top(idf)
    weight = {t: idf.get(t, top) for t in part}
    total = sum(weight.values())
    return sum(w for t, w in weight.items() if t in whole) / total if total else 0.0


def _top(idf: Mapping[str, float]) -> float:
    """The weight of a term the story lacks: the highest (cached per story's table)."""
    top = idf.get(_TOP)
    if top is None:
        top = max(idf.values(), default=1.0)
    return top


_TOP = "\x00top"  # story_idf's key for its highest weight


def story_idf(terms: Sequence[Sequence[str]]) -> dict[str, float]:
    """log((n + 1) / (df + 1)) + 1 of each term over the story's sentences (claims.py's)."""
    df: dict[str, int] = {}
    for ts in terms:
        for t in set(ts):
            df[t] = df.get(t, 0) + 1
    n = len(terms)
    idf = {t: math.log((n + 1) / (d + 1)) + 1 for t, d in df.items()}
    idf[_TOP] = max(idf.values(), default=1.0)
    return idf


def _share(part: set[str], whole: set[str]) -> float:
    return len(part & whole) / len(part) if part else 0.0


# --- a sentence a reader cannot follow alone ------------------------------------------------

_SAYS = r"(?:اضاف|قال|اكد|اوضح|بين|ابان|اشار|افاد|لفت|تابع|ذكر|شدد|نوه)(?:ت)?"
# what «هذا» may name without pointing back: the topic, or the time of the news
_NOT_POINTING = r"(?:ال)?(?:سياق|صدد|اطار|شان|خصوص|مجال|عام|اسبوع|شهر|يوم|موسم|مساء|صباح)\b"
_NEEDS_CONTEXT = (
    re.compile(r"^\W*[وف]?" + _SAYS + r"\s*(?::|ان\b|انه\b|بان\b|بانه\b)"),  # «وأضاف:»
    re.compile(r"^\W*[وف]?" + _SAYS + r"\s+(?:سموه|معاليه|فضيلته|سعادته)"),  # «وقال سموه»
    re.compile(  # a demonstrative early, pointing back («هذا العرض»; not «في هذا السياق»)
        r"^\W*(?:\S+\s+){0,5}?(?:هذا|هذه|هذين|هاتين|هولاء)\s+(?!" + _NOT_POINTING + r")"
    ),
    re.compile(r"^\W*[وف]?(?:ذلك|تلك)\s"),  # «وذلك بعد …»
    re.compile(r"^\W*(?:\S+\s+){0,2}?\S*(?:بهذه|بهذا|لهذا|لهذه)\s"),  # «وبهذه الصفقة»
    re.compile(r"^\W*(?:بحسب|وبحسب|حسب|وحسب)\s+(?:المصدر|المصادر)\s+(?:نفسه|ذاته|نفسها)"),
    re.compile(r"^\W*(?:و)?(?:الجدير\s+بالذكر|يذكر\s+ان|من\s+جهه\s+اخري|من\s+جانب\S*)\s"),
    re.compile(r"^رابط الخبر"),  # a "link to the story" caption
)


def readable_alone(text: str) -> bool:
    """False for a sentence that leans on the one before it: a reporting verb with no named
    subject («وأضاف:», «وبين أن»), a demonstrative pointing back («هذا العرض», «وبهذه
    الصفقة»), «بحسب المصدر نفسه», a connective that opens on another thread («من جهة أخرى»)."""
    folded = arabic.fold(text)
    return not any(p.search(folded) for p in _NEEDS_CONTEXT)
