"""Names: every spelling of one name has one key, a country and its nisba too, and common
words are never merged by a letter rule."""

from __future__ import annotations

from collections import Counter

import pytest

from generator.language import arabic
from generator.language.names import known_names, name_groups, name_key, spelling_key, term_key


@pytest.mark.parametrize(
    "spellings",
    [
        ("ترامب", "ترمب", "وترامب"),  # a vowel letter, a clitic
        ("بوتين", "بوتن", "وبوتين"),
        ("نتنياهو", "نتانياهو"),
        ("غوغل", "جوجل", "قوقل"),  # the letters for "g"
        ("شويغو", "شويجو"),
        ("سالزبورغ", "سالزبورج"),
        ("إنجلترا", "إنكلترا", "انجلترا"),
        ("أمريكا", "أميركا", "الأمريكية", "الأميركي"),
        ("الميليشيات", "المليشيات"),
        ("إيران", "الإيراني", "الإيرانية", "الإيرانيون", "وإيران"),  # nisba
        ("فلسطين", "الفلسطيني", "الفلسطينيين", "الفلسطينية"),
        ("البحرين", "البحريني", "البحرينية"),
        ("باكستان", "الباكستاني"),
        ("السودان", "السوداني"),
        ("سوريا", "السوري", "السورية", "وسوريا"),  # the stemmer already did these
    ],
)
def test_spellings_of_one_name_have_one_key(spellings: tuple[str, ...]) -> None:
    assert len({name_key(w) for w in spellings}) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("قرار", "غرار"),  # decision / (على) غرار: no g-letter rule on words
        ("الغارات", "الجار"),  # raids / the neighbour
        ("المطار", "المطر"),  # airport / rain: no vowel-letter rule on words
        ("المعارضة", "المعرض"),  # the opposition / the exhibition
        ("الجامعة", "الجمعة"),  # university / Friday
        ("المغرب", "مجرب"),
        ("مكان", "مك"),  # a four-letter stem ending in -ان is the stemmer's own
    ],
)
def test_common_words_are_never_merged(first: str, second: str) -> None:
    assert name_key(first) != name_key(second)


def test_known_names_are_one_name_each_and_keep_three_letters() -> None:
    groups = name_groups()
    assert len(groups) >= 40
    owner: dict[str, int] = {}
    for k, spellings in enumerate(groups):
        keys = {name_key(w) for w in spellings}
        assert len(keys) == 1, spellings
        for w in spellings:
            stem = arabic.stem(arabic.fold(w))
            assert owner.setdefault(stem, k) == k, f"{w} is in two names"
    assert all(len(key) >= 3 for key in known_names().values())
    # no spelling is the key of another name: a chain would depend on reading order
    assert not set(known_names()) & set(known_names().values())


def test_term_key_is_the_key_of_a_stem_and_is_stable() -> None:
    for word in ("الإيرانيون", "ترمب", "قوقل", "الحكومة"):
        stem = arabic.stem(arabic.fold(word))
        assert term_key(stem) == name_key(word)
        assert term_key(term_key(stem)) == term_key(stem)  # a key is its own key
    assert Counter(map(name_key, ["ترمب", "ترامب", "ترمب"])) == Counter({"ترامب": 3})


def test_spelling_key_joins_the_spellings_of_a_name_but_no_nisba() -> None:
    """Grouping's key: every spelling of a known name as the stemmer gives it is one term,
    but a country and its adjective stay two terms, as do common words."""

    def key(word: str) -> str:
        return spelling_key(arabic.stem(arabic.fold(word)))

    for spellings in name_groups():
        assert len({key(w) for w in spellings}) == 1, spellings
    assert key("ترمب") == key("وترامب") and key("موغيريني") == key("موجيريني")
    assert key("إيران") != key("الإيراني")
    assert key("قرار") != key("غرار") and key("الحكومة") == arabic.stem(arabic.fold("الحكومة"))
