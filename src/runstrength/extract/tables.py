"""Routine tables flattened to text: header rows and the role of each exercise row.

A table keeps its cells apart with tabs (or pipes); its header row says which column is the name,
the sets, the reps or time, the notes, or the prescription of each period of a plan ("Weeks 1-3").
Apart from roles.py because a row is read with its table's header (a role from several lines), not
from its own content alone.
"""
from __future__ import annotations

import re
from dataclasses import replace

from runstrength.extract import dosage as dz
from runstrength.extract.dose_stages import PER_SIDE_RE
from runstrength.extract.roles import (
    PERIOD_NUMBERS_RE, WEEKDAY_RE, Role, blank_prefix, clean_name, exercise_like, function_start, wordy,
)
from runstrength.extract.sentences import is_dosage_only
from runstrength.extract.text import Line
from runstrength.extract.vocab import vocab


_CELL_SPLIT_RE = re.compile(r"\t+|\s*\|\s*")
_TAB_SPLIT_RE = re.compile(r"\t+")
_SETS_CELL_RE = re.compile(r"^\s*(\d{1,2})(?:\s*(?:-|to)\s*(\d{1,2}))?\s*$")
# A spaced "s" after a number: seconds in a table's dose cell ("3 x 20 s hold"), where nothing else is
# abbreviated so; in prose the parser reads only the glued "20s".
_SPACED_SECONDS_RE = re.compile(r"(\d) s\b")
# A bracket closing a name cell ("Split squat (per leg)").
_SIDE_PAREN_RE = re.compile(r"\s*\(([^()]*)\)\s*$")
# A cell of the rule under a markdown table's header ("---", ":--:").
_RULE_CELL_RE = re.compile(r":?-{2,}:?")


def _cells(raw: str, pipes: bool) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row; `raw` is the line as published (tabs kept). Between
    pipes an empty cell keeps its place ("Plank | 3 | | Hips level": the third column is blank, the
    notes are the fourth); runs of tabs, often alignment, are one separator and empty cells are dropped."""
    out = []
    pos = 0
    for m in [*(_CELL_SPLIT_RE if pipes else _TAB_SPLIT_RE).finditer(raw), None]:
        end = m.start() if m is not None else len(raw)
        a, b = pos, end
        while a < b and raw[a].isspace():
            a += 1
        while b > a and raw[b - 1].isspace():
            b -= 1
        if b > a or pipes:
            out.append((a, b))
        if m is not None:
            pos = m.end()
    if pipes:
        # the outer pipes' empty sides ("| Plank | 3 |") are no cells
        if out and out[0][0] == out[0][1]:
            out.pop(0)
        if out and out[-1][0] == out[-1][1]:
            out.pop()
    return out


def _column_kinds(text: str, cells: list[tuple[int, int]]) -> list[str] | None:
    """What each column of a header row holds (a kind of structure.yaml's table_columns: "name",
    "sets", "amount", "seconds", "hold", "dose", "period", "notes", "equipment"; else "other"), or None
    when the row is not a header: its first cell must name the exercise column and one other cell a
    known column."""
    kinds = [_column_kind(text[a:b]) for a, b in cells]
    if not kinds:
        return None  # a bare "|" (a rule drawn between rows) has no cells
    lead = 0
    while lead < len(kinds) - 1 and kinds[lead] == "label":
        lead += 1  # "# | Exercise | Sets": an order or superset column before the names
    if kinds[lead] != "name" and "name" in kinds[lead:]:
        # "Phase | Aim | Exercises | Sets x reps": a plan's summary whose rows open with their part and its aim.
        # With a prescription column after the names, what stands before them labels the row (a "Phase"
        # there is the row's part, not a period's prescription as after the names).
        at = kinds.index("name", lead)
        if not _DOSE_KINDS.intersection(kinds[at + 1:]):
            return None
        kinds = ["label"] * at + kinds[at:]
        lead = at
    if len(kinds) - lead < 2 or kinds[lead] != "name" or kinds.count("other") == len(kinds) - 1 - lead:
        return None
    return kinds


# Columns that prescribe (see table_columns in structure.yaml).
_DOSE_KINDS = frozenset({"sets", "amount", "dose", "seconds", "hold", "period"})


def _column_kind(cell: str) -> str:
    """The kind of one header cell; a period's numbers ("Weeks 1-3") are not part of its heading."""
    columns = vocab()["table_columns"]
    key = " ".join(cell.lower().strip(" :*").split())
    kind = columns.get(key)
    if kind is None and key[-1:].isdigit():
        kind = columns.get(PERIOD_NUMBERS_RE.sub("", key))
        if kind != "period":
            kind = None  # "Sets 3" is no column heading
    return kind or "other"


def _name_column(text: str, cell: tuple[int, int]) -> bool:
    """The cell heads the exercise column ("Exercise", "Movement")."""
    a, b = cell
    return vocab()["table_columns"].get(" ".join(text[a:b].lower().strip(" :*").split())) == "name"


def _cell_dose(cell: str, at: int, sets: tuple[int, int] | None, amount: bool, stage: str = "main",
               kind: str = "amount") -> dz.DoseMention | None:
    """The prescription of one row from its sets cell and its amount (reps or time) or "3 x 10" cell;
    `stage`: the period column's stage (see _period_stages); `kind`: the column's ("seconds" and
    "hold" columns time a bare number, and a hold column's time is a hold)."""
    if " s" in cell:
        cell = _SPACED_SECONDS_RE.sub(r"\1s ", cell)  # same length: offsets hold
    got = dz.parse_dosages(cell, list_item=amount)
    m = got[0] if got else None
    if m is None and sets is None:
        return None
    if m is None:
        return dz.DoseMention(stage=stage, sets=sets, start=at, end=at + len(cell), text=cell)
    if kind in ("seconds", "hold") and m.reps and not m.seconds and "rep" not in cell.lower():
        m = replace(m, reps=None, seconds=m.reps)  # "40" under "Work (s)" is 40 seconds
    if kind == "hold" and m.seconds:
        m = replace(m, seconds_kind="hold")
    return replace(m, stage=stage if m.stage == "main" else m.stage, sets=m.sets or sets, start=at + m.start, end=at + m.end)


def _count_before_time(doses: list[dz.DoseMention], kinds: list[str]) -> None:
    """A bare count under "Sets x reps" beside the row's time in a time or hold column ("3 each side" |
    "20-30 sec") is the row's "3 x 20-30 sec" split in two: the count is sets of that bout, not reps."""
    timed = any(d.seconds and not d.reps and not d.sets for d, k in zip(doses, kinds) if k in ("seconds", "hold", "amount"))
    if not timed:
        return
    for i, (d, k) in enumerate(zip(doses, kinds)):
        if k == "dose" and d.reps and not d.sets and not d.seconds:
            doses[i] = replace(d, sets=d.reps, reps=None)


def _period_stages(n: int) -> list[str]:
    """Stages of a plan's `n` period columns, left to right: the first is where the reader starts, the
    last what they build up to."""
    if n == 1:
        return ["main"]
    return ["start", *["main"] * (n - 2), "target"]


def _items(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """(start, end) of each item of the cell text[a:b]: a summary's cell may list several exercises, or
    their doses, kept apart by semicolons ("Wall sit; Step-up" over "4 x 30 s hold; 3 x 8")."""
    if ";" not in text[a:b]:
        return [(a, b)]
    out = []
    pos = a
    while pos <= b:
        end = text.find(";", pos, b)
        end = b if end < 0 else end
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
        pos = end + 1
    return out


def _table_row(text: str, cells: list[tuple[int, int]], kinds: list[str]) -> Role | None:
    """An exercise row of a routine table: its name, the prescription of its sets/reps columns, and
    its notes column as the description. A name cell listing several exercises gives each its own item
    of the dose cells that list as many (alternatives and alt_doses of the role); otherwise they share
    the row's doses."""
    first = kinds.index("name")
    names: list[tuple[str, int]] = []
    sided = False
    for a, b in _items(text, *cells[first]):
        # "Split squat (per leg)": the side said in the name cell's brackets is the row's dose, as in a list item
        side = _SIDE_PAREN_RE.search(text, a, b)
        if side is not None and PER_SIDE_RE.search(side.group(1)):
            sided, b = True, side.start()
        # A superset's label before the name ("A1 Goblet squat", "B2. Side plank") is not part of it.
        name, cut = clean_name(blank_prefix(text[a:b]))
        if not name or not wordy(name) or len(name.split()) > 8 or function_start(name):
            return None
        names.append((name, a + cut))
    b = cells[first][1]
    sets = None
    amount: list[tuple[int, int, str, str]] = []
    desc = desc_end = None
    kit: list[tuple[int, int]] = []
    stages = iter(_period_stages(kinds.count("period")))
    for (s, e), kind in zip(cells[first + 1:], kinds[first + 1:]):
        cell = text[s:e]
        if not cell:
            continue
        if kind == "sets":
            m = _SETS_CELL_RE.match(cell)
            if m:
                sets = (int(m.group(1)), int(m.group(2) or m.group(1)))
        elif kind in ("amount", "dose", "seconds", "hold"):
            amount.append((s, e, "main", kind))
        elif kind == "period":
            amount.append((s, e, next(stages), kind))
        elif kind == "notes" and desc is None:
            desc, desc_end = s, e
        elif kind == "equipment":
            kit.append((s, e))
    doses = []
    kinds_of: list[str] = []
    alt_doses: list[list[dz.DoseMention]] = [[] for _ in names] if len(names) > 1 else []
    for s, e, stage, kind in amount or [(b, b, "main", "amount")]:
        items = _items(text, s, e) if alt_doses else [(s, e)]
        if len(items) == len(names) > 1:
            for k, (p, q) in enumerate(items):
                d = _cell_dose(text[p:q], p, sets, amount=True, stage=stage, kind=kind)
                if d is not None:
                    alt_doses[k].append(d)
            continue
        d = _cell_dose(text[s:e], s, sets, amount=True, stage=stage, kind=kind)
        if d is not None:
            doses.append(d)
            kinds_of.append(kind)
    _count_before_time(doses, kinds_of)
    if sided:
        doses = [replace(d, per_side=True) for d in doses]
        alt_doses = [[replace(d, per_side=True) for d in ds] for ds in alt_doses]
    for k in range(len(alt_doses)):
        alt_doses[k] += doses
    name, ns = names[0]
    alternatives = [(nm, at, at + len(nm), at, at + len(nm)) for nm, at in names] if len(names) > 1 else []
    return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=doses, desc_start=desc,
                desc_end=desc_end if desc_end is not None and desc_end < len(text) else None, kit=kit,
                alternatives=alternatives, alt_doses=alt_doses)


def _headerless_kinds(text: str, cells: list[tuple[int, int]]) -> list[str] | None:
    """The columns of a tab-separated row whose header row was lost (or given only in a caption):
    a name, then a cell that is nothing but its prescription ("12", "10 each arm", "40 seconds"), then
    notes; None when the row is not so shaped. Read as a table only in a run of such rows (see
    table_roles): one line like that is more often a layout quirk."""
    if len(cells) < 2:
        return None
    a, b = cells[0]
    name = text[a:b]
    if not wordy(name) or len(name.split()) > 8 or function_start(name.strip()):
        return None
    a, b = cells[1]
    cell = text[a:b]
    got = dz.parse_dosages(cell, list_item=True)
    if not got or got[0].start != 0 or not is_dosage_only(cell, [(m.start, m.end) for m in got]):
        return None
    return ["name", "amount", *("notes" if k == 2 else "other" for k in range(2, len(cells)))]


# Column headings of a table exported one cell per line ("Repeat", "Hold", "Sets" stacked over the
# values): at least this many stacked headings, two of them prescribing, make a header.
_STACKED_HEADINGS = 3
_HEADING_MAX_WORDS = 3


def stacked_header_roles(lines: list[Line]) -> dict[int, Role]:
    """Roles of the column headings of tables exported one cell per line, by line index: layout, never a
    part's heading or an exercise."""
    out: dict[int, Role] = {}
    n = 0
    while n < len(lines):
        run = _header_column_run(lines, n) if len(lines[n].words) <= _HEADING_MAX_WORDS else 0
        for m in range(n, n + run):
            out[lines[m].index] = Role("table_header")
        n += run or 1
    return out


# Cells of a value column of a table exported one cell per line are short ("3", "8-12", "30 sec").
_VALUE_CELL_WORDS = 4
# Rows it takes to read a run of lines as such a table rather than a heading over a few numbers.
_STACKED_ROWS = 2


def stacked_table_roles(lines: list[Line]) -> dict[int, Role]:
    """Roles of a routine table exported one cell per line, by line index: its header row ("Exercise",
    "Sets", "Reps", each on a line of its own), then each row's name cell and value cells, as many lines
    each. A row's name line becomes the exercise with the prescription of the value cells under it; the
    header and value lines are layout. Only name and dose columns: a notes column may run to sentences."""
    out: dict[int, Role] = {}
    n = 0
    while n < len(lines):
        kinds = _stacked_header(lines, n)
        if not kinds:
            n += 1
            continue
        k = len(kinds)
        rows = []
        m = n + k
        while m + k <= len(lines):
            row = lines[m:m + k]
            role = _stacked_row(row, kinds)
            if role is None:
                break
            rows.append((row, role))
            m += k
        if len(rows) < _STACKED_ROWS:
            n += 1
            continue
        for line in lines[n:n + k]:
            out[line.index] = Role("table_header")
        for row, role in rows:
            out[row[0].index] = role
            for line in row[1:]:
                out[line.index] = Role("table_header", label="cell")
        n = m
    return out


def _stacked_header(lines: list[Line], n: int) -> list[str]:
    """The column kinds of a header row stacked one cell per line from `n` (the name column first, then
    dose columns only, one gap between them all), or [] when there is none."""
    first = lines[n]
    if first.bullet or len(first.words) > _HEADING_MAX_WORDS or _column_kind(first.text) != "name":
        return []
    kinds = ["name"]
    gap = None
    for line in lines[n + 1:n + 8]:
        kind = _column_kind(line.text) if len(line.words) <= _HEADING_MAX_WORDS and not line.bullet else "other"
        if kind not in _DOSE_KINDS or gap is not None and line.gap != gap or line.gap > 1:
            break
        gap = line.gap
        kinds.append(kind)
    return kinds if len(kinds) >= 2 else []


def _stacked_row(row: list[Line], kinds: list[str]) -> Role | None:
    """The exercise of one row of a one-cell-per-line table: its name line and value lines (a count each)."""
    name, values = row[0], row[1:]
    if name.bullet or len(name.words) > 8 or name.text[:1].isdigit() or any(
            line.bullet or line.gap > 1 or len(line.words) > _VALUE_CELL_WORDS or not any(map(str.isdigit, line.text))
            for line in values):
        return None
    # The row as one text, each cell at its offset from the name's start: the roles' offsets are the name line's.
    base, end = name.start, row[-1].end
    chars = [" "] * (end - base)
    for line in row:
        chars[line.start - base:line.end - base] = line.text
    cells = [(line.start - base, line.end - base) for line in row]
    return _table_row("".join(chars), cells, kinds)


def _header_column_run(lines: list[Line], n: int) -> int:
    """How many lines from `n` are a table's column headings stacked one per line (0 when they are not):
    a handout's program prints its dose table as labels over values, and a label alone is no heading."""
    run = 0
    dosing = 0
    for line in lines[n:n + 8]:
        if run and line.gap != 0 or len(line.words) > _HEADING_MAX_WORDS or line.bullet:
            break
        kind = _column_kind(line.text)
        if kind in ("other", "name", "label"):
            break
        run += 1
        dosing += kind in _DOSE_KINDS
    return run if run >= _STACKED_HEADINGS and dosing >= 2 else 0


def table_roles(text: str, lines: list[Line]) -> dict[int, Role]:
    """Roles of the rows of routine tables, by line index. A table flattened to text keeps its cells
    apart with tabs (or pipes); its header row says which cell is the name, the sets, the reps or
    time, the notes. `text` is the published article (tabs kept; the lines' text has spaces)."""
    out: dict[int, Role] = {}
    kinds: list[str] | None = None
    loose: list[str] | None = None  # the columns read off the row before, in a table with no header row
    for n, line in enumerate(lines):
        raw = text[line.start:line.end]
        # Outer pipes are optional ("Exercise | Sets x reps | Notes"): a line with one is read as a row,
        # which only counts under a header row (the header needs known column names).
        pipes = "|" in raw
        if "\t" not in raw and not pipes:
            kinds = loose = None
            continue
        cells = _cells(raw, pipes)
        if kinds is None and not pipes:
            guess = _headerless_kinds(line.text, cells)
            if guess is not None and loose is None:
                # the first row of a run: a table only if the next line is a row of the same shape
                nxt = lines[n + 1] if n + 1 < len(lines) else None
                raw_next = text[nxt.start:nxt.end] if nxt is not None else ""
                if "\t" not in raw_next or _headerless_kinds(nxt.text, _cells(raw_next, False)) is None:
                    guess = None
            loose = guess
            if guess is not None:
                role = _table_row(line.text, cells, guess)
                if role is not None:
                    out[line.index] = role
                continue
        header = _column_kinds(line.text, cells)
        if header is not None:
            kinds = header
            out[line.index] = Role("table_header")
        elif len(cells) >= 2 and _name_column(line.text, cells[0]) and ("\t" in raw or raw.lstrip().startswith("|")):
            # "Exercise | Progression | Regression": a header whose other columns are of no known kind.
            # Still a header (not a part's heading); its rows are read as list lines. (Without tabs or
            # outer pipes, "Exercises | Nutrition | Gear" is more likely a menu.)
            kinds = None
            out[line.index] = Role("table_header")
        elif kinds is not None and pipes and all(_RULE_CELL_RE.fullmatch(raw, a, b) for a, b in cells):
            out[line.index] = Role("table_header")  # a markdown table's rule under its header: layout
        elif kinds is not None and len(cells) >= 2:
            role = _table_row(line.text, cells, kinds + ["other"] * (len(cells) - len(kinds)))
            if role is not None:
                out[line.index] = role
        elif len(cells) >= 2 and WEEKDAY_RE.fullmatch(line.text, *cells[0]) and not exercise_like(
                dz.split_name_dosage(line.text[slice(*cells[1])])[0], None, 0):
            # "Tuesday | Intervals: 6 x 1 km | Workout A": a day of a week's timetable of runs and sessions,
            # not an exercise; a day's row naming a movement ("Monday | Goblet squat 3 x 10") is read as a list line
            out[line.index] = Role("boiler")
    return out


# "SETS REPS" over "2" and "12", "Sets Reps Hold" over "3 10 5", "Sets 3 Reps 10": a leaflet's small dose table
# printed as its labels, then (on the same line or the lines under it) one value per label, or label and value
# in turn. The labels are the table columns' one-word headings (vocab table_columns) of a count, read as a
# table's cells are: a bare number is reps under an amount heading, seconds under a time one; without a colon,
# which makes each "Sets: 3" a label line read on its own.
_LABEL_ROW_UNITS = {"sets": "sets", "amount": "reps", "hold": "hold", "seconds": "seconds"}
_LABEL_ROW_VALUE_RE = re.compile(r"(\d{1,3})(?:\s*[-\u2013]\s*(\d{1,3}))?$")
_LABEL_ROW_LINES = 4  # the labels' line and the value lines under it


def label_row_roles(lines: list[Line]) -> dict[int, Role]:
    """Roles of a dose table printed as labels then values, by line index: the labels' line a dose line with the
    prescription, its value lines layout."""
    out: dict[int, Role] = {}
    for n, line in enumerate(lines):
        first = line.text.split(None, 1)[0] if line.text.strip() else ""
        if line.bullet or _label_unit(first) is None:
            continue
        got = _label_row(lines, n)
        if got is not None:
            dose, used = got
            out[line.index] = Role("dose", doses=[dose])
            for value_line in lines[n + 1:n + used]:
                out[value_line.index] = Role("table_header", label="cell")
    return out


def _label_unit(word: str) -> str | None:
    """The field a one-word column heading counts ("Sets" sets, "Reps" reps, "Hold" a hold), or None."""
    return _LABEL_ROW_UNITS.get(_column_kind(word)) if word[:1].isalpha() else None


def _label_row(lines: list[Line], n: int) -> tuple[dz.DoseMention, int] | None:
    """The dose of the labels at line `n` and the values after them, with how many lines it takes; None when the
    words are not only labels and as many values, or a unit comes twice."""
    units: list[str] = []
    values: list[tuple[int, int]] = []
    paired = False
    for k, line in enumerate(lines[n:n + _LABEL_ROW_LINES]):
        if k and (line.gap > 2 or line.bullet) or ":" in line.text:
            return None  # "Sets: 3" with a colon is a label line of its own (label_readers.dose_label_line)
        for word in line.text.split():
            unit = _label_unit(word)
            if unit is not None:
                # one value per field (a hold and a time are both the row's seconds); label and value in turn
                # once a value has followed a label
                fields_seen = {"seconds" if u == "hold" else u for u in units}
                if ("seconds" if unit == "hold" else unit) in fields_seen or values and not paired and len(values) != len(units):
                    return None
                paired = paired or len(values) == len(units) and bool(values)
                units.append(unit)
                continue
            value = _LABEL_ROW_VALUE_RE.match(word.rstrip("s"))  # "5s" under "Hold"
            if value is None or len(values) >= len(units):
                return None
            lo = int(value.group(1))
            values.append((lo, int(value.group(2) or lo)))
        if len(units) >= 2 and len(values) == len(units):
            fields: dict = {}
            for unit, value in zip(units, values):
                if unit in ("hold", "seconds"):
                    fields["seconds"], fields["seconds_kind"] = value, "hold" if unit == "hold" else None
                else:
                    fields[unit] = value
            text = lines[n].text
            return dz.DoseMention(stage="main", start=0, end=len(text), text=text, **fields), k + 1
    return None
