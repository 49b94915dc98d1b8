"""Multi-word lexicon matching over tokens.

Lexicon phrases are tokenized with the same tokenizer as the text, and both
sides are compared on token stems (clitics split off, article kept), so
"وزارة الاتصالات وتكنولوجيا المعلومات" matches "ووزارة الاتصالات وتكنولوجيا المعلومات"
and "بالشركة المصرية للاتصالات" matches "الشركة المصرية للاتصالات".
A match's span starts at the first token's stem (leading clitics are not part
of a name) and ends at the end of the last token.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, Iterable, Sequence, TypeVar

from rasid.lang.vocabulary import is_known_word
from rasid.text.tokenize import Token, tokenize

T = TypeVar("T")
_END = object()


@dataclass(slots=True, unsafe_hash=True)
class Match(Generic[T]):
    """A phrase found. Nothing changes one (hashed by its fields, as a frozen dataclass is); not frozen
    nor a named tuple: a frozen dataclass is slow to build, a named tuple's fields slow to read."""

    first: int  # index of the first token
    last: int  # index after the last token
    start: int  # character offsets
    end: int
    payload: T


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The stems of a phrase, as the matcher compares them."""
    return tuple(t.stem for t in tokenize(phrase, is_known_word) if t.kind != "punct" or t.text in "-")


class PhraseMatcher(Generic[T]):
    """A trie of phrases; ``find`` returns the longest match at each position, left to right."""

    def __init__(self, entries: Iterable[tuple[str, T]] = ()):
        self._root: dict[Any, Any] = {}
        self.size = 0
        for phrase, payload in entries:
            self.add(phrase, payload)

    def add(self, phrase: str, payload: T) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        node = self._root
        for word in key:
            node = node.setdefault(word, {})
        if _END not in node:
            self.size += 1
        node[_END] = payload

    def first_stems(self) -> frozenset[str]:
        """The stems phrases begin with: a token whose stem is not one starts no match."""
        return frozenset(self._root)

    def can_start(self, token: Token) -> bool:
        """Whether some phrase begins with this token (a cheap test before ``match_at``)."""
        return token.stem in self._root

    def match_at(self, tokens: Sequence[Token], i: int) -> Match[T] | None:
        """The longest phrase starting at token ``i``, or None."""
        node = self._root
        if tokens[i].stem not in node:
            return None
        best: Match[T] | None = None
        j = i
        while j < len(tokens):
            token = tokens[j]
            child = node.get(token.stem)
            if child is None and j > i:
                child = node.get(token.norm)
            if child is None:
                break
            node = child
            j += 1
            if _END in node:
                first = tokens[i]
                best = Match(i, j, first.stem_start if first.kind == "word" else first.start,
                             tokens[j - 1].end, node[_END])
        return best

    def find(self, tokens: Sequence[Token], skip_meta: bool = True, first: int = 0,
             last: int | None = None) -> list[Match[T]]:
        """Matches starting in tokens[first:last] (a match may run on past ``last``)."""
        matches: list[Match[T]] = []
        root = self._root
        resume = first  # the token after the last match: matches do not overlap
        for i in range(first, len(tokens) if last is None else last):
            token = tokens[i]
            if token.stem not in root or i < resume or (skip_meta and token.meta is not None):
                continue
            match = self.match_at(tokens, i)
            if match is not None:
                matches.append(match)
                resume = match.last
        return matches
