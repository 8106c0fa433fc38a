"""Routine tables flattened to text: header rows and the role of each exercise row.

A table keeps its cells apart with tabs (or pipes); its header row says which column is the name,
the sets, the reps or time, the notes. Apart from roles.py because a row is read with its table's
header (a role from several lines), not from its own content alone.
"""
from __future__ import annotations

import re
from dataclasses import replace

from runstrength.extract import dosage as dz
from runstrength.extract.roles import Role, clean_name, function_start, wordy
from runstrength.extract.text import Line
from runstrength.extract.vocab import vocab


_CELL_SPLIT_RE = re.compile(r"\t+|\s*\|\s*")
_TAB_SPLIT_RE = re.compile(r"\t+")
_SETS_CELL_RE = re.compile(r"^\s*(\d{1,2})(?:\s*(?:-|to)\s*(\d{1,2}))?\s*$")


def _cells(raw: str, pipes: bool) -> list[tuple[int, int]]:
    """(start, end) of each non-empty cell of a table row; `raw` is the line as published (tabs kept)."""
    out = []
    pos = 0
    for m in [*(_CELL_SPLIT_RE if pipes else _TAB_SPLIT_RE).finditer(raw), None]:
        end = m.start() if m is not None else len(raw)
        a, b = pos, end
        while a < b and raw[a].isspace():
            a += 1
        while b > a and raw[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
        if m is not None:
            pos = m.end()
    return out


def _column_kinds(text: str, cells: list[tuple[int, int]]) -> list[str] | None:
    """What each column of a header row holds ("name", "sets", "amount", "dose", "notes", "other"),
    or None when the row is not a header: its first cell must name the exercise column and one
    other cell a known column."""
    columns = vocab()["table_columns"]
    kinds = [columns.get(" ".join(text[a:b].lower().strip(" :*").split()), "other") for a, b in cells]
    if len(kinds) < 2 or kinds[0] != "name" or kinds.count("other") == len(kinds) - 1:
        return None
    return kinds


def _name_column(text: str, cell: tuple[int, int]) -> bool:
    """The cell heads the exercise column ("Exercise", "Movement")."""
    a, b = cell
    return vocab()["table_columns"].get(" ".join(text[a:b].lower().strip(" :*").split())) == "name"


def _cell_dose(cell: str, at: int, sets: tuple[int, int] | None, amount: bool) -> dz.DoseMention | None:
    """The prescription of one row from its sets cell and its amount (reps or time) or "3 x 10" cell."""
    got = dz.parse_dosages(cell, list_item=amount)
    m = got[0] if got else None
    if m is None and sets is None:
        return None
    if m is None:
        return dz.DoseMention(stage="main", sets=sets, start=at, end=at + len(cell), text=cell)
    return replace(m, sets=m.sets or sets, start=at + m.start, end=at + m.end)


def _table_row(text: str, cells: list[tuple[int, int]], kinds: list[str]) -> Role | None:
    """An exercise row of a routine table: its name, the prescription of its sets/reps columns, and
    its notes column as the description."""
    (a, b) = cells[0]
    name, cut = clean_name(text[a:b])
    if not name or not wordy(name) or len(name.split()) > 8 or function_start(name):
        return None
    sets = None
    amount: list[tuple[str, int]] = []
    desc = None
    for (s, e), kind in zip(cells[1:], kinds[1:]):
        cell = text[s:e]
        if kind == "sets":
            m = _SETS_CELL_RE.match(cell)
            if m:
                sets = (int(m.group(1)), int(m.group(2) or m.group(1)))
        elif kind in ("amount", "dose"):
            amount.append((cell, s))
        elif kind == "notes" and desc is None:
            desc = s
    doses = []
    for cell, at in amount or [("", cells[0][1])]:
        d = _cell_dose(cell, at, sets, amount=True)
        if d is not None:
            doses.append(d)
    ns = a + cut
    return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=doses, desc_start=desc)


def table_roles(text: str, lines: list[Line]) -> dict[int, Role]:
    """Roles of the rows of routine tables, by line index. A table flattened to text keeps its cells
    apart with tabs (or pipes); its header row says which cell is the name, the sets, the reps or
    time, the notes. `text` is the published article (tabs kept; the lines' text has spaces)."""
    out: dict[int, Role] = {}
    kinds: list[str] | None = None
    for line in lines:
        raw = text[line.start:line.end]
        pipes = raw.startswith("|") and raw.count("|") >= 3
        if "\t" not in raw and not pipes:
            kinds = None
            continue
        cells = _cells(raw, pipes)
        header = _column_kinds(line.text, cells)
        if header is not None:
            kinds = header
            out[line.index] = Role("table_header")
        elif len(cells) >= 2 and _name_column(line.text, cells[0]):
            # "Exercise | Weeks 1-4 | Weeks 5-8": a header whose other columns are periods, not known
            # kinds. Still a header (not a part's heading); its rows are read as list lines.
            kinds = None
            out[line.index] = Role("table_header")
        elif kinds is not None and len(cells) >= 2:
            role = _table_row(line.text, cells, kinds + ["other"] * (len(cells) - len(kinds)))
            if role is not None:
                out[line.index] = role
    return out
