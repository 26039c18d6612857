"""How each outlet tells a story: its headlines beside the others', and the words it uses for
the story's main actors (compare/headlines.py, compare/framing.py), as story-page sections.

Every headline and form is quoted as the outlet wrote it, escaped by `markup`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping

from ..language.numbers import TIME, counted
from ..models import ActorFraming, FramingForm, Headline, Reporter, StoryComparison
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


FRAMING_INTRO = (
    "الألقاب والأوصاف التي يكتبها كل مصدر قبل الاسم أو بعده، كما كتبها، وعدد مرات استعمالها"
    " في القصة، حيث تختلف المصادر في تسميته. اضغط على التسمية لترى جملة وردت فيها."
)


def framing_section(comparison: StoryComparison, names: Mapping[str, str]) -> list[str]:
    """«كيف تسمّي المصادر أطراف القصة»: one table, a row per actor and outlet, each form
    opening onto a sentence of that outlet where it is used.

    Raw HTML (Python-Markdown passes a block of it untouched), every text escaped here:
    a `<details>` per form works by touch as by mouse, and its `title` shows on hover."""
    if not comparison.framing:
        return []
    rows = []
    for actor in comparison.framing:
        outlets = _by_outlet(actor)
        for n, (key, forms) in enumerate(outlets):
            cells = "".join(_form(f) for f in forms)
            head = (
                f'<th scope="rowgroup" rowspan="{len(outlets)}">{_html(actor.actor)}</th>'
                if n == 0
                else ""
            )
            first = ' class="digest-actor-first"' if n == 0 else ""
            rows.append(
                f"<tr{first}>{head}"
                f"<td>{_html(names[key])}</td><td>{cells}</td></tr>"
            )
    table = (
        '<table class="digest-framing"><thead><tr><th scope="col">الاسم</th>'
        '<th scope="col">المصدر</th><th scope="col">كيف يسمّيه</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    return ["## كيف تسمّي المصادر أطراف القصة", "", FRAMING_INTRO, "", table, ""]


def _by_outlet(actor: ActorFraming) -> list[tuple[str, list[FramingForm]]]:
    out: dict[str, list[FramingForm]] = {}
    for f in actor.forms:
        out.setdefault(f.reporter, []).append(f)
    return list(out.items())


def _form(f: FramingForm) -> str:
    sentence = " ".join(f.example.text.split())
    at = _word_at(sentence, f.form)
    escape, end = html.escape, at + len(f.form)
    shown = (
        f"{escape(sentence[:at])}<mark>{escape(f.form)}</mark>{escape(sentence[end:])}"
        if at >= 0
        else escape(sentence)
    )
    return (
        f'<details class="digest-form"><summary title="{_html(sentence)}">'
        f'<span class="digest-form-text">{_html(f.form)}</span> '
        f'<small>({counted(f.count, TIME)})</small></summary>'
        f'<p class="digest-form-example">{shown}</p></details>'
    )


def _word_at(sentence: str, form: str) -> int:
    """Where `form` stands in the sentence as whole words (not inside المليشيات الحوثية)."""
    match = re.search(rf"(?<![^\W\d_])[وفبلك]?({re.escape(form)})(?![^\W\d_])", sentence)
    return match.start(1) if match else sentence.find(form)


def _html(value: str) -> str:
    """Untrusted text for raw HTML: one line, escaped (quotes too: it may be an attribute)."""
    return html.escape(" ".join(value.split()), quote=True)
