"""Search rules (reference 6.3): case-insensitive substring match of ``q`` on project and notebook
names, block content and integration names, with the documented per-type caps.

A type listed in ``search_unavailable`` is reported in ``partialFailure`` instead of failing the
request. Which blocks count as "text" (markdown and ``text-cell-*``) and "code/SQL" (code, sql) is
the fake's reading of the docs; other block types are not searched.
"""

from __future__ import annotations

from ..records import Block, Notebook, SearchHits
from .core import StoreCore

__all__ = ["SEARCH_LIMITS", "SEARCH_TYPES", "SearchRules"]

SEARCH_TYPES = ("projects", "notebooks", "blocks", "integrations")
# Up to 100 projects, 100 notebooks, 100 text blocks and 100 code/SQL blocks; integrations uncapped.
SEARCH_LIMITS = {"projects": 100, "notebooks": 100, "text-blocks": 100, "code-blocks": 100}
_CODE_BLOCKS = frozenset({"code", "sql"})


def _is_text_block(block: Block) -> bool:
    return block.type == "markdown" or block.type.startswith("text-cell-")


class SearchRules(StoreCore):
    def search(self, q: str, types: list[str] | None) -> SearchHits:
        with self.lock:
            wanted = [t for t in SEARCH_TYPES if types is None or t in types]
            hits = SearchHits(types=[t for t in wanted if t not in self.search_unavailable])
            hits.failed = [t for t in wanted if t in self.search_unavailable]
            needle = q.casefold()
            if "projects" in hits.types:
                matching = [p for p in self.projects.values() if needle in p.name.casefold()]
                hits.projects = matching[: SEARCH_LIMITS["projects"]]
            if "notebooks" in hits.types:
                named = [n for n in self.notebooks.values() if needle in n.name.casefold()]
                hits.notebooks = named[: SEARCH_LIMITS["notebooks"]]
            if "blocks" in hits.types:
                text: list[tuple[Block, Notebook]] = []
                code: list[tuple[Block, Notebook]] = []
                for notebook in self.notebooks.values():
                    for block in notebook.blocks:
                        if needle not in (block.content or "").casefold():
                            continue
                        if _is_text_block(block):
                            text.append((block, notebook))
                        elif block.type in _CODE_BLOCKS:
                            code.append((block, notebook))
                hits.blocks = text[: SEARCH_LIMITS["text-blocks"]] + code[: SEARCH_LIMITS["code-blocks"]]
            if "integrations" in hits.types:
                hits.integrations = [i for i in self.integrations.values() if needle in i.name.casefold()]
            return hits
