"""The Arabic every stage shares (not a stage): folding of letters and diacritics, stems and
stop words (`arabic`), dates read from text and written in Arabic (`dates`), and the
boilerplate lines scraped pages carry (`boilerplate`). It imports only the foundation
(`models`, `errors`, `slugs`); the stages import it.
"""
