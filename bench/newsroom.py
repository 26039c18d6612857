"""Check issue 19's targets on a built site (e.g. a week of SaudiNewsNet, never committed):

- the period's five biggest stories (most outlets, then articles) are on the home page;
- no story title begins (or ends) with a teaser marker;
- every count on every page agrees with its noun (language/numbers.py);
- no English word on a page but outlet names and addresses.

    .venv/bin/python bench/newsroom.py PROJECT_FOLDER   # holds mkdocs.yml, site/, site_src/
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from generator.language.numbers import ARTICLE, POINT, SOURCE, STORY, counted
from generator.site.config import load_site_config
from generator.site.home import period, size_order
from generator.stories.titles import has_teaser
from tests.site.test_newsroom import visible_text

_FORMS = {
    f: n for n in (ARTICLE, SOURCE, STORY, POINT) for f in (n.plural, n.accusative, n.singular)
}
_COUNT = re.compile(
    r"(?<![\d:.])(\d+) (" + "|".join(sorted(map(re.escape, _FORMS), key=len, reverse=True)) + r")\b"
)
_LATIN = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")


class _Story:
    """Enough of a story from digest.json for `period` and `size_order`."""

    def __init__(self, row: dict) -> None:
        import datetime as dt

        self.id, self.title, self.source_count = row["id"], row["title"], row["source_count"]
        self.articles = row["articles"]
        dates = [a["date"] for a in row["articles"] if a.get("date")]
        self.date = dt.date.fromisoformat(max(dates)) if dates else None


def main(folder: Path) -> int:
    site = folder / "site"
    stories = [_Story(s) for s in json.loads((site / "digest.json").read_text("utf-8"))["stories"]]
    config, _ = load_site_config(folder / "mkdocs.yml")
    home = (folder / "site_src" / "index.md").read_text("utf-8")
    biggest = sorted(period(stories, config.home), key=size_order)[:5]
    on_home = [s for s in biggest if f"stories/{s.id}.md" in home]
    print(f"stories: {len(stories)}; the period's 5 biggest on the home page: {len(on_home)}/5")
    for s in biggest:
        print(f"  {s.source_count} outlets, {len(s.articles)} articles: {s.id}")
    teasers = [s for s in stories if has_teaser(s.title)]
    print(f"titles with a teaser marker: {len(teasers)} of {len(stories)}")
    outlets = {a.get("source") for s in stories for a in s.articles if a.get("source")}
    # the articles' own words (quoted, never the site's): every Latin word in their files
    files = (folder / "articles").rglob("*.md")
    quoted = {w for f in files for w in _LATIN.findall(f.read_text("utf-8"))}
    counts, wrong, english, pages = 0, Counter(), Counter(), 0
    for page in sorted(site.rglob("*.html")):
        if "search" in page.parts:
            continue
        pages += 1
        text = visible_text(page)
        for number, form in _COUNT.findall(text):
            counts += 1
            if counted(int(number), _FORMS[form]) != f"{number} {form}":
                wrong[f"{number} {form}"] += 1
                context = text[max(text.find(f"{number} {form}") - 60, 0) :][:90]
                print(f"  {page.relative_to(site)}: …{context}…")
        for word in _LATIN.findall(re.sub(r"https?://\S+", "", text)):
            if word not in outlets and word not in quoted:
                english[word] += 1
    print(f"pages: {pages}; counts read: {counts}; disagreeing: {sum(wrong.values())}")
    print(
        "Latin words neither outlet ids nor quoted from an article: "
        f"{sum(english.values())} {english.most_common(15)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
