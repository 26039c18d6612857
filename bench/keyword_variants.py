"""Benchmark: keyword pages whose labels may be spellings of one name, on a built site.

Usage:
    python bench/keyword_variants.py SITE_SRC [--labels bench/data/keyword-variants.json]

Reads every keyword page of a generated `site_src/keywords/` (its `# label` line) and
pairs the labels that differ only in the ways outlets spell one name: one vowel letter
(ا و ي) more or less (ترامب / ترمب), another final vowel letter, ى/ي, ة/ه, and the letters for
a foreign "g" (غ ج ق ك گ), once folded (hamza forms, diacritics) and light-stemmed.
Such a pair is either two spellings of one name, which should be one keyword page
(`generator/language/data/names-ar.txt`), or two different words that happen to look alike
(هولاند / هولندا), which must stay two, or one word in two inflections (المدرسة / المدارس).
Each pair was judged by reading and is kept in the labels file with the rule; the report
prints, for the site given, the pairs of each kind (the target: no "spelling" pair left) and
the pairs not judged yet, to read.

Build the site first, e.g. 10,000 SaudiNewsNet articles without MkDocs:
    python bench/scale.py CORPUS --sizes 10000 --no-mkdocs --keep /tmp/k10
    python bench/keyword_variants.py /tmp/k10/n10000/site_src
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.language import arabic  # noqa: E402

LABELS = ROOT / "bench" / "data" / "keyword-variants.json"
KINDS = {  # how a pair was judged (the rule is in the labels file)
    "spelling": "spellings of one name or word, still two pages (target 0)",
    "inflection": "one word in two inflections the stemmer leaves apart (not the target)",
    "different": "different words, two pages as they should be",
}
_VOWELS = "اوي"
_G = str.maketrans(dict.fromkeys("غجقكگ", "ج"))
_ENDS = str.maketrans({"ى": "ي", "ة": "ه"})


def spelling(label: str) -> str:
    """The label's stem as compared: folded, light-stemmed, its g-letters one, ى/ة as ي/ه."""
    return arabic.stem(arabic.fold(label)).translate(_G).translate(_ENDS)


def one_spelling_apart(a: str, b: str) -> bool:
    """Whether two compared stems (4+ letters) are equal, or differ by one vowel letter
    written in one and not the other (ترامب / ترمب), or by a final vowel letter for another."""
    if min(len(a), len(b)) < 4:
        return False
    if a == b:
        return True
    if len(a) == len(b):
        return a[:-1] == b[:-1] and a[-1] in _VOWELS + "ه" and b[-1] in _VOWELS + "ه"
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1:
        return False
    return any(long[k] in _VOWELS and long[:k] + long[k + 1 :] == short for k in range(len(long)))


def keyword_labels(site_src: Path) -> dict[str, str]:
    """{page name: label} of every keyword page (the letter pages and the index left out)."""
    out = {}
    for page in sorted((site_src / "keywords").glob("*.md")):
        if page.stem == "index":
            continue
        first = page.read_text("utf-8").split("\n", 1)[0]
        out[page.stem] = first.removeprefix("# ").replace("\\", "")
    return out


def candidate_pairs(labels: dict[str, str]) -> list[tuple[str, str]]:
    """Pairs of Arabic labels of two different pages one spelling apart."""
    shown = sorted({label for label in labels.values() if arabic.is_arabic(label)})
    forms = {label: spelling(label) for label in shown}
    by_length: dict[int, list[str]] = defaultdict(list)
    for label in shown:
        by_length[len(forms[label])].append(label)
    out = []
    for a in shown:
        n = len(forms[a])
        others = [b for b in by_length[n] if a < b] + by_length[n + 1]
        out += [tuple(sorted((a, b))) for b in others if one_spelling_apart(forms[a], forms[b])]
    return sorted(set(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_src", type=Path)
    parser.add_argument("--labels", type=Path, default=LABELS)
    args = parser.parse_args()
    judged = json.loads(args.labels.read_text("utf-8")) if args.labels.is_file() else {}
    kinds = {tuple(p): kind for kind in KINDS for p in judged.get(kind, [])}
    labels = keyword_labels(args.site_src)
    pairs = candidate_pairs(labels)
    print(f"{len(labels)} keyword pages, {len(pairs)} pairs of labels one spelling apart")
    found = {kind: [p for p in pairs if kinds.get(p) == kind] for kind in (*KINDS, None)}
    for kind, title in KINDS.items():
        print(f"  {title}: {len(found[kind])}")
        if kind != "different":
            for a, b in found[kind]:
                print(f"    {a} / {b}")
    if judged:  # the pairs judged then that are one page now
        now = set(pairs)
        joined = [p for p in judged.get("spelling", []) if tuple(p) not in now]
        print(f"  spelling pairs judged that are one page now: {len(joined)}")
    print(f"  not judged yet (read them): {len(found[None])}")
    for a, b in found[None]:
        print(f"    {a} / {b}")


if __name__ == "__main__":
    main()
