import pytest

from generator.arabic import content_terms, fold, stem, stopwords


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
