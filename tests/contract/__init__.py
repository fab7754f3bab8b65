"""Contract tests: schemathesis over the fake Deepnote API, in process (part of `make test`)."""
