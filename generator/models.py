"""The data that flows between pipeline stages: frozen dataclasses, nothing else.

ingest → Article → clean → CleanArticle → sentences → Sentence
→ rank → RankedArticle → stories → Story → compare → StoryComparison
→ render → Page → write → (mkdocs build)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

UNKNOWN_SOURCE = "مصدر غير معروف"


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file: reported, counted, never fatal on its own."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Article:
    """One input file as read: metadata (given or inferred) and the raw body text."""

    id: str  # stable: derived from the path under the articles folder
    path: str  # relative to the articles folder, with forward slashes
    body: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    date: dt.date | None = None
    language: str = "ar"
    byline: str | None = None
    content_hash: str = ""
    outlet_name: str | None = None  # the outlet's display name, from the sources file
    time: dt.time | None = None  # the time of day, when the front matter gives it
    title_inferred: bool = False  # the title was read from the text, not given (read/infer.py)


@dataclass(frozen=True)
class Dateline:
    """The dateline cut from an article's first paragraph (text/datelines.py): where it was
    filed and by which agency ("" when the dateline names none), and its words as cut."""

    place: str
    agency: str
    text: str = ""


@dataclass(frozen=True)
class CleanArticle:
    """An article with boilerplate removed; the body is a tuple of paragraphs."""

    article: Article
    paragraphs: tuple[str, ...]
    headings: frozenset[int] = frozenset()  # indexes of paragraphs that are sub-headings
    dateline: Dateline | None = None  # metadata, never shown as text

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(frozen=True)
class Sentence:
    """A sentence quoted exactly as written, with its place in the article."""

    text: str
    index: int  # position among the article's sentences
    paragraph: int


@dataclass(frozen=True)
class RankedArticle:
    """An article with its sentences, their scores and its key sentences."""

    clean: CleanArticle
    sentences: tuple[Sentence, ...]
    scores: tuple[float, ...]
    key: tuple[Sentence, ...]  # in document order
    terms: tuple[str, ...] = ()  # matching stems of the article, in order (for grouping)
    learn_keys: tuple[str, ...] = ()  # what text/outlet_boilerplate.py counts (digests)

    @property
    def article(self) -> Article:
        return self.clean.article

    @property
    def id(self) -> str:
        return self.clean.article.id

    @property
    def title(self) -> str:
        """The given or inferred title, else the lead sentence (quoted, never invented)."""
        a = self.clean.article
        if a.title:
            return a.title
        if self.sentences:
            return _shorten(self.sentences[0].text)
        return a.path


@dataclass(frozen=True)
class Keyword:
    """A keyword: one stem, shown in its most frequent surface form."""

    stem: str
    label: str
    slug: str
    score: float


@dataclass(frozen=True)
class Duplicate:
    """Another file with the same article: shown once, as `of`, with its source credited."""

    of: str  # id of the article shown (a member of the story)
    copy: RankedArticle  # the other file, not shown as an article of its own
    exact: bool  # same text word for word (else near-exact: a lightly edited copy)


@dataclass(frozen=True)
class Story:
    """Articles about the same event, grouped."""

    id: str
    articles: tuple[RankedArticle, ...]  # sorted by (date, id)
    title: str
    keywords: tuple[Keyword, ...] = ()
    comparison: StoryComparison | None = None  # set by the compare stage
    duplicates: tuple[Duplicate, ...] = ()  # copies of `articles`, sorted by (of, copy id)
    aliases: tuple[str, ...] = ()  # ids this story may have had before: they redirect to it

    def copies_of(self, article_id: str) -> tuple[RankedArticle, ...]:
        """The other files of one shown article (wire copies, a page saved twice)."""
        return tuple(d.copy for d in self.duplicates if d.of == article_id)

    # A story is read many times by the pages (lists, indexes, keyword and source pages): what
    # its articles give is computed once (cached_property stores beside the fields, outside
    # ==, hash and repr; `replace` makes a new story that computes it again).
    @cached_property
    def dates(self) -> tuple[dt.date, ...]:
        return tuple(sorted({a.article.date for a in self.articles if a.article.date}))

    @cached_property
    def date(self) -> dt.date | None:
        dates = self.dates
        return dates[-1] if dates else None

    @cached_property
    def published(self) -> tuple[RankedArticle, ...]:
        """Every file of the story: the articles shown, then their copies."""
        return (*self.articles, *(d.copy for d in self.duplicates))

    @cached_property
    def source_count(self) -> int:
        """Distinct named outlets (copies credited too); each unknown source counts as one."""
        named = {a.article.source for a in self.published if a.article.source}
        unnamed = sum(1 for a in self.articles if not a.article.source)
        return len(named) + unnamed


@dataclass(frozen=True)
class Reporter:
    """One outlet within a story. An article of unknown source is a reporter of its own."""

    key: str  # the outlet's source id; `unknown-<article id>` for an unknown source
    name: str  # as shown (UNKNOWN_SOURCE for an unknown one)
    source_id: str  # the outlet's page: sources/<source_id>.md
    article_ids: tuple[str, ...]
    known: bool = True  # False for an article of unknown source


@dataclass(frozen=True)
class Quote:
    """A sentence quoted exactly from one article."""

    text: str
    article_id: str


@dataclass(frozen=True)
class Conflict:
    """A quantity the versions of one claim give different figures for."""

    kind: str  # dead, wounded, arrested, votes, or a currency (compare/figures.py KINDS)
    label: str  # its Arabic name, as shown: القتلى
    figures: tuple[tuple[str, str], ...]  # (Reporter.key, the figure), in version order


@dataclass(frozen=True)
class KeyPoint:
    """One claim of a story, as the best-worded of the sentences that make it."""

    text: str  # quoted exactly from `article_id`
    article_id: str
    sources: tuple[str, ...]  # Reporter.key of every outlet reporting it, in story order
    article_ids: tuple[str, ...]  # every article reporting it
    score: float  # importance (rounded)
    versions: tuple[Quote, ...] = ()  # each source's own sentence stating it, as `sources`
    conflicts: tuple[Conflict, ...] = ()  # figures the versions disagree on


@dataclass(frozen=True)
class Coverage:
    """Who covered a story and when; `missing` are known outlets that did not."""

    source_count: int
    article_count: int
    first: dt.date | None
    last: dt.date | None
    timeline: tuple[tuple[dt.date | None, str], ...]  # (date, article id), by date then id
    missing: tuple[tuple[str, str], ...]  # (source id, name) of known outlets, by name


@dataclass(frozen=True)
class Headline:
    """One outlet's headline for a story, as the article gives it (or as read from its text)."""

    reporter: str  # Reporter.key
    article_id: str
    title: str
    inferred: bool  # not given: read from the text's first line, or its lead sentence


@dataclass(frozen=True)
class FramingForm:
    """A title or descriptor one outlet attaches to an actor's name, as written there."""

    reporter: str  # Reporter.key
    form: str  # verbatim in the outlet's text (its most frequent spelling)
    count: int  # uses in the outlet's articles of the story, spellings and clitics folded
    example: Quote  # one sentence where the outlet uses it


@dataclass(frozen=True)
class ActorFraming:
    """How the outlets of a story name one of its main actors, where they differ."""

    actor: str  # the name as written most often in the story
    forms: tuple[FramingForm, ...]  # by outlet in story order, each outlet's most used first


@dataclass(frozen=True)
class StoryComparison:
    """What the outlets of a story agree on, what only one says, and who covered it."""

    reporters: tuple[Reporter, ...]  # in story order
    key_points: tuple[KeyPoint, ...]  # by importance
    unique: tuple[tuple[str, tuple[Quote, ...]], ...]  # (Reporter.key, its own sentences)
    coverage: Coverage
    headlines: tuple[Headline, ...] = ()  # compare/headlines.py; by outlet, in story order
    framing: tuple[ActorFraming, ...] = ()  # compare/framing.py; by actor, most named first

    def reporter(self, key: str) -> Reporter:
        return next(r for r in self.reporters if r.key == key)


@dataclass(frozen=True)
class Source:
    """An outlet, with a URL-stable id."""

    id: str
    name: str
    article_ids: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Page:
    """A generated Markdown page, path relative to the MkDocs docs_dir."""

    path: str
    content: str


def _shorten(text: str, words: int = 14) -> str:
    parts = text.split()
    if len(parts) <= words:
        return text
    return " ".join(parts[:words]) + " …"
