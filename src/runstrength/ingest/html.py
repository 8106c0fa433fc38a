"""Main text and page metadata of a saved HTML page, via trafilatura.

Only the given string is parsed: nothing here fetches, and trafilatura's
fetch helpers are never called. Navigation, headers, footers, cookie banners
and share widgets are left out by trafilatura's main-content extraction.
"""
from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from runstrength.ingest.decode import clean_field
from runstrength.ingest.markdown import render_lines


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    author: str | None = None
    organization: str | None = None  # the site name
    url: str | None = None
    license: str | None = None
    published: str | None = None


def _extract(html: str, *, favor_recall: bool) -> str | None:
    return trafilatura.extract(
        html,
        output_format="markdown",  # keeps headings and list items as their own lines
        include_formatting=True,
        include_comments=False,  # reader comments are not the article
        include_links=False,
        include_images=False,
        include_tables=True,  # routines are often tables of sets and reps
        favor_recall=favor_recall,
        deduplicate=False,
        with_metadata=False,
    )


def extract_main_text(html: str) -> str:
    """The page's main content as plain lines; "" when trafilatura finds none."""
    try:
        md = _extract(html, favor_recall=False)
        if not md or not md.strip():
            # Short pages fall under trafilatura's balanced thresholds; recall mode still finds their text.
            md = _extract(html, favor_recall=True)
    except Exception:  # noqa: BLE001 - a page lxml/trafilatura cannot handle is a reject, not a crashed build
        return ""
    return render_lines(md) if md else ""


def extract_page_meta(html: str) -> PageMeta:
    """Title, author, site name, canonical URL, licence and date from the page's <meta>/JSON-LD/markup."""
    try:
        doc = trafilatura.extract_metadata(html)
    except Exception:  # noqa: BLE001 - metadata is optional; a page trafilatura chokes on still has text
        return PageMeta()
    if doc is None:
        return PageMeta()
    return PageMeta(
        title=clean_field(doc.title),
        author=clean_field(doc.author),
        organization=clean_field(doc.sitename),
        url=clean_field(doc.url),
        license=clean_field(doc.license),
        published=clean_field(doc.date),
    )
