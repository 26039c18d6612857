import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.language.arabic import (
    _DIACRITICS,
    _FOLD_TABLE,
    _INVISIBLE,
    _TOKEN,
    content_terms,
    fold,
    matching_terms,
    stem,
    stopwords,
    tokens,
)


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("أحمد", "احمد"),
        ("إرهاب", "ارهاب"),
        ("آمن", "امن"),
        ("مستشفى", "مستشفي"),
        ("الحكومة", "الحكومه"),
        ("مُحَمَّد", "محمد"),
        ("الـــعربية", "العربيه"),
        ("٢٠٢١", "2021"),
        ("Putin", "putin"),
    ],
)
def test_fold(word: str, folded: str) -> None:
    assert fold(word) == folded


@pytest.mark.parametrize(
    "group",
    [
        ["سوريا", "السورية", "وسوريا", "السوري"],
        ["بوتين", "وبوتين"],
        ["الحكومة", "حكومة", "والحكومة", "بالحكومة"],
        ["اللاجئين", "لاجئين"],
        ["الإرهاب", "ارهاب", "والإرهاب"],
    ],
)
def test_inflections_share_a_stem(group: list[str]) -> None:
    assert len({stem(fold(w)) for w in group}) == 1


def test_stop_words_are_not_terms() -> None:
    assert content_terms("قال إن الوفد وصل خلال اليوم بحسب المصادر") == ["وفد", "وصل", "مصادر"]
    assert {"خلال", "بحسب", "the"} <= stopwords()


_REFERENCE_FOLD = {**_FOLD_TABLE}


@given(
    st.text(alphabet=st.sampled_from("أإآٱىیةۀكکگؤئ٠١٩۰۹ابتـًٌَُِّْ\u200f\u00adAbZ_ .،\n\t-"), max_size=40)
)
def test_fold_is_the_documented_table(text: str) -> None:
    # fold() replaces variant by variant for speed; it must equal the one-table translation
    expected = _DIACRITICS.sub("", _INVISIBLE.sub("", text)).translate(_REFERENCE_FOLD).lower()
    assert fold(text) == expected
    # tokens() splits on white space first for speed: it must equal the one-regex tokens
    assert tokens(text) == _TOKEN.findall(expected)
    # content_terms() caches by written word: it must equal the uncached terms
    assert content_terms(text) == matching_terms(text)


@pytest.mark.parametrize(
    ("switches", "expected"),
    [
        ({}, ["حكوم", "قرار", "جديد"]),
        ({"stem_words": False}, ["الحكومه", "القرارات", "الجديده"]),
        ({"drop_stopwords": False}, ["حكوم", "علي", "قرار", "جديد"]),
        (
            {"normalise": False, "stem_words": False, "drop_stopwords": False},
            ["الحكومة", "على", "القرارات", "الجديدة"],
        ),
    ],
)
def test_matching_terms_switches(switches: dict[str, bool], expected: list[str]) -> None:
    assert matching_terms("الحكومة على القرارات الجديدة", **switches) == expected
    if not switches:
        assert content_terms("الحكومة على القرارات الجديدة") == expected
