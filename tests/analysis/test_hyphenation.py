"""analysis.hyphenation counts exactly the hyphenation points pyphen finds, for any string."""
from __future__ import annotations

import random

import pytest

from analysis.hyphenation import hyphenation_counter
from analysis.textstats import LANG, bundled_cmudict


def _pyphen_count(word: str) -> int:
    """What textstat 0.7.13 adds one to for a word the CMU dictionary lacks."""
    from textstat.backend.utils import get_pyphen

    return len(get_pyphen(LANG).positions(word))


ODD_WORDS = [
    "", "a", "ab", "abc", ".", "..", "'", "’s", "don't", "o'neill's", "covid-19", "x2y3", "mp4",
    "ﬁnance", "eﬃcient", "ÉCOLE", "naïve", "straße", "İstanbul", "ǅemal", "ΣΊΣΥΦΟΣ", "Kelvin",
    "hyphen-ation", "semaglutide", "tirzepatide", "onabotulinumtoxina", "esketamine",
    "httpwwwprnewswirecomnewsreleasescontinuingdevelopmentsinmedicalconsensus300334161html",
]


@pytest.mark.parametrize("word", ODD_WORDS)
def test_hyphenation_counts_odd_words_as_pyphen(word: str) -> None:
    assert hyphenation_counter(LANG).count(word) == _pyphen_count(word)


def test_hyphenation_counts_dictionary_words_as_pyphen() -> None:
    """Every third CMU word, as written, in capitals and capitalised."""
    counter = hyphenation_counter(LANG)
    words = sorted(bundled_cmudict())[::3]
    words += [w.upper() for w in words[::5]] + [w.title() for w in words[1::5]]
    differ = [w for w in words if counter.count(w) != _pyphen_count(w)]
    assert not differ, differ[:20]


def test_hyphenation_counts_random_strings_as_pyphen() -> None:
    """Strings mixing letters with dots, apostrophes, digits, ligatures and case-changing letters."""
    rng = random.Random(13)
    alphabet = "abcdefghijklmnopqrstuvwxyz'’.-é0123 ﬁİΣK"
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(20_000)]
    counter = hyphenation_counter(LANG)
    differ = [w for w in words if counter.count(w) != _pyphen_count(w)]
    assert not differ, differ[:20]
