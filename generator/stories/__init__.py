"""Stage 4 of 6, stories: ranked articles → `Story`s with stable ids.

`similarity` finds the close pairs (TF-IDF within a date window) weighted by `burst`;
`copies` finds exact and near copies; `linkage` clusters the pairs; `group` runs the three,
titles each story and gives it an id from its earliest article, so URLs never move.
"""
