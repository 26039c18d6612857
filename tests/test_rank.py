import pytest

from generator import key_sentences
from generator.ingest import read_folder
from tests.conftest import SEEDS

SEED_TEXTS = {a.path[:3]: a.body for a in read_folder(SEEDS).articles}


@pytest.mark.parametrize("name", sorted(SEED_TEXTS))
def test_key_sentences_are_quoted_exactly_in_document_order(name: str) -> None:
    text = SEED_TEXTS[name]
    keys = key_sentences(text)
    assert len(keys) == 3
    positions = [text.index(k) for k in keys]  # raises if a sentence is not verbatim
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("جملة واحدة فقط هنا.", ["جملة واحدة فقط هنا."]),  # short article: still a key sentence
        # no shared word at all: a degenerate graph falls back to the lead
        (
            "القمر يضيء ليلا. السيارات تسير سريعا. الطيور تغني صباحا. البحر هادئ جدا.",
            ["القمر يضيء ليلا.", "السيارات تسير سريعا.", "الطيور تغني صباحا."],
        ),
        # identical sentences are one key sentence, not two
        (
            "الجيش يتقدم شمالا. الجيش يتقدم شمالا. الجيش يواصل التقدم.",
            ["الجيش يتقدم شمالا.", "الجيش يواصل التقدم."],
        ),
    ],
)
def test_short_and_degenerate_articles_still_give_key_sentences(text, expected) -> None:
    assert key_sentences(text) == expected


def test_word_budget_follows_summas_rule() -> None:
    text = SEED_TEXTS["002"]
    short = key_sentences(text, words=30)
    longer = key_sentences(text, words=120)
    assert 1 <= len(short) < len(longer)
    assert sum(len(s.split()) for s in longer) <= 120 + max(len(s.split()) for s in longer)
    assert key_sentences(text, words=1)  # never nothing for a non-empty article


def test_sentence_count() -> None:
    assert len(key_sentences(SEED_TEXTS["000"], sentences=5)) == 5
    assert key_sentences("") == []
