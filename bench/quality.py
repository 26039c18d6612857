"""Key-sentence quality on EASC: ROUGE-1/2/L F of ours next to lead, summa as shipped, random.

    .venv/bin/python bench/quality.py [EASC.jsonl] [--folds K]

Default data: ../shared/eval/easc-dev.jsonl relative to the repository root, else the
committed copy tests/data/easc-dev.jsonl. Each article is summarised at its references' mean
length in words; each system's summary is scored against each of the five human summaries
and the F-scores averaged; the table shows the mean over articles (×100). All systems run in
one process on the same sentences, so the figures are side by side.

ROUGE uses rouge-score with an Arabic-aware tokenizer: its default deletes Arabic letters.
Both sides are folded (diacritics, tatweel, alef/hamza forms, ya/alef maqsura, ta marbuta),
since the human summaries often drop the hamza; no stemming.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rouge_score import rouge_scorer, tokenizers

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import key_sentences  # noqa: E402
from generator.language import arabic  # noqa: E402
from generator.rank import key_sentences as rank  # noqa: E402
from generator.rank import textrank  # noqa: E402

DEFAULT_DATA = (
    ROOT / ".." / "shared" / "eval" / "easc-dev.jsonl",  # the full dev set beside the repo
    ROOT / "tests" / "data" / "easc-dev.jsonl",  # its committed copy
)
MEASURES = ("rouge1", "rouge2", "rougeL")
RANDOM_SEEDS = 5


class ArabicTokenizer(tokenizers.Tokenizer):
    """Folded word tokens: what a reader would call the same word, written either way."""

    def tokenize(self, text: str) -> list[str]:
        return arabic.tokens(text)


@dataclass(frozen=True)
class Case:
    id: str
    article: str
    references: tuple[str, ...]

    @property
    def words(self) -> int:
        """The references' mean length in words: the length every system is held to."""
        return round(statistics.mean(len(r.split()) for r in self.references))


Summarizer = Callable[[Case], str]


def load(path: Path) -> list[Case]:
    cases = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            refs = tuple(s["text"] for _, s in sorted(row["summaries"].items()))
            cases.append(Case(row["id"], row["article"], refs))
    return cases


def ours(case: Case) -> str:
    return " ".join(key_sentences(case.article, words=case.words))


def ranked_with(ranking: rank.Ranking) -> Summarizer:
    """Ours with some of its choices switched off (for the ablation table)."""

    def summarize(case: Case) -> str:
        ranked = rank.rank(rank.text_article(case.article), words=case.words, ranking=ranking)
        return " ".join(s.text for s in ranked.key)

    return summarize


def _terms(**switches: bool) -> Callable[[str], list[str]]:
    return functools.partial(arabic.matching_terms, **switches)


# Each row adds one choice to the row above it; the last row is the site's ranking.
ABLATION: tuple[tuple[str, rank.Ranking], ...] = (
    (
        "summa's TextRank on our sentences, words as written",
        rank.Ranking(
            terms=_terms(normalise=False, stem_words=False, drop_stopwords=False),
            length_norm=False,
            position_prior=False,
        ),
    ),
    (
        "+ normalised letters (hamza, ya, ta marbuta, diacritics)",
        rank.Ranking(
            terms=_terms(stem_words=False, drop_stopwords=False),
            length_norm=False,
            position_prior=False,
        ),
    ),
    (
        "+ clitic-aware light stems",
        rank.Ranking(terms=_terms(drop_stopwords=False), length_norm=False, position_prior=False),
    ),
    ("+ stop words", rank.Ranking(length_norm=False, position_prior=False)),
    ("+ score / √words", rank.Ranking(position_prior=False)),
    ("+ position prior 1/(i+1) (ours)", rank.Ranking()),
    ("(position prior without / √words)", rank.Ranking(length_norm=False)),
)


def lead(case: Case) -> str:
    """The first sentences, by the same length rule as ours."""
    sents = rank.text_sentences(case.article)
    position = [float(len(sents) - i) for i in range(len(sents))]
    return " ".join(s.text for s in rank.select(sents, position, words=case.words))


def summa_as_shipped(case: Case) -> str:
    return textrank.summa_summarize(case.article, words=case.words)


def random_sentences(seed: int) -> Summarizer:
    def pick(case: Case) -> str:
        sents = rank.text_sentences(case.article)
        rng = random.Random(f"{seed}:{case.id}")
        scores = [rng.random() for _ in sents]
        return " ".join(s.text for s in rank.select(sents, scores, words=case.words))

    return pick


_SCORER = rouge_scorer.RougeScorer(list(MEASURES), tokenizer=ArabicTokenizer())


def score(case: Case, summary: str) -> dict[str, float]:
    """F of each measure, averaged over the case's references (×100)."""
    per_ref = [_SCORER.score(ref, summary) for ref in case.references]
    return {m: 100 * statistics.mean(s[m].fmeasure for s in per_ref) for m in MEASURES}


def evaluate(cases: Sequence[Case], summarize: Summarizer) -> list[dict[str, float]]:
    """Per-case scores of one system."""
    return [score(case, summarize(case)) for case in cases]


def mean(rows: Sequence[dict[str, float]]) -> dict[str, float]:
    return {m: statistics.mean(r[m] for r in rows) for m in MEASURES}


def random_rows(cases: Sequence[Case]) -> list[dict[str, float]]:
    """Random sentences, each case's scores averaged over a few fixed seeds."""
    runs = [evaluate(cases, random_sentences(seed)) for seed in range(RANDOM_SEEDS)]
    return [mean([run[i] for run in runs]) for i in range(len(cases))]


def human_rows(cases: Sequence[Case]) -> list[dict[str, float]]:
    """Each human summary scored against the other four: how far people agree."""
    rows = []
    for case in cases:
        per = []
        for i, summary in enumerate(case.references):
            others = case.references[:i] + case.references[i + 1 :]
            scores = [_SCORER.score(ref, summary) for ref in others]
            per.append({m: 100 * statistics.mean(s[m].fmeasure for s in scores) for m in MEASURES})
        rows.append(mean(per))
    return rows


def default_data() -> Path:
    for path in DEFAULT_DATA:
        if path.exists():
            return path.resolve()
    raise SystemExit("No EASC data: pass the path of easc-dev.jsonl")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, help="EASC jsonl (id, article, summaries)")
    parser.add_argument("--folds", type=int, default=3, help="folds for the per-fold check")
    args = parser.parse_args(argv)
    path = args.data or default_data()
    cases = load(path)
    print(f"{len(cases)} articles from {path}; each at its references' mean length")

    started = time.perf_counter()
    systems = {
        "ours": evaluate(cases, ours),
        "lead": evaluate(cases, lead),
        "summa as shipped": evaluate(cases, summa_as_shipped),
        f"random (mean of {RANDOM_SEEDS} seeds)": random_rows(cases),
        "humans vs each other": human_rows(cases),
    }
    print("\n| system | ROUGE-1 F | ROUGE-2 F | ROUGE-L F |\n|---|---:|---:|---:|")
    for name, rows in systems.items():
        m = mean(rows)
        print(f"| {name} | {m['rouge1']:.1f} | {m['rouge2']:.1f} | {m['rougeL']:.1f} |")

    k = max(1, min(args.folds, len(cases)))
    ours_r2 = [r["rouge2"] for r in systems["ours"]]
    lead_r2 = [r["rouge2"] for r in systems["lead"]]
    print(f"\nROUGE-2 F per fold (articles i with i mod {k} = fold): ours − lead")
    for fold in range(k):
        o = statistics.mean(ours_r2[fold::k])
        b = statistics.mean(lead_r2[fold::k])
        print(f"  fold {fold}: ours {o:.1f}  lead {b:.1f}  ({o - b:+.1f})")
    pairs = list(zip(ours_r2, lead_r2, strict=True))
    wins = sum(o > b + 1e-9 for o, b in pairs)
    losses = sum(o < b - 1e-9 for o, b in pairs)
    print(f"  articles: ours better on {wins}, lead better on {losses}, equal on the rest")

    print("\nWhat each choice moves (each row adds one to the row above):")
    print("\n| ranking | ROUGE-1 F | ROUGE-2 F | ROUGE-L F |\n|---|---:|---:|---:|")
    for name, ranking in ABLATION:
        m = mean(evaluate(cases, ranked_with(ranking)))
        print(f"| {name} | {m['rouge1']:.1f} | {m['rouge2']:.1f} | {m['rougeL']:.1f} |")
    print(f"\n({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
