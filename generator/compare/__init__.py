"""Stage 5 of 6, compare: a story → `StoryComparison` of its outlets.

`claims` grows sentences into claims and tells when two state the same one; `comparison`
picks the key points and who reports each, what only one outlet says, and who did not cover
the story.
"""
