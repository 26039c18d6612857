"""Digest: a static-site generator that gathers news articles from many outlets into stories."""

__version__ = "0.1.0"

from .rank import key_sentences

__all__ = ["__version__", "key_sentences"]
