"""Stage 3 of 6, rank: sentences → `RankedArticle`, and a story's keywords.

`textrank` is the one adapter of summa's TextRank graph (Arabic-aware, its degenerate cases
guarded); `key_sentences` ranks each article's sentences and picks its key sentences;
`keywords` gives each story its key terms (run after grouping, from the stories stage on).
"""
