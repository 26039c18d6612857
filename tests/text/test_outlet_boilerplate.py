"""The learned per-outlet pass: what one outlet repeats and others never print, on made-up
outlets (no outlet's text); and a warm, incremental build equals a cold one."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.models import Article, RankedArticle
from generator.pipeline import read_articles, rerank
from generator.rank.key_sentences import rank
from generator.runtime.cache import Cache
from generator.runtime.stages import Runtime
from generator.text import outlet_boilerplate as ob
from generator.text.clean import clean

CITIES = (
    "جدة", "الدمام", "أبها", "تبوك", "حائل", "جازان", "نجران", "الباحة", "الطائف", "ينبع",
    "القطيف", "الخبر", "عرعر", "سكاكا", "بريدة", "عنيزة", "الرس", "المجمعة", "الخرج", "رابغ",
)  # fmt: skip
PROJECTS = ("مستشفى", "جسر", "ملعب", "مكتبة", "حديقة", "مدرسة", "سوق", "متحف", "مطار", "ميناء")
SIGN_OFF = "حفظ الله الوطن وأهله من كل سوء."  # what outlet «الأفق» ends every article with
WIRE = "وأكد البيان المشترك أن الاجتماع كان مثمرا وبناء."  # every outlet prints it


def body(i: int, *extra: str, verb: str = "افتتح") -> str:
    """Two paragraphs of their own (a city and a project per article), then `extra` lines."""
    city, project = CITIES[i % len(CITIES)], PROJECTS[i % len(PROJECTS)]
    return "\n".join(
        (
            f"{verb} المحافظ في {city} {project} {city} الجديد بحضور عدد من المسؤولين.",
            f"وقال مدير {project} {city} إن المشروع يخدم سكان {city} والزوار طوال العام.",
            *extra,
        )
    )


def ranked(outlet: str, i: int, text: str, title: str | None = None) -> RankedArticle:
    city = CITIES[i % len(CITIES)]
    article = Article(
        id=f"{outlet}-{i}", path=f"{outlet}/{i}.txt", body=text,
        title=title or f"{outlet}: خبر {city} و{CITIES[i // 20 % 20]} {PROJECTS[i % 10]}",
        source=outlet,
    )  # fmt: skip
    return rank(clean(article))


def site(a_extra: tuple[str, ...], b_extra: tuple[str, ...] = (), n: int = 20) -> list:
    return [ranked("الأفق", i, body(i, *a_extra)) for i in range(n)] + [
        ranked("المدار", i, body(i, *b_extra, verb="دشن")) for i in range(n)
    ]


def texts(article: RankedArticle) -> list[str]:
    return [s.text for s in article.sentences]


def cleaned(articles: list[RankedArticle]) -> list[RankedArticle]:
    learned = ob.learn(articles)
    return [rerank((a, h)) if (h := ob.hits(a, learned)) else a for a in articles]


def test_a_line_one_outlet_repeats_is_dropped_from_its_articles() -> None:
    articles = site((SIGN_OFF,))
    learned = ob.learn(articles)
    assert learned.lines["الأفق"] == {ob.key(SIGN_OFF)}
    assert learned.lines["المدار"] == frozenset()
    for article in cleaned(articles):
        assert SIGN_OFF not in " ".join(texts(article))
        assert len(article.sentences) == 2


def test_a_line_every_outlet_prints_is_text_not_boilerplate() -> None:
    learned = ob.learn(site((WIRE,), (WIRE,)))
    assert learned.lines["الأفق"] == frozenset() and learned.lines["المدار"] == frozenset()


def test_copies_of_one_article_are_one_article() -> None:
    copies = [ranked("الأفق", i, body(0), title="عنوان واحد") for i in range(30)]
    others = [ranked("المدار", i, body(i, verb="دشن")) for i in range(30)]
    assert ob.learn(copies + others).lines["الأفق"] == frozenset()


def test_a_line_glued_before_the_first_sentence_is_cut() -> None:
    tag = "الأفق – خاص"
    articles = [ranked("الأفق", i, f"{tag}\n{body(i)}") for i in range(20)]
    glued = ranked("الأفق", 99, f"{tag} {body(3)}")
    others = [ranked("المدار", i, body(i, verb="دشن")) for i in range(20)]
    learned = ob.learn([*articles, *others])
    assert ob.key(tag) in learned.lines["الأفق"]
    [first, *_] = texts(rerank((glued, ob.hits(glued, learned))))
    assert first.startswith("افتتح المحافظ")


def closing(i: int) -> str:
    """A «related stories» block: a label, then other articles' headlines run together."""
    return f"قصص مرتبطة بالخبر: {CITIES[(i + 3) % 20]} تستعد للموسم {CITIES[(i + 5) % 20]} تحتفل"


@pytest.mark.parametrize(
    ("last", "learned"),
    [
        (closing, True),  # a label opening the last paragraph, followed by anything
        (lambda i: f"وبحسب الوكالة، فإن {CITIES[i]} تستقبل الزوار.", False),  # a conjunction
        (lambda i: f"بعد ذلك زار الوفد {CITIES[i]} والتقى الأهالي.", False),  # a function word
        (lambda i: f"3 - تعيين مدير جديد لفرع {CITIES[i]}.", False),  # a numbered list item
    ],
)
def test_a_closing_opening_is_learned_only_when_it_opens_no_prose(last, learned) -> None:
    articles = [ranked("الأفق", i, body(i, last(i))) for i in range(20)]
    others = [ranked("المدار", i, body(i, verb="دشن")) for i in range(120)]
    found = ob.learn([*articles, *others]).openings["الأفق"]
    assert bool(found) is learned
    after = cleaned([*articles, *others])[:20]
    assert all(len(a.sentences) == (2 if learned else 3) for a in after)


def test_no_openings_without_enough_other_articles_to_contrast_with() -> None:
    articles = [ranked("الأفق", i, body(i, closing(i))) for i in range(20)]
    others = [ranked("المدار", i, body(i, verb="دشن")) for i in range(20)]
    assert ob.learn([*articles, *others]).openings["الأفق"] == frozenset()


def test_hits_are_sorted_and_an_article_without_them_is_untouched() -> None:
    articles = site((SIGN_OFF,))
    learned = ob.learn(articles)
    assert ob.hits(articles[0], learned) == (f"L {ob.key(SIGN_OFF)}",)
    assert ob.hits(articles[-1], learned) == ()
    assert ob.strip(articles[-1].clean, ()) == articles[-1].clean


# --- under the runtime: the cache never changes what a build makes --------------------------


def write(folder: Path, outlet: str, i: int, text: str) -> None:
    path = folder / outlet / f"{i:02d}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    title = f"خبر {CITIES[i % 20]} {PROJECTS[i % 10]} من {outlet} {i}"
    path.write_text(f"---\ntitle: {title}\nsource: {outlet}\n---\n{text}\n", encoding="utf-8")


def test_a_warm_incremental_build_equals_a_cold_one(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    for i in range(12):
        write(folder, "الأفق", i, body(i, SIGN_OFF))
        write(folder, "المدار", i, body(i, verb="دشن"))
    cache_dir = tmp_path / "cache"

    def build(cache: bool):
        if not cache:
            return read_articles(folder, Runtime(None, jobs=1))
        with Cache(cache_dir) as c:
            stage = read_articles(folder, Runtime(c, jobs=1))
            c.commit()
        return stage

    cold = build(cache=False)
    assert all(SIGN_OFF not in " ".join(texts(a)) for a in cold.articles)
    assert build(cache=True) == cold  # filling the cache
    warm = build(cache=True)
    assert warm.articles == cold.articles and warm.reused == 24
    # the other outlet starts printing the line too: it is no longer «الأفق»'s boilerplate
    for i in range(12):
        write(folder, "المدار", i, body(i, SIGN_OFF, verb="دشن"))
    incremental, fresh = build(cache=True), build(cache=False)
    assert incremental.articles == fresh.articles and incremental.reused == 12
    assert all(SIGN_OFF in " ".join(texts(a)) for a in fresh.articles)
