"""Postal addresses in a page's header, footer or contact block.

A clinic's page lists where its branches are ("Unit 3 / 41-45 Mill Lane / Leeds / LS1 4AB"). Read
line by line, the street number is a count and the street a name: each line of an address would be an
exercise with a dose. An address ends on a postcode; the lines of its block above it are the rest of it.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only
    from runstrength.extract.text import Line

# A line that ends on a postcode: British ("SW6 4TN"), American (state and ZIP: "IL 62701"), Canadian
# ("M5V 2T6") or Australian (state and number: "NSW 2000").
_POSTCODE_END_RE = re.compile(
    r"(?:\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}"
    r"|\b[A-Z]{2},?\s+\d{5}(?:-\d{4})?"
    r"|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d"
    r"|\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT),?\s+\d{4})\W*$")
# An address line is short: a building, a street, a town.
_ADDRESS_LINE_WORDS = 8
# Lines an address may run to above its postcode.
_ADDRESS_LINES = 5


def _address_like(line: Line) -> bool:
    return len(line.words) <= _ADDRESS_LINE_WORDS and not line.text.rstrip().endswith((".", "!", "?", ":"))


def address_lines(lines: Sequence[Line]) -> set[int]:
    """Indexes of the lines of postal addresses: a short line ending on a postcode, and the short lines of
    its block (no blank line between) right above it."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        if not _address_like(line) or not _POSTCODE_END_RE.search(line.text):
            continue
        found.add(i)
        j = i
        while j > 0 and i - j < _ADDRESS_LINES - 1 and lines[j].gap == 0 and _address_like(lines[j - 1]):
            j -= 1
            found.add(j)
    return found
