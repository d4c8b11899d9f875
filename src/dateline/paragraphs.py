"""Where a text's paragraphs start, asked once per article by every stage that stops at one.

A line break (with the blank space around it) ends a paragraph. spaCy keeps a
paragraph's blank line inside the sentence before the break, so "is there a newline
between the end of this sentence and the start of the next" misses the break; the
paragraph of each sentence's first and last visible character does not.
"""
from __future__ import annotations

import re
from bisect import bisect_right

_BREAK = re.compile(r"\n\s*")


class Paragraphs:
    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def at(self, pos: int) -> int:
        """The paragraph holding text[pos]; the blank space of a break belongs to the paragraph it ends."""
        return bisect_right(self.starts, pos) - 1

    def start_of(self, pos: int) -> int:
        """Where the paragraph holding text[pos] starts."""
        return self.starts[self.at(pos)]

    def start_of_span(self, start: int, end: int) -> int:
        """Where the paragraph of the first visible character of text[start:end] starts."""
        return self.starts[self.of_span(start, end)[0]]

    def of_span(self, start: int, end: int) -> tuple[int, int]:
        """The paragraphs of the first and the last visible characters of text[start:end]."""
        chunk = self.text[start:end]
        first = start + len(chunk) - len(chunk.lstrip())
        last = start + len(chunk.rstrip()) - 1
        return self.at(first), self.at(max(first, last))

    def continues(self, before: tuple[int, int], after: tuple[int, int]) -> bool:
        """Whether the span `after` starts in the paragraph where the span `before` ends."""
        return self.of_span(*after)[0] == self.of_span(*before)[1]
