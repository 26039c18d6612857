"""The story page: what the outlets agree on, what only one says, who covered it and when.

Pure Markdown from a story and its comparison (generator/compare/comparison.py). Every
quoted sentence, title and name is escaped by `markup`; links go to the outlets' pages, or,
for an article of unknown source, to its line in the page's timeline.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence

from ..language.dates import arabic_date
from ..models import KeyPoint, RankedArticle, Reporter, Story, StoryComparison
from ..slugs import outlet_of
from .developing import day_sections
from .developing import when as day_and_time
from .markup import (
    articles_label,
    external_link,
    isolate,
    link,
    sources_label,
    story_dates,
    text,
)
from .telling import framing_section, headlines_section
from .versions import versions_block

NO_DATE = "تاريخ غير معروف"


def story_markdown(story: Story) -> str:
    """The Markdown body of a story page (its front matter: `tag_meta`)."""
    comparison = story.comparison
    assert comparison is not None, "the compare stage runs before render"
    names = reporter_names(comparison.reporters)
    lines = [f"# {text(story.title)}", ""]
    lines += [
        f"**التاريخ:** {story_dates(story)} · **المصادر:** {sources_label(story.source_count)} · "
        f"**المقالات:** {articles_label(len(story.articles))}",
        "",
    ]
    lines += headlines_section(comparison, lambda r: _reporter_link(r, names))
    by_article = {a: r for r in comparison.reporters for a in r.article_ids}
    lines += day_sections(story, lambda a: _reporter_link(by_article[a], names))
    single = len(comparison.reporters) == 1
    if single:
        only = text(names[comparison.reporters[0].key])
        intro = (
            f"لهذه القصة مصدر واحد ({only})، فلا مقارنة بين المصادر: هذه أهم جمل ما نشره."
            if story.source_count == 1
            else f"نشرت المصادر النص نفسه ({only} ومن نقل عنه)، فلا مقارنة بينها: "
            "هذه أهم جمله."
        )
        lines += [
            intro,
            "",
            "## أهم ما جاء فيها",
            "",
        ]
    else:
        lines += ["## النقاط الرئيسية: ما تتفق عليه المصادر", ""]
        if not comparison.key_points:
            lines += [
                "لا تروي المصادر خبرًا واحدًا بالمعنى نفسه؛ انظر ما انفرد به كل مصدر.",
                "",
            ]
    articles = {a.id: a for a in story.articles}
    for point in comparison.key_points:
        lines += _point(point, comparison, names, single)
        if not single:
            lines[-2:-2] = versions_block(point, articles, names, article_anchor)
    if comparison.unique:
        lines += ["## ما انفرد به كل مصدر", ""]
        lines += ["جمل من كل مصدر لا يقول مثلها أيٌّ من المصادر الأخرى في القصة.", ""]
        for key, quotes in comparison.unique:
            reporter = comparison.reporter(key)
            lines += [f"### {_reporter_link(reporter, names)}", ""]
            for quote in quotes:
                lines += [f"> {isolate(quote.text)}", ""]
    lines += framing_section(comparison, names)
    lines += _coverage(story, comparison, names)
    return "\n".join(lines).rstrip("\n") + "\n"


def reporter_names(reporters: Sequence[Reporter]) -> dict[str, str]:
    """Display names; articles of unknown source are numbered in story order."""
    unknown = [r for r in reporters if not r.known]
    names = {r.key: r.name for r in reporters if r.known}
    for n, r in enumerate(unknown, 1):
        names[r.key] = r.name if len(unknown) == 1 else f"{r.name} {n}"
    return names


def tag_meta(story: Story, labels: Mapping[str, str]) -> str:
    """Front matter lines: the story's keywords as tags (Material's tags plugin), and the
    keyword page of each tag (overrides/partials/tags.html links the tags to them).

    `labels` maps a keyword slug to the label its page uses site-wide, so one keyword is
    one tag on every page. Written as JSON, which is YAML and escapes any character.
    """
    if not story.keywords:
        return ""
    tags = [labels[k.slug] for k in story.keywords]
    pages = {labels[k.slug]: f"keywords/{k.slug}/" for k in story.keywords}
    return (
        f"tags: {json.dumps(tags, ensure_ascii=False)}\n"
        f"keyword_pages: {json.dumps(pages, ensure_ascii=False, sort_keys=True)}\n"
    )


def _point(
    point: KeyPoint, comparison: StoryComparison, names: Mapping[str, str], single: bool
) -> list[str]:
    lines = ['<div class="digest-point" markdown>', "", f"> {isolate(point.text)}", ""]
    if not single:
        who = "، ".join(_reporter_link(comparison.reporter(k), names) for k in point.sources)
        lines += [f"تذكرها {sources_label(len(point.sources))}: {who}", "{: .digest-sources }", ""]
    lines += ["</div>", ""]
    return lines


def _reporter_link(reporter: Reporter, names: Mapping[str, str]) -> str:
    if reporter.known:
        return link(names[reporter.key], f"../sources/{reporter.source_id}.md")
    return link(names[reporter.key], f"#{article_anchor(reporter.article_ids[0])}")


def article_anchor(article_id: str) -> str:
    return f"article-{article_id}"


def _coverage(story: Story, comparison: StoryComparison, names: Mapping[str, str]) -> list[str]:
    cov = comparison.coverage
    articles = {a.id: a for a in story.articles}
    by_article = {a: r for r in comparison.reporters for a in r.article_ids}
    span = NO_DATE
    if cov.first and cov.last:
        span = arabic_date(cov.first)
        if cov.last != cov.first:
            span = f"من {arabic_date(cov.first)} إلى {arabic_date(cov.last)}"
    article_word = articles_label(cov.article_count)
    lines = [
        "## التغطية",
        "",
        f"{sources_label(cov.source_count)} · {article_word} · **النشر:** {span}",
        "",
    ]
    for date, article_id in sorted(cov.timeline, key=lambda e: _timed(e, articles)):
        reporter = by_article[article_id]
        when = day_and_time(articles[article_id]) if date else NO_DATE
        lines.append(
            f'- <span id="{article_anchor(article_id)}"></span>**{when}** · '
            f"{_reporter_link(reporter, names)} — {_article_title(articles[article_id])}"
            + _copies(story, article_id)
        )
    lines.append("")
    if cov.missing:
        absent = "، ".join(link(name, f"../sources/{sid}.md") for sid, name in cov.missing)
        lines += [f"**لم تغطّها من المصادر المعروفة:** {absent}", ""]
    else:
        lines += ["غطّتها كل المصادر المعروفة في الموقع.", ""]
    return lines


def _timed(entry: tuple, articles: Mapping[str, RankedArticle]) -> tuple:
    """The timeline's order, (date, id), with the time of day first within a date."""
    date, article_id = entry
    time = articles[article_id].article.time
    return (date is None, date or dt.date.min, time is None, time or dt.time(), article_id)


def _copies(story: Story, article_id: str) -> str:
    """` (نُشر أيضًا لدى: …)`: the outlets of the article's copies, shown once above."""
    copies = story.copies_of(article_id)
    if not copies:
        return ""
    own = outlet_of(next(a for a in story.articles if a.id == article_id))[0]
    credits = []
    for copy in copies:
        sid, name = outlet_of(copy)
        if sid != own:  # the outlet's own second copy adds nothing to credit
            credits.append(link(name, f"../sources/{sid}.md"))
    if not credits:
        return ""
    return f" (نُشر أيضًا لدى: {'، '.join(dict.fromkeys(credits))})"


def _article_title(article: RankedArticle) -> str:
    a = article.article
    return external_link(article.title, a.url) if a.url else text(article.title)
