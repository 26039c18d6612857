"""Keywords: one per word whatever its clitics and inflection, one per name whatever its
spelling, never a stop-like word; on the seeds and on tables."""

from __future__ import annotations

import pytest

from generator.language import arabic
from generator.models import Article, RankedArticle
from generator.pipeline import Settings, generate
from generator.rank.key_sentences import rank
from generator.rank.keywords import story_keywords
from generator.read.infer import infer
from generator.text.clean import clean
from tests.conftest import SEEDS

# Words of news writing that must never be a keyword (the examples and their kin).
NEVER = ["خلال", "بحسب", "حسب", "وفق", "قال", "أضاف", "أكد", "أشار", "اليوم", "أمس", "عبر"]


def _article(text: str, name: str = "a") -> RankedArticle:
    return rank(clean(infer(Article(id=name, path=f"{name}.txt", body=text))))


def test_words_that_differ_in_a_g_letter_stay_two_keywords() -> None:
    """No letter rule outside the list of names: the team (الفريق) and a family's name
    (الفريج) in one story are two keywords, each on its own page."""
    text = (
        "فاز الفريق الأول على منافسه في المباراة النهائية للبطولة.\n"
        "وأهدى الفريق الفوز إلى جماهيره، وهنأ رجل الأعمال خالد الفريج الفريق بالبطولة.\n"
        "وقال الفريج إن الفريق يستحق البطولة بعد موسم طويل، وكرم الفريج لاعبي الفريق.\n"
    )
    labels = {k.label: k.slug for k in story_keywords([_article(text)])}
    assert "الفريق" in labels and "الفريج" in labels
    assert labels["الفريق"] != labels["الفريج"]


def test_inflections_and_clitics_are_one_keyword_shown_in_the_most_frequent_form() -> None:
    text = (
        "تواجه سوريا أزمة اقتصادية حادة هذا العام.\n"
        "وقالت الحكومة السورية إن سوريا ستتجاوز الأزمة الاقتصادية.\n"
        "ودعت الأمم المتحدة إلى دعم سوريا في مواجهة الأزمة.\n"
        "وتعيش وسوريا والعراق الأزمة نفسها منذ سنوات.\n"
    )
    keywords = story_keywords([_article(text)])
    syria = [k for k in keywords if arabic.fold(k.label) in ("سوريا", "السوريه", "وسوريا")]
    assert len(syria) == 1 and syria[0].label == "سوريا"
    crisis = [k for k in keywords if "ازم" in arabic.fold(k.label)]
    assert len(crisis) == 1 and crisis[0].label == "الأزمة"


def test_two_spellings_of_a_name_in_one_story_are_one_keyword() -> None:
    first = (
        "التقى وزير الدفاع الروسي سيرغي شويغو الرئيس السوري في دمشق.\n"
        "وبحث شويغو مع الرئيس التعاون العسكري بين البلدين.\n"
        "وقال شويغو إن بلاده ستواصل دعم الجيش السوري.\n"
    )
    second = (
        "وصل وزير الدفاع الروسي سيرجي شويجو إلى دمشق في زيارة مفاجئة.\n"
        "ونقل شويجو رسالة من الرئيس الروسي إلى الرئيس السوري.\n"
    )
    keywords = story_keywords([_article(first, "a"), _article(second, "b")])
    shoigu = [k for k in keywords if k.label in ("شويغو", "شويجو")]
    assert len(shoigu) == 1
    assert shoigu[0].label == "شويغو"  # written so three times, شويجو twice


def test_stop_like_words_never_become_keywords_however_frequent() -> None:
    text = "\n".join(
        f"وخلال الاجتماع بحسب البيان قال الوزير {w} إن المحادثات بحسب المصادر تمت خلال اليوم."
        for w in ("أمس", "اليوم", "خلال", "بحسب")
    )
    labels = [arabic.fold(k.label) for k in story_keywords([_article(text)])]
    assert labels  # the text has keywords…
    never = {arabic.stem(arabic.fold(w)) for w in NEVER} | {arabic.fold(w) for w in NEVER}
    assert not [label for label in labels if arabic.stem(label) in never or label in never]


def test_seed_keywords_merge_inflections_and_hold_no_stop_like_word() -> None:
    stories = generate(Settings(articles=SEEDS, cache=False)).stories
    never = {arabic.stem(arabic.fold(w)) for w in NEVER} | {arabic.fold(w) for w in NEVER}
    for story in stories:
        stems = [k.stem for k in story.keywords]
        assert len(stems) == len(set(stems)) >= 5
        labels = [arabic.fold(k.label) for k in story.keywords]
        # سوريا, السورية, وسوريا: one keyword of the Moscow story, never two
        assert sum(label in ("سوريا", "السوريه", "سوري", "وسوريا") for label in labels) <= 1
        assert not [w for w in labels if w in never or arabic.stem(w) in never]
    moscow = next(s for s in stories if len(s.articles) == 4)
    assert "سوريا" in [k.label for k in moscow.keywords]


def test_the_fast_keyword_rank_is_summas_on_the_seed_stories() -> None:
    """The numpy PageRank gives summa's scores for every term of each seed story's graph."""
    from generator.rank import textrank
    from generator.rank.keywords import keyword_stem, stop_like

    stop = stop_like()
    for story in generate(Settings(articles=SEEDS, cache=False)).stories:
        sequences = [
            [t for w in (s.text.split()) if (t := keyword_stem(w, stop))]
            for a in story.articles
            for s in a.sentences
        ]
        fast, reference = textrank.keyword_scores(sequences), textrank.summa_keyword_scores(sequences)
        assert fast.keys() == reference.keys() and len(fast) > 50
        assert all(abs(fast[t] - reference[t]) < 1e-9 for t in fast)


def test_a_name_spelled_two_ways_in_two_stories_has_one_keyword_page() -> None:
    """The slug comes from the name's key (`language.names`), not from the story's words."""
    one = "استقبل الرئيس ترامب الوفد في البيت الأبيض.\nوقال ترامب إن المحادثات كانت جيدة.\n"
    other = "التقى ترمب رئيس الوزراء في واشنطن.\nوأكد ترمب أن العلاقات قوية.\n"
    slugs = [
        {k.slug for k in story_keywords([_article(text, name)]) if "تر" in k.label}
        for text, name in ((one, "a"), (other, "b"))
    ]
    assert slugs[0] == slugs[1] and len(slugs[0]) == 1


@pytest.mark.parametrize("word", ["قوات", "المنطقة", "بشكل", "قائلا", "أجل", "رغم", "أبريل",
                                  "فيديو", "صور", "غرار", "يوليو", "أيلول"])  # fmt: skip
def test_generic_words_of_a_real_build_are_stop_like(word: str) -> None:
    from generator.rank.keywords import keyword_stem, stop_like

    assert keyword_stem(word, stop_like()) is None
