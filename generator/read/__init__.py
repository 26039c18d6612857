"""Stage 1 of 6, read: article files → `Article`s, the only input I/O.

`ingest` scans the folder and turns each file's bytes into an article (or a named problem):
`decode` finds the encoding, `front_matter` reads the YAML header, `webpage` takes the main
text out of a saved HTML page, and `infer` fills in what a bare scraped text shows (title,
outlet, byline, date). `add` is `digest add`: a file or a URL saved into the folder.
"""
