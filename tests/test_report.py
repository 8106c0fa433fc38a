"""Build report: self-contained HTML with SVG charts (rendered in headless Chromium) and markdown."""
from __future__ import annotations

import re
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from runstrength.publish.report import histogram, report_html, report_markdown, summarize
from runstrength.publish.tables import to_tables
from runstrength.publish.validate import validate_tables
from test_card import publish_sample, sample
from test_schemas import A

CHROMIUM = Path("/usr/bin/chromium")
CHARTS = {"exercises", "muscles", "equipment", "hist-sets", "hist-reps", "hist-hold_seconds",
          "hist-duration_seconds"}


class Charts(HTMLParser):
    """Collects <svg data-chart> elements and the bars (<rect class="bar">) inside each."""

    def __init__(self) -> None:
        super().__init__()
        self.charts: dict[str, list[dict[str, str]]] = {}
        self.current: str | None = None
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "svg" and "data-chart" in a:
            self.current = a["data-chart"]
            self.charts[self.current] = []
        elif tag == "rect" and self.current and "bar" in a.get("class", "").split():
            self.charts[self.current].append(a)
        if tag in ("script", "link", "img", "iframe") or "src" in a or "href" in a:
            self.external.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self.current = None


def parse(html: str) -> Charts:
    p = Charts()
    p.feed(html)
    return p


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    return publish_sample(tmp_path_factory.mktemp("report") / "dataset", break_row=True)


def test_report_is_self_contained_with_charts(dataset):
    html = (dataset / "report.html").read_text(encoding="utf-8")
    charts = parse(html)
    assert set(charts.charts) == CHARTS
    assert charts.external == []  # no scripts, stylesheets, images or links to fetch
    assert "<style>" in html and "@import" not in html and "url(" not in html
    bars = {c: {b["data-label"]: int(b["data-value"]) for b in bs} for c, bs in charts.charts.items()}
    assert bars["exercises"] == {"glute bridge": 1, "side plank": 1}
    assert bars["muscles"] == {"calves": 1, "core": 1, "glutes": 1, "obliques": 1}
    assert bars["equipment"] == {"mat": 1}
    assert bars["hist-sets"] == {"3": 2}  # the glute bridge's dosage was rejected
    assert bars["hist-hold_seconds"] == {"30": 1, "60": 1}
    assert bars["hist-duration_seconds"] == {}
    assert f"{A}/e01/d1" in html and "in_range(1, 50)" in html


def test_report_is_deterministic():
    tables, rejects, _, _ = sample(break_row=True)
    assert report_html(tables, rejects) == report_html(tables, rejects)
    assert report_markdown(tables, rejects) == report_markdown(tables, rejects)


def test_report_markdown_summary():
    tables, rejects, _, _ = sample(break_row=True)
    md = report_markdown(tables, rejects)
    assert md.startswith("# runstrength build report\n")
    assert "| dosages | 3 |" in md and "| rejects | 1 |" in md
    assert f"| {A} | Strength for Runners | 1 | 2 | 2 | 3 |" in md
    assert "| glute bridge | 1 |" in md and "| obliques | 1 |" in md and "| mat | 1 |" in md
    assert "- Sets per dosage (lower bound): 3: 2" in md
    assert "| dosages | in_range(1, 50) | 1 |" in md
    assert f"| dosages | {A}/e01/d1 | in_range(1, 50) |" in md
    clean_tables, clean_rejects, _, _ = sample()
    assert "nothing was rejected" in report_markdown(clean_tables, clean_rejects)


def test_empty_dataset_report():
    tables, rejects = validate_tables(to_tables([]))
    charts = parse(report_html(tables, rejects))
    assert set(charts.charts) == CHARTS and all(not b for b in charts.charts.values())
    assert "No articles were published." in report_markdown(tables, rejects)


def test_histogram_bins_wide_ranges():
    assert histogram([3, 3, 10, None]) == [("3", 2), ("10", 1)]
    binned = histogram(range(1, 101))
    assert len(binned) == 20 and binned[0] == ("1-5", 5) and sum(n for _, n in binned) == 100
    assert summarize(*sample()[:2]).row_counts["articles"] == 2


def test_report_renders_in_headless_chromium(dataset):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the report test needs headless Chromium. CI installs the "
                    "Debian 'chromium' package (apt-get install -y chromium); install it locally the same way.")
    with tempfile.TemporaryDirectory() as profile:
        res = subprocess.run(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}",
             "--dump-dom", (dataset / "report.html").as_uri()],
            capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    dom = parse(res.stdout)
    assert set(dom.charts) == CHARTS, res.stdout[:2000]
    for chart in ("exercises", "muscles", "equipment", "hist-sets", "hist-reps", "hist-hold_seconds"):
        bars = dom.charts[chart]
        assert bars, chart
        for bar in bars:
            size = float(bar["height"] if chart.startswith("hist-") else bar["width"])
            assert size > 0 and int(bar["data-value"]) > 0, (chart, bar)
    assert re.search(r"<h1>runstrength build report", res.stdout)


def test_markdown_artifact_lists_a_bounded_number_of_articles(monkeypatch):
    from runstrength.publish import report

    tables, rejects, _, _ = sample()
    monkeypatch.setattr(report, "MAX_ARTIFACT_ARTICLES", 0)
    md = report_markdown(tables, rejects)
    assert f"| {A} |" not in md
    assert "... and 2 more article(s); see report.html." in md
