"""Digest: a static-site generator that gathers news articles from many outlets into stories.

The pipeline (`pipeline.py` runs it, in this order):

    read/     article files → articles (front matter, bare text, saved web pages)
    text/     articles → clean paragraphs → sentences
    rank/     sentences → key sentences (TextRank); later, each story's keywords
    stories/  articles → stories with stable ids (similarity, bursts, copies, linkage)
    compare/  a story → what its outlets agree on, what only one says, who is missing
    site/     stories → Markdown pages, feed, digest.json → MkDocs build

Beside them: `models.py` (the data between the stages), `errors.py`, `slugs.py` (stable ids),
`language/` (the Arabic every stage shares), `runtime/` (cache, workers, lock: wrapped around
the stages by `pipeline.py`) and `cli.py` (`digest …`).
"""

__version__ = "0.1.0"

from .rank.key_sentences import key_sentences

__all__ = ["__version__", "key_sentences"]
