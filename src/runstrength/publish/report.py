"""The build report: `report.html` (one self-contained page) and the same summary as markdown.

The HTML has no scripts and no external references (inline CSS, SVG charts
drawn here), so it renders identically offline, from a file:// URL or as a CI
artefact, and is byte-identical for identical input.  Every chart is an
`<svg data-chart="...">` whose bars are `<rect class="bar" data-value="...">`,
which is what tests (and anyone scraping the report) key on.

`report_markdown` is meant for a Prefect markdown artifact: same numbers, no SVG.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from typing import Any, Iterable

import pandas as pd

from schemas.tables import TABLE_MODELS

TOP_N = 15
MAX_BINS = 20
MAX_REJECT_ROWS = 200
# The markdown artifact goes to the Prefect API: a large build lists its first articles only.
MAX_ARTIFACT_ARTICLES = 100


@dataclass
class Summary:
    """Everything the report shows, computed once for both renderings."""

    row_counts: dict[str, int]
    per_article: list[dict[str, Any]]
    exercises: list[tuple[str, int]]
    muscles: list[tuple[str, int]]
    equipment: list[tuple[str, int]]
    histograms: dict[str, list[tuple[str, int]]]
    rejects_by_reason: list[tuple[str, str, int]]
    rejects: list[dict[str, Any]] = field(default_factory=list)
    n_rejects: int = 0


def _top(values: Iterable[str], n: int = TOP_N) -> list[tuple[str, int]]:
    # Ties broken by name so the order never depends on hash seeds or input order.
    counts = Counter(v for v in values if isinstance(v, str) and v)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def _explode(series: pd.Series) -> list[str]:
    return [x for v in series if isinstance(v, (list, tuple)) or hasattr(v, "__array__") for x in list(v)]


def histogram(values: Iterable[Any], max_bins: int = MAX_BINS) -> list[tuple[str, int]]:
    """Counts per value when there are few distinct values, else per equal-width integer bin."""
    nums = sorted(int(v) for v in values if v is not None and not pd.isna(v))
    if not nums:
        return []
    counts = Counter(nums)
    if len(counts) <= max_bins:
        return [(str(k), counts[k]) for k in sorted(counts)]
    lo, hi = nums[0], nums[-1]
    width = math.ceil((hi - lo + 1) / max_bins)
    bins: Counter[int] = Counter((v - lo) // width for v in nums)
    return [(f"{lo + b * width}-{lo + (b + 1) * width - 1}", bins[b]) for b in range(max_bins) if bins[b]]


def summarize(tables: dict[str, pd.DataFrame], rejects: pd.DataFrame) -> Summary:
    """The numbers of the report, from the validated tables and the rejects."""
    counts = {name: int(len(tables[name])) for name in TABLE_MODELS if name in tables}
    counts["rejects"] = int(len(rejects))
    arts = tables["articles"]
    per_table_counts = {
        name: tables[name]["article_id"].value_counts().to_dict()
        for name in ("sections", "exercises", "dosages", "cues") if name in tables
    }
    per_article = []
    for rec in arts.sort_values("article_id").to_dict("records"):
        aid = rec["article_id"]
        row = {"article_id": aid, "title": None if pd.isna(rec["title"]) else rec["title"]}
        for name in ("sections", "exercises", "dosages", "cues"):
            row[name] = int(per_table_counts.get(name, {}).get(aid, 0))
        per_article.append(row)
    ex = tables["exercises"]
    dos = tables["dosages"]
    # One number per dosage: the lower bound is what a reader would start with.
    hist_cols = {
        "sets": "sets_min", "reps": "reps_min",
        "hold_seconds": "hold_seconds_min", "duration_seconds": "duration_seconds_min",
    }
    histograms = {label: histogram(dos[col]) for label, col in hist_cols.items()}
    by_reason = Counter(zip(rejects["table"], rejects["reason"])) if len(rejects) else Counter()
    reject_rows = [
        {k: (None if pd.isna(v) else str(v)) for k, v in rec.items() if k != "row"}
        for rec in rejects.sort_values(["table", "key", "reason"], kind="mergesort")
        .head(MAX_REJECT_ROWS).to_dict("records")
    ]
    return Summary(
        row_counts=counts,
        per_article=per_article,
        exercises=_top(ex["canonical_name"]),
        muscles=_top(_explode(ex["muscles"])),
        equipment=_top(_explode(ex["equipment"])),
        histograms=histograms,
        rejects_by_reason=sorted(((t, r, n) for (t, r), n in by_reason.items()),
                                 key=lambda x: (-x[2], x[0], x[1])),
        rejects=reject_rows,
        n_rejects=int(len(rejects)),
    )


# --- HTML ------------------------------------------------------------------

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:60rem;
color:#1f2328;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.charts{display:flex;flex-wrap:wrap;gap:1.5rem}
figure{margin:0}figcaption{font-weight:600;margin-bottom:.25rem}
svg .bar{fill:#2f81f7}svg .hbar{fill:#8250df}svg text{font-size:11px;fill:#1f2328}
.ok{color:#1a7f37}.bad{color:#cf222e}.empty{color:#656d76;font-style:italic}
"""


def _chart_open(chart_id: str, title: str, width: int, height: int, pad: int, *, empty: bool) -> list[str]:
    """A chart's figure, caption and <svg> opening (and its "no data" line when it has no items)."""
    parts = [f'<figure><figcaption>{escape(title)}</figcaption>'
             f'<svg xmlns="http://www.w3.org/2000/svg" data-chart="{escape(chart_id)}" role="img" '
             f'aria-label="{escape(title)}" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}">']
    if empty:
        parts.append(f'<text x="{pad}" y="{pad + 12}" class="empty">no data</text>')
    return parts


def _bar_chart(chart_id: str, title: str, items: list[tuple[str, int]]) -> str:
    """Horizontal bar chart as inline SVG (one row per label)."""
    label_w, bar_w, row_h, pad = 160, 260, 18, 4
    height = max(1, len(items)) * row_h + 2 * pad
    width = label_w + bar_w + 50
    peak = max((n for _, n in items), default=0)
    parts = _chart_open(chart_id, title, width, height, pad, empty=not items)
    for i, (label, n) in enumerate(items):
        y = pad + i * row_h
        w = max(1, round(bar_w * n / peak)) if peak else 0
        short = label if len(label) <= 26 else label[:25] + "…"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end"><title>{escape(label)}</title>'
            f'{escape(short)}</text>'
            f'<rect class="bar" x="{label_w}" y="{y + 2}" width="{w}" height="{row_h - 4}" '
            f'data-label="{escape(label)}" data-value="{n}"/>'
            f'<text x="{label_w + w + 4}" y="{y + 13}">{n}</text>')
    parts.append("</svg></figure>")
    return "".join(parts)


def _histogram_chart(chart_id: str, title: str, items: list[tuple[str, int]]) -> str:
    """Vertical histogram as inline SVG (one column per value or bin)."""
    col_w, plot_h, pad, axis_h = 26, 120, 6, 30
    width = max(1, len(items)) * col_w + 2 * pad
    # An empty chart only needs room for its "no data" line.
    height = plot_h + axis_h + 2 * pad if items else 24
    peak = max((n for _, n in items), default=0)
    parts = _chart_open(chart_id, title, max(width, 120), height, pad, empty=not items)
    for i, (label, n) in enumerate(items):
        h = max(1, round(plot_h * n / peak)) if peak else 0
        x = pad + i * col_w
        y = pad + 12 + plot_h - h
        parts.append(
            f'<rect class="bar hbar" x="{x + 2}" y="{y}" width="{col_w - 4}" height="{h}" '
            f'data-label="{escape(label)}" data-value="{n}"/>'
            f'<text x="{x + col_w / 2:g}" y="{y - 2}" text-anchor="middle">{n}</text>'
            f'<text x="{x + col_w / 2:g}" y="{pad + 12 + plot_h + 14}" text-anchor="middle">'
            f'{escape(label)}</text>')
    parts.append("</svg></figure>")
    return "".join(parts)


def _table(headers: list[str], rows: list[list[Any]], numeric: set[int] = frozenset()) -> str:
    def cell(tag: str, i: int, v: Any) -> str:
        cls = ' class="n"' if i in numeric else ""
        return f"<{tag}{cls}>{escape('' if v is None else str(v))}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(cell("td", i, v) for i, v in enumerate(r)) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


HIST_TITLES = {
    "sets": "Sets per dosage (lower bound)",
    "reps": "Reps per set (lower bound)",
    "hold_seconds": "Hold, seconds (lower bound)",
    "duration_seconds": "Timed bout, seconds (lower bound)",
}


def report_html(tables: dict[str, pd.DataFrame], rejects: pd.DataFrame, *,
                title: str = "runstrength build report", version: str | None = None,
                summary: Summary | None = None) -> str:
    """The self-contained HTML build report (no scripts, no network); `summary`: summarize()'s, if at hand."""
    s = summary or summarize(tables, rejects)
    heading = title + (f" — dataset {version}" if version else "")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(heading)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(heading)}</h1>",
        "<h2>Rows published</h2>",
        _table(["table", "rows"], [[k, v] for k, v in s.row_counts.items()], {1}),
        "<h2>Per article</h2>",
        _table(["article_id", "title", "sections", "exercises", "dosages", "cues"],
               [[r["article_id"], r["title"], r["sections"], r["exercises"], r["dosages"], r["cues"]]
                for r in s.per_article], {2, 3, 4, 5})
        if s.per_article else '<p class="empty">No articles were published.</p>',
        "<h2>Most common</h2>",
        '<div class="charts">',
        _bar_chart("exercises", f"Exercises (canonical name, top {TOP_N})", s.exercises),
        _bar_chart("muscles", f"Muscles (top {TOP_N})", s.muscles),
        _bar_chart("equipment", f"Equipment (top {TOP_N})", s.equipment),
        "</div>",
        "<h2>Dosage distributions</h2>",
        '<div class="charts">',
        *(_histogram_chart(f"hist-{k}", HIST_TITLES[k], v) for k, v in s.histograms.items()),
        "</div>",
        "<h2>Validation</h2>",
    ]
    if s.n_rejects == 0:
        out.append('<p class="ok">All rows passed validation; nothing was rejected.</p>')
    else:
        out.append(f'<p class="bad">{s.n_rejects} row(s) or file(s) rejected.</p>')
        out.append(_table(["table", "reason", "count"], [list(r) for r in s.rejects_by_reason], {2}))
        shown = "" if s.n_rejects <= MAX_REJECT_ROWS else f" (first {MAX_REJECT_ROWS})"
        out.append(f"<h3>Rejects{shown}</h3>")
        out.append(_table(["table", "key", "reason", "message"],
                          [[r["table"], r["key"], r["reason"], r["message"]] for r in s.rejects]))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


# --- Markdown --------------------------------------------------------------

def _md_escape(v: Any) -> str:
    return ("" if v is None else str(v)).replace("|", "\\|").replace("\n", " ")


def _md_table(headers: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(_md_escape(v) for v in r) + " |" for r in rows]
    return lines


def report_markdown(tables: dict[str, pd.DataFrame], rejects: pd.DataFrame, *,
                    summary: Summary | None = None) -> str:
    """The report's summary as markdown (for a Prefect markdown artifact); `summary`: summarize()'s, if at hand."""
    s = summary or summarize(tables, rejects)
    lines = ["# runstrength build report", "", "## Rows published", ""]
    lines += _md_table(["table", "rows"], [[k, v] for k, v in s.row_counts.items()])
    lines += ["", "## Per article", ""]
    if s.per_article:
        shown = s.per_article[:MAX_ARTIFACT_ARTICLES]
        lines += _md_table(["article_id", "title", "sections", "exercises", "dosages", "cues"],
                           [[r["article_id"], r["title"], r["sections"], r["exercises"], r["dosages"],
                             r["cues"]] for r in shown])
        if len(s.per_article) > len(shown):
            lines += ["", f"... and {len(s.per_article) - len(shown)} more article(s); see report.html."]
    else:
        lines.append("No articles were published.")
    for heading, items in (("Most common exercises", s.exercises), ("Most common muscles", s.muscles),
                           ("Most common equipment", s.equipment)):
        lines += ["", f"## {heading}", ""]
        lines += _md_table(["name", "count"], [list(x) for x in items]) if items else ["(none)"]
    lines += ["", "## Dosage distributions", ""]
    for key, items in s.histograms.items():
        shown = ", ".join(f"{label}: {n}" for label, n in items) or "(none)"
        lines.append(f"- {HIST_TITLES[key]}: {shown}")
    lines += ["", "## Validation", ""]
    if s.n_rejects == 0:
        lines.append("All rows passed validation; nothing was rejected.")
    else:
        lines.append(f"{s.n_rejects} row(s) or file(s) rejected.")
        lines.append("")
        lines += _md_table(["table", "reason", "count"], [list(r) for r in s.rejects_by_reason])
        lines += ["", "### Rejects", ""]
        lines += _md_table(["table", "key", "reason", "message"],
                           [[r["table"], r["key"], r["reason"], r["message"]] for r in s.rejects])
    return "\n".join(lines) + "\n"
