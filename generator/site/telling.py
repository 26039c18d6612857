"""How each outlet tells a story: its headlines beside the others', and the words it uses for
the story's main actors (compare/headlines.py, compare/framing.py), as story-page sections.

Every headline and form is quoted as the outlet wrote it, escaped by `markup`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..models import Headline, Reporter, StoryComparison
from .markup import isolate

INFERRED = "عنوان مستنتج من النص"  # no title given: read from its first line or lead sentence
FIRST, LATEST = "الأول", "الأحدث"

ReporterLink = Callable[[Reporter], str]


def headlines_section(comparison: StoryComparison, reporter_link: ReporterLink) -> list[str]:
    """«العناوين في كل مصدر»: a line per outlet (two for an outlet's first and latest)."""
    if not comparison.headlines:
        return []
    lines = ["## العناوين في كل مصدر", "", '<div class="digest-headlines" markdown>', ""]
    by_outlet: dict[str, list[Headline]] = {}
    for h in comparison.headlines:
        by_outlet.setdefault(h.reporter, []).append(h)
    for key, own in by_outlet.items():
        who = reporter_link(comparison.reporter(key))
        if len(own) == 1:
            lines.append(f"- **{who}:** {_title(own[0])}")
            continue
        lines.append(f"- **{who}:**")
        for label, h in zip((FIRST, LATEST), own, strict=True):
            lines.append(f"    - {label}: {_title(h)}")
    lines += ["", "</div>", ""]
    return lines


def _title(h: Headline) -> str:
    title = isolate(h.title)
    if h.inferred:
        title += f' <span class="digest-inferred">({INFERRED})</span>'
    return title
