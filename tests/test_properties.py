"""Property tests: any text at all goes through the pipeline without breaking it.

Random Unicode, weighted towards what scraped Arabic news holds (Arabic letters and
diacritics, RTL/LTR marks, bidi controls, control characters, Latin, digits, Markdown and
HTML syntax), is fed through ingest → clean → sentences → rank → stories → render. Nothing
may raise, every key sentence must be quoted exactly from its article, and rendered text
must never become markup. Front matter of every kind (valid and broken YAML, impossible
dates and timestamps, tags, anchors and aliases, deep nesting, huge numbers) and bytes that
are not UTF-8 give an article or a named problem, never an exception.

Runs are bounded and reproducible (60 examples, derandomized); for a longer random hunt:
`DIGEST_EXAMPLES=3000 DIGEST_RANDOM=1 pytest tests/test_properties.py`.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.models import Article
from generator.pipeline import UNEXPECTED, process_file
from generator.rank.key_sentences import rank
from generator.read.ingest import parse
from generator.site.markup import isolate, text
from generator.site.render import render_site
from generator.stories.group import group
from generator.text.clean import clean

SETTINGS = settings(
    max_examples=int(os.environ.get("DIGEST_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=os.environ.get("DIGEST_RANDOM") is None,
)

ARABIC_WORDS = (
    "الرئيس", "بوتين", "الأسد", "موسكو", "دمشق", "لقاء", "وزير", "الدفاع", "قال", "إن",
    "الحكومة", "مُحَمَّد", "الـــقمة", "٢٠٢١", "3.5", "د.", "«بوتين»", "COVID-19",
)  # fmt: skip
SPECIAL = (
    "\u200f", "\u200e", "\u061c", "\u202e", "\u202b", "\u2066", "\u2069", "\u200d", "\u200c",
    "\x00", "\x07", "\x1b", "\x85", "\u2028", "\ufeff", "\ufffe", "\r", "\t",
    ".", "!", "?", "؟", "…", "،", "؛", ":", "«", "»", "“", "”", '"', "'", "(", ")", "[", "]",
    "\n", "\n\n", "---", "# ", "> ", "| ", "* ", "- ", "1. ", "`", "~~~", "{{", "}}", "{%",
    "<script>", "</script>", "<img src=x onerror=alert(1)>", "](javascript:alert(1))",
    "<!--", "-->", "&amp;", "&#60;", "\\", "{: onclick=x }", "</title>", "<div markdown>",
)  # fmt: skip

pieces = st.one_of(
    st.sampled_from(ARABIC_WORDS),
    st.sampled_from(SPECIAL),
    st.text(
        alphabet=st.characters(
            codec="utf-8", categories=("L", "M", "N", "P", "S", "Z", "Cc", "Cf")
        ),
        max_size=8,
    ),
)
texts = st.lists(st.one_of(pieces, st.just(" ")), max_size=120).map("".join)

_ALLOWED_TAGS = {"p", "bdi"}
PAGE_TAGS = {"h1", "h2", "h3", "p", "ul", "li", "strong", "a", "blockquote", "bdi", "br"}


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += [(name, value or "") for name, value in attrs]


def markup(html: str) -> _Markup:
    parser = _Markup()
    parser.feed(html)
    return parser


def tags(html: str) -> set[str]:
    return markup(html).tags


def safe(html: str) -> bool:
    """No event handler, no script, no javascript:/data: target in `html`."""
    found = markup(html)
    return "script" not in found.tags and not any(
        name.startswith("on") or re.match(r"\s*(javascript|data|vbscript):", value, re.I)
        for name, value in found.attributes
    )


def md(source: str) -> str:
    return markdown.markdown(source, extensions=["attr_list", "md_in_html", "toc"])


@SETTINGS
@given(texts)
def test_rendered_text_is_never_markup(value: str) -> None:
    for rendered, allowed in ((text(value), {"p"}), (isolate(value), _ALLOWED_TAGS)):
        html = md(rendered)
        assert tags(html) <= allowed, (value, html)
        assert safe(html), (value, html)


@SETTINGS
@given(texts)
def test_any_article_text_goes_through_the_pipeline(body: str) -> None:
    article, problems = parse("random.txt", body.encode("utf-8"))
    assert all(p.path == "random.txt" for p in problems)
    if article is None:
        assert problems  # a file that is not built always says why
        return
    ranked = rank(clean(article))
    for sentence in ranked.key:
        assert sentence.text in article.body
    for sentence in ranked.sentences:
        assert sentence.text.strip() == sentence.text and sentence.text
    if not ranked.sentences:
        return
    stories = group([ranked])
    pages = render_site(stories)
    for page in pages:
        if page.content.startswith("---\n"):
            header = page.content.split("---\n", 2)[1]
            assert isinstance(yaml.safe_load(header), dict)  # MkDocs can read its metadata
        html = md(page.content.split("---\n", 2)[-1])
        assert safe(html), html
        assert tags(html) <= PAGE_TAGS, html


@SETTINGS
@given(texts)
def test_key_sentences_of_any_body_are_quoted_exactly(body: str) -> None:
    """Straight from an Article (no ingest clean-up): clean, split and rank never raise."""
    article = Article(id="x", path="x.txt", body=body)
    ranked = rank(clean(article))
    assert all(s.text in body for s in ranked.key)
    assert len(ranked.scores) == len(ranked.sentences)


# --- one article's bytes: front matter of every kind, any body, any bytes -----------------

YAML_VALUES = (
    "2021-02-30", "2021-13-01", "2021-02-29", "2020-02-29", "2021-02-01 24:61:00",
    "2021-02-01T10:00:00Z", "2021-2-1 1:02:03", "24:61:00", "1:20:30", "0x1F", "0o17",
    "1_000", "1e999999", "-.inf", ".nan", "~", "null", "yes", "No", "'quoted'", '"a\\x00b"',
    "[a, b]", "{a: 1}", "- x", "!!python/object/apply:os.system [echo]", "!custom value",
    "!!timestamp nope", "!!binary '***'", "!!int abc", "!!float x", "!!set {a, b}",
    "&anchor value", "*anchor", "*undefined", "<<: *anchor", "|\n  block", ">\n  folded",
    "'unclosed", "[unclosed", "{a: [1, {b: 2021-02-30}]}", "عنوان بالعربية", "«بوتين»:",
    "1" * 5000, "[" * 400 + "]" * 400, "%YAML 1.1",
)  # fmt: skip
KEYS = ("title", "source", "url", "date", "language", "tags", "x", "? [a]", "<<", "")

yaml_lines = st.lists(
    st.tuples(st.sampled_from(KEYS), st.sampled_from(YAML_VALUES) | texts).map(
        lambda kv: f"{kv[0]}: {kv[1]}" if kv[0] else kv[1]
    ),
    max_size=8,
).map("\n".join)
front_matter_files = st.tuples(yaml_lines, texts).map(lambda p: f"---\n{p[0]}\n---\n{p[1]}")


def _one_article(name: str, raw: bytes) -> None:
    """The whole path of one file (read → clean → rank): an article, or a named problem;
    never an exception, and never the catch-all that names a stage's failure."""
    article, problems, ranked = process_file(name, raw)
    assert all(p.path == name for p in problems)
    assert not any(UNEXPECTED in p.message for p in problems), problems
    if article is None:
        assert problems and ranked is None
    if ranked is not None:
        assert ranked.sentences and all(s.text for s in ranked.sentences)


@SETTINGS
@given(front_matter_files)
def test_any_front_matter_gives_an_article_or_a_named_problem(text_: str) -> None:
    _one_article("front-matter.md", text_.encode("utf-8"))


@SETTINGS
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_any_bytes_give_an_article_or_a_named_problem(raw: bytes, name: str) -> None:
    _one_article(name, raw)


@SETTINGS
@given(texts, st.sampled_from(["cp1256", "utf-16", "utf-16-le", "latin-1", "utf-32"]))
def test_text_in_other_encodings_gives_an_article_or_a_named_problem(body: str, codec: str) -> None:
    _one_article("encoded.txt", body.encode(codec, "replace"))
