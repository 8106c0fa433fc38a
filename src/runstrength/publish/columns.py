"""Append-only columns of per-article values that are not one Python object per value.

Why: the writer keeps a few values for every article it writes (ids, spans,
row counts: the PublishedIndex) while records stream through it.  Kept as
Python objects, each small string or tuple would be allocated among the
short-lived objects of the record it came from and pin that memory
(CPython's small-object allocator can only give an arena back when all of it
is free), so a 100,000-article build grew by hundreds of MB that were never
in use.  Here values live in a few large buffers (bytearray, array) that
grow by reallocation outside the small-object heap.
"""
from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from typing import overload

_SEP = "\x1f"  # between the items of one StringLists value (flags never contain it)


class Strings:
    """A list of str stored as UTF-8 in one bytearray."""

    __slots__ = ("_data", "_ends")

    def __init__(self, values: Iterable[str] = ()) -> None:
        self._data = bytearray()
        self._ends = array("Q")
        self.extend(values)

    def append(self, value: str) -> None:
        self._data += value.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._data))

    def extend(self, values: Iterable[str]) -> None:
        for v in values:
            self.append(v)

    def __len__(self) -> int:
        return len(self._ends)

    def _one(self, i: int) -> str:
        n = len(self._ends)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(i)
        start = self._ends[i - 1] if i else 0
        return self._data[start:self._ends[i]].decode("utf-8", "surrogatepass")

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self._one(k) for k in range(*i.indices(len(self)))]
        return self._one(i)

    def __iter__(self) -> Iterator[str]:
        for k in range(len(self)):
            yield self._one(k)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Strings) and self._data == other._data and self._ends == other._ends

    def __repr__(self) -> str:
        return f"Strings({list(self)!r})"


class StringLists:
    """A list of lists of str (e.g. each article's flags), one joined string per value."""

    __slots__ = ("_strings",)

    def __init__(self, values: Iterable[Iterable[str]] = ()) -> None:
        self._strings = Strings()
        self.extend(values)

    def append(self, value: Iterable[str]) -> None:
        items = list(value)
        if any(_SEP in s or not s for s in items):
            raise ValueError(f"cannot store {items!r}: empty strings or {_SEP!r} inside")
        self._strings.append(_SEP.join(items))

    def extend(self, values: Iterable[Iterable[str]]) -> None:
        for v in values:
            self.append(v)

    def __len__(self) -> int:
        return len(self._strings)

    @staticmethod
    def _split(s: str) -> list[str]:
        return s.split(_SEP) if s else []

    def __getitem__(self, i: int | slice) -> list[str] | list[list[str]]:
        got = self._strings[i]
        return [self._split(s) for s in got] if isinstance(i, slice) else self._split(got)

    def __iter__(self) -> Iterator[list[str]]:
        return (self._split(s) for s in self._strings)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StringLists) and self._strings == other._strings


class Spans:
    """A list of fixed-width tuples of ints (byte spans), stored flat in one array."""

    __slots__ = ("_flat", "width")

    def __init__(self, width: int, values: Iterable[Iterable[int]] = ()) -> None:
        self.width = width
        self._flat = array("q")
        self.extend(values)

    def append(self, value: Iterable[int]) -> None:
        t = tuple(value)
        if len(t) != self.width:
            raise ValueError(f"expected {self.width} numbers, got {t!r}")
        self._flat.extend(t)

    def extend(self, values: Iterable[Iterable[int]]) -> None:
        for v in values:
            self.append(v)

    def __len__(self) -> int:
        return len(self._flat) // self.width

    def _one(self, i: int) -> tuple[int, ...]:
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(i)
        return tuple(self._flat[i * self.width:(i + 1) * self.width])

    def __getitem__(self, i: int | slice) -> tuple[int, ...] | list[tuple[int, ...]]:
        if isinstance(i, slice):
            return [self._one(k) for k in range(*i.indices(len(self)))]
        return self._one(i)

    def __iter__(self) -> Iterator[tuple[int, ...]]:
        return (self._one(k) for k in range(len(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Spans) and self.width == other.width and self._flat == other._flat
