"""Benchmarks of the Deepnote client against the best raw-httpx baseline measured in the same run.

Run with ``python -m bench`` (``make bench``); ``python -m bench --quick`` uses fewer repetitions.
Nothing here asserts a time: every item prints rows of a table and the whole table is written to
``bench/results.json`` so two runs can be compared. See ``bench/__main__.py`` for the list of items.
"""
