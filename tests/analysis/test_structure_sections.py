"""Where a press release's news ends and its issuer's About section begins."""
from __future__ import annotations

import pytest

from analysis.structure import infer_blocks, release_sections


@pytest.mark.parametrize("text, news_ends_at, about_at", [
    # the news ends at "###"; the issuer's About section comes later
    ("Nap study\n\nNurses who napped erred less.\n\n###\n\nAbout Riverside Health\n\nRiverside heals.\n",
     "###", "About Riverside"),
    # with no "###", the news ends where the About section begins (any case, a colon after the name)
    ("Nap study\n\nNurses who napped erred less.\n\nABOUT RIVERSIDE HEALTH:\n\nRiverside heals.\n",
     "ABOUT", "ABOUT"),
    # an About line in the first block is the title; a section about the study is part of the news
    ("About Face\n\nNurses who napped erred less.\n\nAbout the Study\n\nIt ran a year.\n", None, None),
    # a line of its own, even inside a block: "About Riverside Health" is the block's first line
    ("Nap study\n\nNurses who napped erred less.\n\n- 30 -\nAbout Riverside Health\nRiverside heals.\n",
     "- 30 -", "About Riverside"),
])
def test_structure_release_sections(text: str, news_ends_at: str | None, about_at: str | None) -> None:
    news_end, about_from = release_sections(text, infer_blocks(text))
    assert news_end == (text.index(news_ends_at) if news_ends_at else len(text))
    assert about_from == (text.index(about_at) if about_at else len(text))
