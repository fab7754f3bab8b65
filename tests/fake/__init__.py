"""Tests of the fake Deepnote API itself: its semantics, faults, counters and server."""
