"""Framing: the titles each outlet attaches to the story's main actors, shown where outlets
differ. On the seeds (the Moscow story) and on small tables of sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.compare.comparison import reporters
from generator.compare.framing import framing
from generator.language import arabic
from generator.language.titles import COMMA, NONE, QUOTE, lexicon, words
from generator.models import ActorFraming, Article, CleanArticle, RankedArticle, Sentence, Story
from generator.pipeline import Settings, generate
from tests.conftest import SEEDS

ITALIAN = "الإيطالية-نيوز"  # the outlet of 003
OWN_001 = "unknown-001-7336f6dff2d1f43f"  # 001 names no outlet: a source of its own


@pytest.fixture(scope="module")
def moscow() -> tuple[ActorFraming, ...]:
    stories = generate(Settings(articles=SEEDS, cache=False)).stories
    story = next(s for s in stories if len(s.articles) == 4)
    assert story.comparison is not None
    return story.comparison.framing


def _forms(row: ActorFraming, reporter: str) -> list[str]:
    return [f.form for f in row.forms if f.reporter == reporter]


def test_moscow_story_names_assad_differently_per_outlet(moscow: tuple[ActorFraming, ...]) -> None:
    assad = next(row for row in moscow if row.actor == "الأسد")
    regime, syrian = _forms(assad, OWN_001), _forms(assad, ITALIAN)
    assert regime[0] == "رئيس النظام"
    assert "الرئيس السوري" in syrian
    assert not set(regime) & set(syrian)
    outlet = {"001": OWN_001, "002": "سيريانيوز", "003": ITALIAN}
    for form in assad.forms:  # extractive: each form is in its example, from that outlet
        assert form.form in form.example.text
        assert outlet[form.example.article_id[:3]] == form.reporter


def test_putin_is_not_shown_where_outlets_agree(moscow: tuple[ActorFraming, ...]) -> None:
    # «الرئيس الروسي» and «الرئيس» are one title said more or less fully: no difference
    assert all(row.actor != "بوتين" for row in moscow)


def _article(aid: str, source: str, *sentences: str) -> RankedArticle:
    article = Article(
        id=aid, path=f"{aid}.txt", body="", title=aid, source=source, date=dt.date(2015, 7, 1)
    )
    found = tuple(Sentence(t, i, i) for i, t in enumerate(sentences))
    return RankedArticle(
        CleanArticle(article, sentences), found, tuple(1.0 for _ in found), found[:1]
    )


def _framing(*articles: RankedArticle) -> dict[str, dict[str, list[tuple[str, int]]]]:
    story = Story("s", tuple(articles), "قصة")
    rows = framing(story, reporters(story))
    out: dict[str, dict[str, list[tuple[str, int]]]] = {}
    for row in rows:
        for f in row.forms:
            out.setdefault(row.actor, {}).setdefault(f.reporter, []).append((f.form, f.count))
    return out


def test_a_title_each_outlet_uses_and_the_other_never_is_shown() -> None:
    found = _framing(
        _article(
            "a",
            "عكاظ",
            "قال الرئيس المعزول محمد مرسي أمام المحكمة إنه بريء من التهم.",
            "وأجلت المحكمة محاكمة الرئيس المعزول محمد مرسي إلى الشهر المقبل.",
        ),
        _article(
            "b",
            "الوطن",
            "قال الرئيس الأسبق محمد مرسي أمام المحكمة إنه بريء من التهم.",
            "ونقل محامو مرسي أن محمد مرسي سيحضر الجلسة المقبلة بنفسه.",
        ),
    )
    assert found == {
        "مرسي": {"عكاظ": [("الرئيس المعزول", 2)], "الوطن": [("الرئيس الأسبق", 1)]}
    }


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same title in both: nothing to show
        (
            "قال الرئيس السوري بشار الأسد إن الحرب طويلة وإن بشار الأسد باق.",
            "وقال الرئيس السوري بشار الأسد إن بشار الأسد لن يرحل.",
        ),
        # one title said more fully by one outlet: the same title
        (
            "قال الرئيس السوري بشار الأسد إن الحرب طويلة وإن بشار الأسد باق.",
            "وقال الرئيس بشار الأسد إن بشار الأسد لن يرحل.",
        ),
        # the object of a sentence whose subject is a title is not titled by it
        (
            "استقبل الرئيس الروسي الأسد أمس، وقال بشار الأسد إنه سعيد.",
            "وقال بشار الأسد إن بشار الأسد لن يرحل أبدا من الحكم.",
        ),
        # a noun after a title is not a name («أجرى الفريق تدريبات»)
        (
            "أجرى الفريق تدريبات في الصباح، وكانت تدريبات قوية جدا.",
            "وأدى اللاعب تدريبات خفيفة، ثم تدريبات أخرى في المساء.",
        ),
        # a region's name after بمنطقة is where the director works, not whom the title names
        (
            "ونقل مدير الدفاع المدني بمنطقة عسير تعازيه، وأوضح أن فرق بمنطقة عسير وصلت.",
            "وقال المتحدث الإعلامي للدفاع المدني بمنطقة عسير إن الفرق بمنطقة عسير وصلت.",
        ),
        # «نيبوشا» التدريبات: the quotation closes the name; التدريبات is no family name
        (
            "واستهل المدير الفني «نيبوشا» التدريبات بتمارين، ثم «نيبوشا» التدريبات بالكرة.",
            "وأدى اللاعب التدريبات مع زملائه، ثم أدى اللاعب التدريبات في المساء.",
        ),
        # a title of two joined complements (وزير الثقافة والإعلام) is one title: both
        # outlets call him the minister
        (
            "استعرض وزير الثقافة والإعلام الدكتور عادل الطريفي الخطط، وقال عادل الطريفي إنها جاهزة.",
            "وهنأ الوزير عادل الطريفي الموظفين، وأكد الوزير عادل الطريفي أن الخطط جاهزة.",
        ),
        # two spellings of one adjective (the letters for a foreign g) are one title
        (
            "وحصل المهاجم الأوروغوياني أدينسون كافاني على ضمانات، وقال أدينسون كافاني إنه باق.",
            "ولن يرحل المهاجم الأوروجوياني أدينسون كافاني، وأكد أدينسون كافاني بقاءه.",
        ),
        # the name after بن is a father's: «منصور بن متعب بن عبد العزيز، وزير الدولة»
        (
            "وصل الأمير منصور بن متعب بن عبد العزيز، وزير الدولة، وكان الملك عبد العزيز مؤسسا.",
            "وغادر الأمير فيصل بن تركي بن عبد العزيز، وسمي مطار الملك عبد العزيز باسمه.",
        ),
        # two titles stacked before a name: the outer one is used by both outlets
        # (للاعب is ل + اللاعب, one of its lams dropped)
        (
            "أجرى الكشف الطبي للاعب الغاني الشيخ مبارك واكاسو، وقال مبارك واكاسو إنه سعيد.",
            "وأصبح اللاعب الغاني مبارك واكاسو لاعبا اتحاديا، ووقع مبارك واكاسو العقد.",
        ),
    ],
)
def test_nothing_is_shown_where_outlets_do_not_differ(a: str, b: str) -> None:
    assert _framing(_article("a", "عكاظ", a), _article("b", "الوطن", b)) == {}


def test_a_groups_head_is_shown_with_its_name_and_folded_across_spellings() -> None:
    found = _framing(
        _article(
            "a",
            "عكاظ",
            "قصفت ميليشيات الحوثي أحياء في تعز، وردت المقاومة على مليشيات الحوثي بقوة.",
            "وقالت المصادر إن ميليشيا الحوثي انسحبت من المواقع.",
        ),
        _article(
            "b",
            "الوطن",
            "قصفت جماعة الحوثي أحياء في تعز، وردت المقاومة على جماعة الحوثي بقوة.",
        ),
    )
    rows = found["الحوثي"]
    assert rows["الوطن"] == [("جماعة الحوثي", 2)]
    assert rows["عكاظ"][0][1] == 3  # ميليشيات، مليشيات، ميليشيا: one form


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "جمع رئيس النظام، بشار الأسد، مع «بوتين»",
            [("جمع", NONE), ("رئيس", NONE), ("النظام", NONE), ("بشار", COMMA),
             ("الأسد", NONE), ("مع", COMMA), ("بوتين", QUOTE)],
        ),
        ("والأمير محمد بن سلمان", [("والأمير", NONE), ("محمد بن سلمان", NONE)]),
    ],
)
def test_words_keep_their_text_and_what_separates_them(sentence: str, expected: list) -> None:
    assert [(w.text, w.before) for w in words(sentence)] == expected


def test_clitics_come_off_for_matching_only() -> None:
    vocabulary = {"بوتين"}  # وليد stays: ليد is no word of the text
    keys = [w.key for w in words("والرئيس للرئيس ببوتين وليد", vocabulary)]
    assert keys == ["الرييس", "الرييس", "بوتين", "وليد"]
    assert [w.text for w in words("للرئيس ببوتين")] == ["للرئيس", "ببوتين"]
    # لل before a word that begins with ل: ل + اللاعب, not ل + الاعب
    assert [w.key for w in words("للاعب للرئيس")] == ["اللاعب", "الرييس"]


def test_a_word_that_refers_back_is_no_name() -> None:
    lex = lexicon()
    assert lex.reference(arabic.fold("بلاده")) and lex.reference(arabic.fold("وحكومتها"))
    assert not lex.reference(arabic.fold("عبدالله")) and not lex.reference(arabic.fold("طه"))


def test_a_man_named_like_his_group_is_an_actor_of_his_own() -> None:
    found = _framing(
        _article(
            "a",
            "عكاظ",
            "قصفت ميليشيات الحوثي الأحياء، وقال زعيم الانقلابيين عبدالملك الحوثي إنه باق.",
            "وانسحبت ميليشيات الحوثي من المدينة بعد أن أمر زعيم الانقلابيين عبدالملك الحوثي.",
        ),
        _article(
            "b",
            "الوطن",
            "قصفت جماعة الحوثي الأحياء، وقال قائد التمرد عبدالملك الحوثي إنه باق.",
            "وانسحبت جماعة الحوثي من المدينة بعد أن أمر عبدالملك الحوثي، قائد التمرد، بذلك.",
        ),
    )
    assert found["الحوثي"] == {
        "عكاظ": [("ميليشيات الحوثي", 2)],
        "الوطن": [("جماعة الحوثي", 2)],
    }
    assert found["عبدالملك الحوثي"] == {
        "عكاظ": [("زعيم الانقلابيين", 2)],
        "الوطن": [("قائد التمرد", 2)],
    }


def test_an_honorific_is_part_of_a_title_not_a_name() -> None:
    lex = lexicon()
    assert lex.within(arabic.fold("السمو")) and lex.head(arabic.fold("صاحب"))
    assert lex.place(arabic.fold("بمنطقة")) and not lex.place(arabic.fold("بدر"))
