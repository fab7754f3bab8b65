"""How to install the fake's extra, in the words every message and the docs use.

Guarantees:

- ``INSTALL_FROM_CLONE`` names a distribution that can be installed today: the package is not on
  PyPI yet, so it says to install from a clone of the repository; the docs' install line
  (``docs/index.md``) and every missing-extra message use this sentence (a test checks both).
- Imports nothing, so any module of the fake can use it without the extra.
"""

INSTALL_FROM_CLONE = (
    "deepnote-api-client is not on PyPI yet: install it from a clone of its repository, "
    "with the fake: pip install '.[fake]'"
)
