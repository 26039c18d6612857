"""Stage 6 of 6, site: stories → Markdown pages → the built site.

`render` makes every page (`story_page` a story's, with `markup` for safe right-to-left
text), `feed`, `export` (digest.json) and `redirects` make the other files; `write` stages
the pages and swaps them in only after `mkdocs_build` succeeded. `search_index` and
`minify` are the MkDocs plugins the build uses.
"""
