"""Stage 2 of 6, text: `Article` → `CleanArticle` → `Sentence`s.

`clean` keeps the paragraphs a reader would call the article's text (site chrome, bylines,
repeated titles and datelines out); `sentences` splits them into sentences that know
their paragraph and position.
"""
