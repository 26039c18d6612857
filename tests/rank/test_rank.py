
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from bench import quality
from generator import key_sentences
from generator.cli import main
from generator.language import arabic
from generator.rank import textrank
from generator.rank.key_sentences import Ranking, rank, text_article, text_sentences
from generator.read.ingest import read_folder
from tests.conftest import DATA, SEEDS

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


# --- the vectorised TextRank against summa's own graph and PageRank ---------------------

EASC = quality.load(DATA / "easc-dev.jsonl")
TEXTS = [*(SEED_TEXTS[k] for k in sorted(SEED_TEXTS)), *(c.article for c in EASC)]
SUMMA = Ranking(centrality=textrank.summa_sentence_scores)


def _terms(text: str) -> list[list[str]]:
    return [arabic.content_terms(s.text) for s in text_sentences(text)]


@pytest.mark.parametrize("method", ["dense", "sparse"])
def test_vectorised_textrank_scores_like_summa(method: str) -> None:
    compared = 0
    for text in TEXTS:
        terms = _terms(text)
        fast = textrank.sentence_scores(terms, method=method)
        reference = textrank.summa_sentence_scores(terms)
        assert (fast is None) == (reference is None)
        if reference is not None:
            assert fast == pytest.approx(reference, abs=1e-9)
            compared += 1
    assert compared >= 50


@pytest.mark.parametrize("budget", [{}, {"sentences": 5}, {"words": 60}, {"words": 150}])
def test_vectorised_textrank_selects_the_sentences_summa_selects(budget) -> None:
    for text in TEXTS:
        article = text_article(text)
        fast = rank(article, **budget).key
        assert fast == rank(article, **budget, ranking=SUMMA).key
        plain = Ranking(length_norm=False, position_prior=False)
        plain_summa = Ranking(length_norm=False, position_prior=False, centrality=SUMMA.centrality)
        assert (
            rank(article, **budget, ranking=plain).key
            == rank(article, **budget, ranking=plain_summa).key
        )


def test_a_story_sized_graph_is_ranked_sparsely_like_summa() -> None:
    story = [t for text in TEXTS for t in _terms(text)]
    assert len(story) > textrank.DENSE_LIMIT
    sparse = textrank.sentence_scores(story)  # auto: sparse at this size
    assert sparse == pytest.approx(textrank.sentence_scores(story, method="dense"), abs=1e-9)
    part = story[:150]  # summa's own graph is quadratic in Python: keep it small here
    assert textrank.sentence_scores(part, method="sparse") == pytest.approx(
        textrank.summa_sentence_scores(part), abs=1e-9
    )


# --- what the ranking prefers ------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SEED_TEXTS))
def test_the_lede_of_a_news_article_is_a_key_sentence(name: str) -> None:
    first = text_sentences(SEED_TEXTS[name])[0].text
    assert first in key_sentences(SEED_TEXTS[name])


def test_a_sentence_sharing_only_function_words_is_not_central() -> None:
    # the third sentence shares only «في» and «من» with the others: stop words carry no edge
    text = (
        "الوزير يزور المدينة الساحلية لبحث مشروع الميناء. "
        "الوزير يبحث مع المسؤولين في المدينة الساحلية مشروع الميناء الجديد. "
        "في الصباح خرج الناس من البيوت. "
        "مشروع الميناء الجديد في المدينة الساحلية يوفر فرص عمل."
    )
    terms = _terms(text)
    assert terms[2] and not set(terms[2]) & {t for i, ts in enumerate(terms) if i != 2 for t in ts}
    assert "في الصباح خرج الناس من البيوت." not in key_sentences(text)


def test_digest_summarize_prints_key_sentences(tmp_path) -> None:
    path = tmp_path / "article.md"
    path.write_text("---\ntitle: عنوان\n---\n" + SEED_TEXTS["001"], encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["summarize", "--sentences", "2", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == key_sentences(SEED_TEXTS["001"], sentences=2)

    words = runner.invoke(main, ["summarize", "--words", "40", str(path), str(path)])
    assert words.output.count("==> ") == 2

    both = runner.invoke(main, ["summarize", "--words", "5", "--sentences", "2", str(path)])
    assert both.exit_code == 2 and "not both" in both.output

    missing = runner.invoke(main, ["summarize", str(tmp_path / "none.txt"), str(path)])
    assert missing.exit_code == 1
    assert "none.txt" in missing.output and key_sentences(SEED_TEXTS["001"])[0] in missing.output


_WORDS = st.sampled_from(["الحكومة", "أعلنت", "في", "الوزير", "قال", "موسكو", "3.5", "د.", "«خبر»"])
_ENDS = st.sampled_from([" ", ". ", "؟ ", "\n", "، ", ".\n"])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(_WORDS, _ENDS), max_size=60),
    st.one_of(st.none(), st.integers(1, 80)),
)
def test_key_sentences_of_any_text_are_its_sentences_in_order(parts, words) -> None:
    text = "".join(w + e for w, e in parts)
    sentences = [s.text for s in text_sentences(text)]
    keys = key_sentences(text, words=words)
    assert bool(keys) == bool(sentences)  # never nothing for a text that has a sentence
    remaining = iter(sentences)
    assert all(any(k == s for s in remaining) for k in keys)  # a subsequence: document order
    assert len(set(keys)) == len(keys)
