"""Around the stages, not in them: the cache (`cache`), forked workers and threads
(`parallel`), progress bars (`progress`) and the build lock (`lock`). `stages` is the one place
that says how each stage's result is keyed and reused; it imports only the foundation, and
`pipeline.py` hands it the stages.
"""
