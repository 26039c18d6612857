"""The quality floor of key sentences, on the committed EASC dev copy (tests/data).

EASC: 51 Arabic articles with five human extractive summaries each (see
tests/data/EASC-COPYRIGHT.txt). Each article is summarised at its references' mean length and
scored with ROUGE (bench/quality.py, Arabic-aware tokenizer), side by side with the lead.
"""

from __future__ import annotations

import pytest

from bench import quality
from tests.conftest import DATA

EASC_DEV = DATA / "easc-dev.jsonl"

# ROUGE-2 F (×100) that ours reached on the dev set when this floor was set (41.1), minus a
# small margin for library and platform noise. Raise it when key sentences improve; never
# lower it to make a change pass: a change that drops below it made key sentences worse.
ROUGE2_FLOOR = 40.5


@pytest.fixture(scope="module")
def cases() -> list[quality.Case]:
    return quality.load(EASC_DEV)


@pytest.fixture(scope="module")
def ours(cases) -> dict[str, float]:
    return quality.mean(quality.evaluate(cases, quality.ours))


def test_dev_set_is_complete(cases) -> None:
    assert len(cases) == 51
    assert all(len(c.references) == 5 and c.words > 0 for c in cases)


def test_rouge2_stays_above_the_floor(ours) -> None:
    assert ours["rouge2"] >= ROUGE2_FLOOR, f"ROUGE-2 F {ours['rouge2']:.2f} < {ROUGE2_FLOOR}"


def test_ours_is_at_least_as_good_as_the_lead(cases, ours) -> None:
    lead = quality.mean(quality.evaluate(cases, quality.lead))
    for measure in quality.MEASURES:
        assert ours[measure] >= lead[measure], (measure, ours[measure], lead[measure])


def test_arabic_tokenizer_folds_both_sides() -> None:
    tokens = quality.ArabicTokenizer().tokenize
    # the references drop the hamza and write ta marbuta and alef maqsura either way
    assert tokens("أعلنت الحكومةُ إلى «المجلس»،") == tokens("اعلنت الحكومه الي المجلس")
    assert tokens("Beethoven ولد 1770") == ["beethoven", "ولد", "1770"]


def test_rouge_of_a_reference_against_itself_is_perfect(cases) -> None:
    case = cases[0]
    assert quality.score(case, case.references[0])["rouge2"] > 0
    one = quality.Case("x", case.article, (case.references[0],))
    assert quality.score(one, case.references[0]) == {m: 100.0 for m in quality.MEASURES}
