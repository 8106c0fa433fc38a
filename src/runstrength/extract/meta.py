"""Article-level facts: title, organization, author.

Titles come from the layout (the first heading-like line that reads like a
title, once the page's header of site name, menus and breadcrumbs is skipped);
organization from that header's site name, a copyright footer or the phrases
writers use to name it ("At X Clinic, we ...", "founder of X"); author from
bylines, "About the author" blocks and sign-offs.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from runstrength.extract.gates import AnyOf, literal_gate, required_literals
from runstrength.extract.lexicon import read_yaml
from runstrength.extract.nlp import norm_tokens
from runstrength.extract.quantities import MONTH_NAME
from runstrength.extract.text import DATA_DIR, INNER_STOP_RE, PART_LABEL_RE, TITLE_CASE_SMALL, Line, structure_lexicon
from runstrength.extract.vocab import ends_with_head

_SENT_END = (".", "!", "?", ",", ";")
# One word of a person's name: "Lee", "McAllister", "Lomax-Grey", "O'Neill".
# Accented Latin letters too ("Tomás", "Łukasz", "Zoë"); Latin Extended-A mixes cases, so it is in both.
_UP = "A-ZÀ-ÖØ-ÞĀ-ž"
_LOW = "a-zß-öø-ÿĀ-ž"
_NAME_WORD = rf"[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)?(?:[-'][{_UP}]?[{_LOW}]+)?"
# A title makes a surname alone a name ("Dr. Lee"), and may be written without its space ("Dr.Lee").
_NAME = (rf"(?:(?:Dr|Prof)(?:\.\s*|\s+){_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
         rf"|{_NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{_NAME_WORD}){{1,2}})")
_NAME_RE = re.compile(rf"^(?P<name>{_NAME})")
# What may follow a byline's name: the line's end, a separator before the role or date
# ("By Jo Lee, Physio", "By Jo Lee | 3 May"), "on <date>" or letters after the name ("Jo Lee DPT").
# Anything else means the capitalised words were not a name ("By Doing This You ...").
# An e-mail's sender is followed by the address ("From: Jo Lee <jo@...>").
# A byline may be the first sentence of a line, its full stop right after the name ("Written by Jo Lee. Plans
# for every level ...").
_AFTER_NAME = r"(?=\s*(?:$|[,|(<\u00b7\u2022/-]|\s(?i:on|and|for|in)\s)|\.(?:\s+[A-Z]|$)|\s+[A-Z][A-Za-z.]*[A-Z]\b)"
# Case-insensitive lead words only: the name itself must be capitalised.
_BYLINE_BODY = (
    # A video's presenter ("Presented by Jo Lee, DPT"), a handout's prescriber ("Prescribed by: Jo Lee").
    r"(?:(?i:(?:written|posted|reviewed|published|prepared|compiled|answered|programmed|designed|created|presented|hosted|"
    r"prescribed)\s+by\s*:?"
    # A newsletter's editorial: "From the desk of Coach Jo Lee, ...".
    r"|from\s+the\s+desk\s+of|words\s*(?::|\s+by)|by\s*:?|author\s*:?"
    # A newsletter's sender, a forum's answer: "From: Coach Jo Lee <...>", "Answer from Jo Lee (Physio)".
    r"|(?i:from\s*:|answer\s+(?:from|by))"
    # A handout's clinician field: "Clinician: Jo Lee, Physiotherapist", "Therapist: Jo Lee".
    r"|(?i:clinician|therapist|physiotherapist|physio|practitioner)\s*:)"
    # "Posted 14 May 2024 by ...", "Published on May 2, 2024 by ..."
    r"|(?i:posted|published|written|updated)(?:\s+(?i:on))?\s+[\w ,.]{1,30}?\s+(?i:by))"
    # The writer's role may come first: "By Coach Jo Lee", "By Physiotherapist, Jo Lee".
    rf"\s+(?:(?i:coach|physio(?:therapist)?|physical\s+therapist|(?:personal\s+)?trainer)\s*,?\s+)?"
    rf"(?P<name>{_NAME}){_AFTER_NAME}"
)
# A blog template's writer line, the picture's alt text glued to the name ("Writer's pictureJo Lee"); the one
# writer's line that may give a first name alone.
_PICTURED_WRITER_RE = re.compile(rf"^\W*(?i:writer'?s\s+picture)\s*(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\s*$")
_BYLINE_RE = re.compile("^" + _BYLINE_BODY)
# A byline as one item of a bar: "Video notes | Written by Jo Lee, DPT | 12 min".
_BYLINE_ITEM_RE = re.compile(r"\s[|\u00b7\u2022]\s+" + _BYLINE_BODY)
# A byline set after the title by a dash on the title's own line ("Warm Up For Runners – By Jo Lee, Physio").
_TITLE_BYLINE_RE = re.compile(r"\s[\u2013\u2014-]\s+" + _BYLINE_BODY)
# The lead of a byline whatever the name's form ("Asked by runner_jo"): the line above is the title.
_BYLINE_LEAD_RE = re.compile(r"^\W*(?:asked|posted|written|published|submitted|started|answered|prepared|programmed|designed|created"
                             r"|presented|hosted)"
                             r"\s+by\s*:?\s+\S", re.I)
# A byline without "by": the name, a separator, then the writer's role or the date ("Jo Lee | Coach").
_NAME_LINE_RE = re.compile(rf"^(?:(?i:coach)\s+)?(?P<name>{_NAME})\s*(?:[|,\u00b7\u2022\u2013\u2014/-]|\s\s)\s*(?P<rest>\S.*)$")
# A month name or its abbreviation, as bylines and comment stamps write it ("March", "Sept.", not "Marching").
MONTH = rf"{MONTH_NAME}\b\.?"
# The pieces of a date as pages print them, for every date reader here and in line_names.
MONTH_DAY = rf"{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"  # "March 14th", "Feb 4"
DAY_MONTH = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}"  # "14 March", "2nd Feb."
NUMERIC_DATE = r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"  # "14/03/2023", "6.1.16"
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DATE_RE = re.compile(rf"\b(?:{MONTH_DAY}\b|{DAY_MONTH}(?:\s|$)|{NUMERIC_DATE}\b)", re.I)
# Bylines sit under the title, above the body: a "Name | date" line further down is a comment's
# header. The body starts at the first paragraph-length line.
_NAME_LINE_LIMIT = 20
_BODY_WORDS = 30
_ORG_WORD = r"(?:[A-Z][\w&'’.-]*|&|of|in|and|the|for|at)"


@lru_cache(maxsize=1)
def meta_lexicon() -> dict:
    return read_yaml(DATA_DIR / "meta.yaml")


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _topic_re() -> re.Pattern[str]:
    """A word a title is about: a routine, its kind, a body part, a move or its kit."""
    lex = meta_lexicon()
    return re.compile(rf"\b(?:{_alternation(lex['routine_words'] + lex['title_topic_words'])})\b", re.I)


@lru_cache(maxsize=1)
def _routine_topic_re() -> re.Pattern[str]:
    """A word that names a routine, not a body part or a move."""
    lex = meta_lexicon()
    return re.compile(rf"\b(?:{_alternation(lex['routine_words'] + lex['routine_heading_words'])})\b", re.I)


@lru_cache(maxsize=1)
def _role_end_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternation(meta_lexicon()['author_roles'])})$", re.I)


@lru_cache(maxsize=1)
def _nav_words() -> frozenset[str]:
    return frozenset(meta_lexicon()["navigation_words"])


# ---------------------------------------------------------------- page header

# A printed page's number ("Page 2 of 4", "Page 3", "2/4"): pages of a PDF handout end or start here.
_PAGE_MARK_RE = re.compile(r"\bpage\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\b|^\W*\d{1,3}\s*(?:/|of)\s*\d{1,3}\W*$", re.I)
_PAGE_MARK_HINT = AnyOf("page", "/", "of")
# Lines either side of a page mark that may be the page's running head or foot.
_RUNNING_SPAN = 3
_PAGE_MARK_WORDS = 12


def running_heads(lines: Sequence[Line]) -> set[int]:
    """Indices of the running heads and feet of a printed document: lines repeated word for word by two
    page breaks or more (the letterhead, the leaflet's title and reference printed on every page). The
    document's first and last lines count as by a break (page 1's head, the last page's foot). No routine
    text: a heading among them would split the routine at every page break."""
    marks = [i for i, line in enumerate(lines)
             if len(line.words) <= _PAGE_MARK_WORDS and _PAGE_MARK_HINT(line.text) and _PAGE_MARK_RE.search(line.text)]
    if len(marks) < 2:
        return set()
    n = len(lines)
    at_mark = set(marks)
    windows = [range(0, min(n, _RUNNING_SPAN)), range(max(0, n - _RUNNING_SPAN), n)]
    windows += [range(max(0, m - _RUNNING_SPAN), min(n, m + _RUNNING_SPAN + 1)) for m in marks]
    keys = [" ".join(line.text.lower().split()) for line in lines]
    near: dict[str, set[int]] = {}  # text -> the breaks it stands by
    seen_at: dict[str, set[int]] = {}  # text -> the lines where it does (a line of a short page is by two breaks)
    flagged: set[int] = set()
    for k, window in enumerate(windows):
        for j in window:
            if j not in at_mark:
                near.setdefault(keys[j], set()).add(k)
                seen_at.setdefault(keys[j], set()).add(j)
    repeated = {key for key, ks in near.items() if len(ks) >= 2 and len(seen_at[key]) >= 2}
    for key in repeated:
        flagged |= seen_at[key]
    return flagged


# Breadcrumb arrows: a title never has one between spaces ("Home › Blog", "Home > News").
_CRUMB_RE = re.compile(r"\s(?:\u203a|\u00bb|>|\u2192)\s")
# Separators of the items of a menu or breadcrumb ("A | B | C", "A · B", "Blog / Strength").
_ITEM_SEP_RE = re.compile(r"\s+[|\u00b7\u2022/]\s+")
# Menu items laid out with runs of spaces (tabs are spaces in the view): "Home   Blog   Contact".
_MENU_GAP_RE = re.compile(r" {2,}")
_SKIP_RE = re.compile(r"^(?:skip\s+to|jump\s+to|you\s+are\s+here)\b", re.I)
# Phone numbers of any country: three or more digit groups ("09 412 6630", "(02) 5550 1923").
_PHONE_RE = re.compile(r"\(?\+?\d{1,4}\)?(?:[\s.-]+\(?\d{2,5}\)?){2,}")


# A street address in the letterhead ("2nd Floor, 41 Harbour Road", "Suite 4, 12 Elm St."): never the title.
_ADDRESS_RE = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w'-]*\s+){1,3}(?i:road|rd|street|st|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|place|"
    r"court|ct|crescent|terrace|highway|hwy|parkway)\b|\b(?i:suite|unit)\s+\d+\b|\b\d+(?:st|nd|rd|th)\s+(?i:floor)\b")


def _has_phone(text: str) -> bool:
    return any(sum(c.isdigit() for c in m.group()) >= 8 for m in _PHONE_RE.finditer(text))


def is_navigation(text: str) -> bool:
    """A page-header line that is no content: skip link, menu, breadcrumb, phone or booking bar."""
    t = text.strip()
    if _SKIP_RE.match(t) or _CRUMB_RE.search(t):
        return True
    nav = _nav_words()
    if t.lower().strip(" :") in nav:
        return True
    items = _ITEM_SEP_RE.split(t)
    # Three items, or two starting with a menu word ("Blog / Strength"); "Site | Tagline" is left
    # for the title's choice between candidates.
    if len(items) >= 3 or len(items) == 2 and items[0].lower() in nav:
        return True
    menu = _MENU_GAP_RE.split(t)
    if len(menu) >= 2 and all(len(i.split()) <= 4 for i in menu) and (
            len(menu) >= 3 or any(i.lower() in nav for i in menu)):
        return True
    return len(t.split()) <= 12 and (_has_phone(t) or _ADDRESS_RE.search(t) is not None)


def byline_name(text: str, top: bool = True) -> re.Match[str] | None:
    """Match of a byline ("By Jo Lee, Coach", "Posted 3 May by Jo Lee", "Jo Lee | Coach", "Jo Lee, PT, DPT")
    with group "name".

    `top`: the line is near the title, where a "Name | role or date" line is a byline.
    """
    t = text.strip()
    m = _BYLINE_RE.match(t)
    if m and len(t.split()) <= 25:
        return m
    m = _credited_name(t)
    if m:
        return m
    if t[:1] in "Ww\u2022-*":
        m = _PICTURED_WRITER_RE.match(t)
        if m:
            return m
    if not top or len(t.split()) > 25:
        return None
    # An item of a bar: as long as a byline of its own may be ("Level: Easy | Time: 40 min | Designed by ...").
    m = _BYLINE_ITEM_RE.search(t) if ("|" in t or "\u00b7" in t or "\u2022" in t) else None
    if m:
        return m
    if len(t.split()) > 15:
        return None
    m = _NAME_LINE_RE.match(t)
    if m is None or _topic_re().search(m.group("name")):
        return None  # "Hill Moves | Kestrel Physio": a title and its site, not a writer and a role
    rest = m.group("rest")
    role_part = re.split(r"[|,\u00b7\u2022(]", rest, maxsplit=1)[0]
    # The role is what the writer is ("Senior Physiotherapist"), not a service ("Physio and Pilates").
    role = len(role_part.split()) <= 5 and _role_end_re().search(role_part.rstrip(" .:;"))
    return m if role or _DATE_RE.search(rest) else None


# A name and the letters after it, nothing else ("Jo Lee, PT, DPT", "Dr. Jo Lee DC").
_CREDITED_RE = re.compile(rf"^\W*(?P<name>{_NAME})(?P<letters>(?:\s*,?\s*[A-Z][A-Za-z.]{{0,7}})+)\W*$")
_LETTERS_SPLIT_RE = re.compile(r"[\s,]+")


@lru_cache(maxsize=1)
def _credentials() -> frozenset[str]:
    return frozenset(meta_lexicon()["credentials"])


def _credited_name(text: str) -> re.Match[str] | None:
    """A writer's signature: a name followed only by qualifications, wherever it stands on the page."""
    if len(text) > 80 or "," not in text and not any(w.isupper() and len(w) >= 2 for w in text.split()[1:]):
        return None
    m = _CREDITED_RE.match(text)
    if m is None:
        return None
    letters = [w.replace(".", "").lower() for w in _LETTERS_SPLIT_RE.split(m.group("letters")) if w]
    return m if letters and all(w in _credentials() for w in letters) else None


# Case-blind: a letterhead in capitals ends the same way ("NORTHSIDE RUNNING CO.").
_ABBREV_END = re.compile(r"\b(Co|Inc|Ltd|LLC|Corp|Dr|St|PT|DPT|PhD|Jr|Sr)\.$", re.I)


def is_titleish(line: Line, boiler: bool) -> bool:
    words = line.words
    text = line.text.rstrip()
    return (
        not boiler
        and not line.bullet
        and 1 <= len(words) <= 16
        and (not text.endswith(_SENT_END) or bool(_ABBREV_END.search(text)) and len(words) <= 6)
        and any(c.isalpha() for c in line.text)
    )


_FORM_WORD_RE = re.compile(r"[a-z]+")


def _form_heading(text: str) -> bool:
    """A heading made only of the words of a handout's form ("Home Exercise Programme", "Patient
    information"): the kind of document, not its topic."""
    words = _FORM_WORD_RE.findall(text.lower())
    return bool(words) and all(w in _form_words() for w in words)


@lru_cache(maxsize=1)
def _form_words() -> frozenset[str]:
    return frozenset(meta_lexicon()["form_heading_words"])


# Lines of the page's top searched for the title, and how many title-like lines are weighed.
_TITLE_SCAN = 15
_TITLE_CANDIDATES = 4


def _byline_line(text: str) -> bool:
    """A byline, whatever the writer's name looks like ("Asked by runner_jo · 3 weeks ago")."""
    return byline_name(text) is not None or _BYLINE_LEAD_RE.match(text) is not None


# A newsletter's or podcast's running number before the piece's own title ("Issue #12 – ...", "Ep. 4: ...").
_ISSUE_LEAD_RE = re.compile(r"^(?:issue|edition|episode|ep\.?|no\.|number|vol\.?|volume)\s*#?\s*\d{1,4}\s*[–—:|-]\s*(?=\S)", re.I)
# Quote marks around the whole title (a blog post titled with what someone said).
_QUOTED_TITLE_RE = re.compile(r'^(?:["“](?P<inner>[^"“”]+)["”]|‘(?P<single>[^‘’]+)’)$')


def clean_title(text: str) -> str:
    """The title line without what only frames it: an issue number before it, quote marks around all of it.
    A site's name after a bar stays: it is part of the title as the page prints it."""
    text = _ISSUE_LEAD_RE.sub("", text.strip(), count=1)
    m = _QUOTED_TITLE_RE.match(text)
    return (m.group("inner") or m.group("single")).strip() if m else text


# The last item of a title after a bar: "Marathon Prep Moves | Northway Physio" (a page's <title> as scraped).
_TITLE_SITE_RE = re.compile(r"^.+?\S\s+\|\s+(?P<site>[^|]+?)\s*$")
_TITLE_SITE_WORDS = 5


def title_site(text: str) -> str | None:
    """The site's name a title line ends with after a bar, or None. Only a name is a site: "Hips | Knees" or
    "Strength | Week 2" name none."""
    m = _TITLE_SITE_RE.match(text.strip()) if "|" in text else None
    if m is None:
        return None
    site = m.group("site")
    if len(site.split()) > _TITLE_SITE_WORDS or _site_name(site) is None or _form_heading(site):
        return None
    return site


# An e-mail's subject line: the newsletter's title is the heading that repeats it.
_SUBJECT_RE = re.compile(r"^\s*(?i:subject)\s*:\s*(?:(?i:re|fwd?)\s*:\s*)*(?P<subject>\S.*?)\s*$")


def _title_score(lines: list[Line], i: int, is_exercise: Callable[[str], bool], boiler: Sequence[bool] = (),
                 subject: str | None = None) -> int:
    """How title-like candidate `i` is: it names the article's topic and a byline follows it, not
    a site name (a business's name, the menu bar right under it)."""
    text = lines[i].text
    score = 2 if _topic_re().search(text) and not is_exercise(text) else 0
    words = text.split()
    if len(words) <= 6 and words[-1].lower() in _org_places():
        score -= 2
    if _form_heading(text) and any(is_titleish(line, False) and not _form_heading(line.text)
                                   for n, line in enumerate(lines[i + 1:i + 3], i + 1) if not _furniture(line, boiler, n)):
        # a handout's printed form heading ("HOME EXERCISE PROGRAMME") over the line naming the condition: that
        # line is the title, even when it names no topic word ("Shin Splints - Stage 2")
        score -= 3
    if i + 1 < len(lines) and lines[i + 1].gap == 0:
        if _contact_line(lines[i + 1].text):
            score -= 3  # a letterhead's name over its address or phone, whatever its words are about
        elif is_navigation(lines[i + 1].text):
            score -= 1
    # The byline sits under the title, at most a standfirst (a sentence, not a heading) away; form
    # fields and other page furniture between them do not count.
    after = [line for n, line in enumerate(lines[i + 1:i + 6], i + 1) if not _furniture(line, boiler, n)][:2]
    if after and (_byline_line(after[0].text) or len(after) == 2 and not is_titleish(after[0], False)
                  and _byline_line(after[1].text)):
        score += 3  # the strongest sign: outweighs a title that ends like a business name ("... the Gym")
    if subject is not None and text.strip().lower() == subject.lower():
        score += 3
    return score


# A line that is only a date ("14 March, 2023", "March 14 2023"): when the post went up, never its title; also
# with the post's categories after a separator ("June 2, 2021 • Training, Injury").
DATE_LINE_RE = re.compile(
    # Said as what happened then: "Published August 10, 2020", "Last updated: 6-Jan-16", "Posted on Feb 16".
    r"\W*(?:(?:(?:last\s+)?updated|published|posted|date)(?:\s+on)?\s*:?\s*"
    rf"(?={MONTH_DAY}\b(?!,?\s+\d{{4}})){MONTH_DAY}\W*$|"
    r"(?:(?:(?:last\s+)?updated|published|posted|date)(?:\s+on)?\s*:?\s*)?"
    rf"(?:{WEEKDAY},?\s+)?(?:{DAY_MONTH},?\s+\d{{4}}|{MONTH_DAY},?\s+\d{{4}}|{NUMERIC_DATE}|\d{{1,2}}-{MONTH}-\d{{2,4}})"
    # then the post's categories, after a separator or not ("June 2, 2021 • Training", "09 May 2024 Training")
    r"(?:\s*[\u2022|\u00b7][^.!?]{0,120}|\s+(?-i:[A-Z][\w&-]*(?:\s+[A-Z][\w&'-]*){0,3})\W*|\W*))", re.I)
# A date laid out a piece a line by a blog theme: the month, the day, the year alone.
_DATE_PIECE_RE = re.compile(rf"\W*(?:{MONTH_NAME}\.?|\d{{1,2}}|(?:19|20)\d\d)\W*", re.I)
_LEADS_ON_RE = re.compile(r"\b(?:the\s+following|below)\b", re.I)
# Prose lines looked past, at the top, for a title under them; the last line it may be on, and its fewest words.
_TITLE_PROSE_SKIP = 2
_UNDER_PROSE_LINE = 5
_UNDER_PROSE_WORDS = 3
# A heading of the body, not the page: an explanation ("Why balance exercises matter", "How to warm up") or a
# link ("Read more >>"); advice ("Key points for your workout") is the structure lexicon's advice_heads.
_BODY_HEADING_RE = re.compile(r"^\W*(?:why|how|what|when)\b|.*(?:>>|\u00bb)", re.I)
def _title_under_prose(line: Line, is_exercise: Callable[[str], bool]) -> bool:
    """A heading under the page's opening prose that may be its title: it names a routine, and is no move, no
    numbered item or part, and no heading of the body (an explanation, advice, a link)."""
    text = line.text
    return (len(line.words) >= _UNDER_PROSE_WORDS and not is_exercise(text) and _routine_topic_re().search(text) is not None
            and not _LIST_MARK_RE.match(text) and not PART_LABEL_RE.match(text) and not _BODY_HEADING_RE.match(text)
            and not (text.lower().lstrip(" *#-") + " ").startswith(_advice_heads()))


@lru_cache(maxsize=1)
def _advice_heads() -> tuple[str, ...]:
    return tuple(w.lower() + " " for w in structure_lexicon()["advice_heads"])


# A list number or an item's label before a heading: "1.", "A1)", "Exercise 2:", "Routine 1:" (a part's label,
# "Circuit 2", is PART_LABEL_RE's).
_LIST_MARK_RE = re.compile(r"^\W*(?:[A-Z]?\d{1,2}\s*[.):]|(?i:exercise|step|week|routine|session|option|round)\s*\d)")
# What a question used as the page's title may have at most.
_QUESTION_TITLE_WORDS = 12
# What a menu item laid out as a bullet has at most.
_MENU_ITEM_WORDS = 3
# What an exclaimed title has at least: shorter ones are greetings.
_EXCLAIMED_TITLE_WORDS = 4


def _body_line(text: str) -> bool:
    """A title-like line of the body, never the title: a lead-in to what follows ("Grab the plan here:"),
    two sentences in a line, or a label and its value ("Targets: hips, glutes")."""
    text = text.strip()
    if text.endswith(":") or INNER_STOP_RE.search(text):
        return True
    return _label_value(text)


def _label_value(text: str) -> bool:
    """A label and its value ("Targets: hips, glutes", "Plan length: 6 weeks")."""
    head, colon, rest = text.partition(":")
    return bool(colon) and bool(rest.strip()) and head.strip().lower() in _label_words()


@lru_cache(maxsize=1)
def _label_words() -> frozenset[str]:
    return frozenset(w.lower() for w in structure_lexicon()["label_prefixes"])


def _opening_question(lines: list[Line], boiler: list[bool], i: int) -> bool:
    """A short question or exclamation opening the page, prose under it ("Can I run with shin splints?",
    "Run your fastest mile with these 4 moves!"): the title asked or called out (a blog post's or an FAQ's),
    not a sentence inside the body."""
    line = lines[i]
    text = line.text.strip()
    if line.bullet or not text.endswith(("?", "!")) or len(line.words) > _QUESTION_TITLE_WORDS or INNER_STOP_RE.search(text):
        return False
    if text.endswith("!") and len(line.words) < _EXCLAIMED_TITLE_WORDS:
        return False  # a greeting ("Good morning!", "Hi all!"), not what the page is about
    before = [n for n in range(i) if not (n < len(boiler) and boiler[n]) and not DATE_LINE_RE.fullmatch(lines[n].text)
              and not is_navigation(lines[n].text)]
    return not before and i + 1 < len(lines) and not is_titleish(lines[i + 1], False)


def find_title(lines: list[Line], boiler: list[bool], limit: int = _TITLE_SCAN,
               is_exercise: Callable[[str], bool] = lambda text: False) -> Line | None:
    """The title among the title-like lines at the top, past the site's header lines.

    Site names and taglines are title-like too: the candidate naming the topic or sitting over a
    byline wins, the first one on a tie.
    """
    candidates: list[int] = []
    subject = None
    skipped = 0
    for i, (line, is_boiler) in enumerate(zip(lines[:limit], boiler[:limit])):
        if is_boiler or is_navigation(line.text):
            if subject is None and line.text.lstrip()[:1] in "Ss":
                m = _SUBJECT_RE.match(line.text)
                subject = m.group("subject") if m else None
            continue
        if DATE_LINE_RE.fullmatch(line.text) or _DATE_PIECE_RE.fullmatch(line.text):
            continue  # the post's date over or under its title, whole or a piece a line ("March" / "14"): furniture
        if byline_name(line.text) or candidates and name_over_stamp(lines, i):
            if candidates:
                break  # the byline: the title is above
            continue  # a theme that prints the writer over the post's title
        if not candidates and _opening_question(lines, boiler, i):
            candidates.append(i)
            continue
        if not candidates and line.bullet and len(line.words) <= _MENU_ITEM_WORDS:
            continue  # a menu laid out as a list ("• Home", "• Posts") over the title
        if not is_titleish(line, False) or _body_line(line.text):
            # Prose, or a title written as a sentence or question right over its byline (a forum thread).
            # A label's value over the byline ("Plan length: 6 weeks") is a fact of the plan, not its title.
            if (not line.bullet and len(line.words) <= _TITLE_SENTENCE_WORDS and _byline_below(lines, boiler, i)
                    and not _label_value(line.text.strip())):
                candidates.append(i)
            elif not candidates and skipped < _TITLE_PROSE_SKIP and not _LEADS_ON_RE.search(line.text):
                # A promotion, notice or teaser over the title ("Try us for 30 days ..."): look past it. Prose that
                # points on to what follows ("The following exercises ...") has begun the routine.
                skipped += 1
                continue
            break
        if skipped and not candidates and (i > _UNDER_PROSE_LINE or not _title_under_prose(line, is_exercise)):
            # Under prose, only a heading naming the topic near the top is the title: the routine's own
            # headings ("The Workout", "1. Split squat") follow an intro further down.
            break
        candidates.append(i)
        if len(candidates) == _TITLE_CANDIDATES:
            break
    scores = {i: _title_score(lines, i, is_exercise, boiler, subject) for i in candidates}
    best = max(candidates, key=lambda i: (scores[i], -i)) if candidates else None
    if best is None or scores[best] <= 0:
        # Nothing at the top reads as this article's title (a mailing's masthead, a club's name): the piece
        # may sit further down under its own heading and byline, as in a newsletter.
        later = _titled_piece(lines, boiler, is_exercise)
        if later is not None:
            return lines[later]
    if best is None:
        return None
    return lines[_fuller_title(lines, best)]


# What an opening headline may have at most: the words of a title written as a sentence, and of one said in
# short pieces ("Run. Rest. Repeat.", "Sore knees? Try these!").
_HEADLINE_PIECES_WORDS = 10
# A paragraph under the headline, on the very next line, is at least this many times the headline's length.
_UNDER_HEADLINE_RATIO = 2
_WORD_RE = re.compile(r"[A-Za-z][\w'\u2019-]*")
# The small words a headline in title case leaves in lower case: a name's, and the longer sentence's few more.
_HEADLINE_SMALL = TITLE_CASE_SMALL | frozenset(("for", "at", "by", "from", "as", "is", "but", "nor", "vs"))
# Share of a title-cased line's other words that begin with a capital.
_TITLE_CASE_SHARE = 0.6
# An opening question about the topic ("How to strengthen your core...").
_TOPIC_QUESTION_RE = re.compile(r"^(?:how|why|what|which)\b", re.I)


@lru_cache(maxsize=1)
def _counted_offer_re() -> re.Pattern[str]:
    """A headline counting what it offers ("3 progressive exercises for ...", "7 stretches to ..."): a number,
    then a word of the title's topic within the next few words."""
    lex = meta_lexicon()
    return re.compile(rf"^\d{{1,2}}\s+(?:[\w'-]+\s+){{0,2}}(?:{_alternation(lex['routine_words'] + lex['title_topic_words'])})\b",
                      re.I)


def _title_cased(text: str) -> bool:
    """Most words but title case's small ones begin with a capital ("Six Moves That Keep You Upright."), as a
    headline is written and a sentence is not."""
    words = [w for w in _WORD_RE.findall(text) if w.lower() not in _HEADLINE_SMALL]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= _TITLE_CASE_SHARE * len(words)


def _headline_shaped(text: str) -> bool:
    """Written as a headline, whatever its last stop: title case, a count of what is offered, or a question about
    the topic. Prose at the top ("Good morning!", "The following exercises will help.") is none of these."""
    if _title_cased(text) or _counted_offer_re().match(text):
        return True
    return _TOPIC_QUESTION_RE.match(text) is not None and _topic_re().search(text) is not None


def opening_headline(lines: Sequence[Line], boiler: Sequence[bool],
                     is_exercise: Callable[[str], bool] = lambda text: False) -> Line | None:
    """The page's first line of text when it stands as a headline though written as a sentence ("Stretches
    For Runners.", "Which muscles carry you through a marathon?"): the title of a page where no line passes
    `find_title`'s tests, which take a line ending like a sentence for prose.

    The line is shaped as a headline, stands alone (a blank line under it, or a paragraph at least twice as
    long), is no list item, move or lead-in, and is short: a single sentence, or short pieces."""
    for i, line in enumerate(lines[:_TITLE_SCAN]):
        text = line.text.strip()
        # boilerplate takes in a picture's file name left where the picture was ("Hip drills.PNG")
        if (i < len(boiler) and boiler[i]) or is_navigation(text) or DATE_LINE_RE.fullmatch(text) \
                or not any(c.isalpha() for c in text):
            continue
        words = len(line.words)
        if (line.bullet or words > _TITLE_SENTENCE_WORDS or text.endswith((":", ",", ";")) or not _headline_shaped(text)
                or _LIST_MARK_RE.match(text) or is_exercise(text) or byline_name(text)
                or INNER_STOP_RE.search(text.rstrip(".!?")) and words > _HEADLINE_PIECES_WORDS):
            return None
        if i + 1 < len(lines):
            nxt = lines[i + 1]
            if nxt.gap == 0 and len(nxt.words) < _UNDER_HEADLINE_RATIO * words:
                return None  # a line of a paragraph or of a list, not a headline over one
        return line
    return None


# How far down a newsletter's piece (a heading over a "by" line) is looked for.
_PIECE_SCAN = 80


def _titled_piece(lines: list[Line], boiler: Sequence[bool],
                  is_exercise: Callable[[str], bool]) -> int | None:
    """The first heading that names the topic right over an explicit byline ("TRAINING TIPS: ...", then
    "by Jo Lee, Head Coach") in the page's first lines, when no exercise is named above it."""
    for i in range(min(len(lines), _PIECE_SCAN) - 1):
        line = lines[i]
        if i < len(boiler) and boiler[i] or not is_titleish(line, False):
            continue
        if is_exercise(line.text):
            return None  # the routine has begun: a heading further down is one of its parts
        nxt = lines[i + 1]
        if nxt.gap == 0 and _BYLINE_RE.match(nxt.text.strip()) and _topic_re().search(line.text):
            return i
    return None


# Lines looked at, past the byline, for a fuller form of a handout's title.
_FULLER_SCAN = 4


def _fuller_title(lines: list[Line], best: int) -> int:
    """A handout's title given generically over the byline ("EXERCISE SHEET") and in full under it
    ("Ankle Sprain Recovery - Exercise Sheet"): the full one."""
    short = " ".join(lines[best].text.lower().split())
    for n in range(best + 1, min(len(lines), best + 1 + _FULLER_SCAN)):
        line = lines[n]
        full = " ".join(line.text.lower().split())
        if len(full) > len(short) and _joined_part(full, short) and is_titleish(line, False):
            return n
    return best


_PART_SEP = "-\u2013\u2014:|"


def _joined_part(full: str, short: str) -> bool:
    """`full` is `short` and more, set apart by a dash, colon or bar ("Ankle Sprain Recovery - Exercise Sheet"):
    a sentence ending with the same words ("Today's topic is strength for runners") is not the title in full."""
    if full.endswith(short):
        return full[:-len(short)].rstrip()[-1:] in _PART_SEP
    if full.startswith(short):
        return full[len(short):].lstrip()[:1] in _PART_SEP
    return False


# A title written as a sentence ("Is lifting worth it for a 5K? Asking for a beginner.") is short.
_TITLE_SENTENCE_WORDS = 20


def _byline_below(lines: list[Line], boiler: list[bool], i: int) -> bool:
    """The next line that is not page furniture is a byline."""
    for n in range(i + 1, min(len(lines), i + 4)):
        if not _furniture(lines[n], boiler, n):
            return _byline_line(lines[n].text)
    return False


def _furniture(line: Line, boiler: Sequence[bool], n: int) -> bool:
    """Page furniture between a title and its byline (form fields, a share bar); a byline that reads
    as boilerplate ("By Jo Lee · 6 min read") is still the byline."""
    return n < len(boiler) and boiler[n] and not _byline_line(line.text)


def _org_phrase(text: str, start: int) -> str | None:
    """Longest title-case phrase starting at `start` that ends on an organisation head word."""
    heads = _org_heads()
    tokens = re.findall(r"[A-Za-z][\w&'’.-]*|&", text[start:start + 120])
    best = None
    phrase: list[str] = []
    for tok in tokens[:8]:
        if not (tok[0].isupper() or tok in {"&", "of", "in", "and", "the", "for"}):
            break
        phrase.append(tok)
        if tok[0].isupper() and len(phrase) >= 2 and (tok.lower().rstrip(".,") in heads or best is None):
            best = " ".join(phrase)
    return best if best and any(w.lower().rstrip(".,") in heads for w in best.split()) else None


_ORG_CUES = [
    # "founder of X", "a Consultant Physiotherapist at the X Clinic": the writer's workplace
    re.compile(r"\b(?i:founder|owner|director|co-founder|head coach|physiotherapist|physical therapist|coach|physician"
               r"|chiropractor|podiatrist|osteopath) (?:of|at) (?:the )?(?=[A-Z])"),
    re.compile(r"(?:^|[.!?]\s+)At (?=[A-Z])", re.M),
    re.compile(r"\b(?:here at|team at|we at|us at|visit us at|welcome to) (?=[A-Z])", re.I),
]
# Each cue with the words one of which every match of it contains ("founder", "At ", "welcome to"...):
# most articles have none of a cue's words, and substring tests rule it out faster than a scan.
_GATED_ORG_CUES = [(literal_gate(rx), rx) for rx in _ORG_CUES]


# A name line of the page header: capitalised words and the small words of names ("Balance in Motion").
_SITE_NAME_RE = re.compile(r"^[A-Z][\w'&.-]*(?:\s+(?:[A-Z0-9][\w'&.-]*|&|\+|of|in|on|and|the|for|at|to)){0,7}$")
# A coined brand word with a capital inside ("PaceHive", "RunNest"): a name, whatever its words are about.
_BRAND_WORD_RE = re.compile(r"\b[A-Z][a-z]+[A-Z][a-z]")


@lru_cache(maxsize=1)
def _org_places() -> frozenset[str]:
    return frozenset(meta_lexicon()["organization_places"])


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    return frozenset(h.lower() for h in structure_lexicon()["organization_heads"])


@lru_cache(maxsize=1)
def _org_words() -> frozenset[str]:
    """Every word a business's name may end on: its head words and its place words."""
    return _org_heads() | _org_places()


@lru_cache(maxsize=1)
def _company_suffixes() -> frozenset[str]:
    return frozenset(w.lower() for w in meta_lexicon()["company_suffixes"])


def _site_name(text: str) -> str | None:
    """`text` when it reads as a site or clinic name, not a section label ("Strength & Conditioning")."""
    text = text.strip()
    if not _SITE_NAME_RE.match(text) or text.lower() in _nav_words():
        return None
    if _topic_re().search(text) and text.split()[-1].lower() not in _org_places() and not _BRAND_WORD_RE.search(text):
        # "Peak Running Co. Journal": a company's name, then the part of its site
        m = _COMPANY_PREFIX_RE.match(text)
        return m.group("name") if m else None
    return text


# A name that ends on a company form before more words: the company is the name up to its form.
_COMPANY_PREFIX_RE = re.compile(r"(?P<name>.+?\s(?:Co\.|Company|Inc\.?|Ltd\.?|LLC|Limited))\s+\S")


_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


# Lower-case words a letterhead's contact line may have ("Tel", "hello@...", "or"): more make it a sentence
# ("Call us on ... to book an appointment"), a call to action that may follow a title.
_CONTACT_LOWER_WORDS = 2


def _contact_line(text: str) -> bool:
    """A letterhead's contact line: a phone number, street address or e-mail address, not a sentence."""
    if sum(1 for w in text.split() if w[:1].islower() and "@" not in w) > _CONTACT_LOWER_WORDS:
        return False
    return _has_phone(text) or _ADDRESS_RE.search(text) is not None or "@" in text and _EMAIL_RE.search(text) is not None


def _letterhead_name(header: Sequence[Line], n: int) -> str | None:
    """A name line right over the contact line of a letterhead: the practice's name even when its words
    are about training ("NORTHSIDE PHYSIO & REHAB" over its address and phone)."""
    text = header[n].text.strip()
    if n + 1 >= len(header) or header[n + 1].gap != 0 or not _SITE_NAME_RE.match(text) or text.lower() in _nav_words():
        return None
    return text if _contact_line(header[n + 1].text) else None


def _continued_name(name: str, header: Sequence[Line], n: int) -> str:
    """The name with the line right under it when that line finishes it: a letterhead breaks a long
    name before its legal form ("Riverside Community Hospitals" / "Health Services Trust")."""
    if n + 1 >= len(header) or header[n + 1].gap != 0:
        return name
    nxt = header[n + 1].text.strip()
    words = nxt.split()
    if words and _SITE_NAME_RE.match(nxt) and words[-1].lower() in _org_continuations():
        return f"{name} {nxt}"
    return name


@lru_cache(maxsize=1)
def _org_continuations() -> frozenset[str]:
    return frozenset(meta_lexicon()["organization_continuations"])


def _header_organization(header: Sequence[Line]) -> str | None:
    """The site name of the page header (the lines above the title).

    A line of its own, else the first item of a header bar ("Name Clinic | Podiatry | Orthotics")
    when that item names a clinic or business.
    """
    heads = _org_heads()
    suffixes = _company_suffixes()
    bar_name = None
    for n, line in enumerate(header):
        if _credited_name(line.text.strip()):
            continue  # the writer's signature over the title ("Dr. Jo Lee DC"), not the site's name
        if not is_navigation(line.text):
            name = _site_name(line.text) or _letterhead_name(header, n)
            if name:
                return _continued_name(name, header, n)
        if bar_name is None:
            # "Name Clinic | Podiatry | Orthotics", "Name Supply Co. | Gear for runners": the bar's first item.
            first = _ITEM_SEP_RE.split(line.text.strip(), maxsplit=1)[0]
            if first != line.text.strip() and _site_name(first) and any(w.lower() in heads or w.lower() in suffixes
                                                                        for w in first.split()):
                bar_name = first
    return bar_name


# "© 2024 Name", "Copyright (c) 2019-2024 Name": the site's owner. The name stops at a full stop
# or separator ("... Clinic. All rights reserved", "... Club · Privacy").
_COPYRIGHT_RE = re.compile(
    r"(?:\u00a9|\((?i:c)\)|(?i:copyright))(?:\s*(?:\u00a9|\((?i:c)\)))?\s*(?:\d{4}(?:\s*[-/]\s*\d{2,4})?\s*,?\s*)?"
    # the name's words on the copyright's own line: a footer's next line ("FOLLOW US") is no part of it
    r"(?P<org>[A-Z][\w&'-]*(?:[ \t]+(?:[A-Z][\w&'-]*|&|of|and|the|for|in|at)){0,7})"
)
_COPYRIGHT_HINT = AnyOf("copyright", "(c)")  # or the sign itself (speed pre-filter)
_ALL_RIGHTS_RE = re.compile(r"\s+All(?:\s+Rights(?:\s+Reserved)?)?$", re.I)


def _copyright_organization(text: str) -> str | None:
    """The owner named in a copyright line, when it names a clinic or business (not a person)."""
    if "\u00a9" not in text and not _COPYRIGHT_HINT(text):
        return None
    heads = _org_heads()
    suffixes = _company_suffixes()
    for m in _COPYRIGHT_RE.finditer(text):
        words = _ALL_RIGHTS_RE.sub("", m.group("org")).split()
        while words and words[-1].lower() in suffixes | {"&", "of", "and", "the", "for", "in", "at"}:
            words.pop()
        if len(words) >= 2 and any(w.lower() in heads for w in words):
            return " ".join(words)
    return None


def _copyright_owner(text: str) -> str | None:
    """The name a copyright line gives, whatever it is."""
    if "\u00a9" not in text and not _COPYRIGHT_HINT(text):
        return None
    m = _COPYRIGHT_RE.search(text)
    return " ".join(_ALL_RIGHTS_RE.sub("", m.group("org")).split()) if m else None


@lru_cache(maxsize=1)
def _is_a_re() -> re.Pattern[str]:
    """ "<Name> is a <few lower-case words> clinic": the name at a sentence start, before "is a".

    The words between are lower-case descriptors only, so "Jo Lee is a coach at Peak Club" (a person
    working at a club) does not match.
    """
    kinds = _alternation(meta_lexicon()["organization_kinds"])
    return re.compile(
        r"(?:^|(?<=[.!?]\s))(?P<org>[A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|&|of|and|the|for|in|on)){0,6}?)"
        rf"\s+is\s+an?\s+(?:(?!(?:at|of|in|with|for|and)\b)[a-z-]+\s+){{0,4}}(?:{kinds})\b",
        re.M,
    )


@lru_cache(maxsize=1)
def _is_a_hint() -> AnyOf | None:
    """The kinds of business, one of which every match of _is_a_re names: " is a " would miss "is  a" or a
    line break inside the phrase, which the pattern's \\s+ takes."""
    return literal_gate(_is_a_re())


@lru_cache(maxsize=1)
def _acting_org_re() -> re.Pattern[str]:
    """A business as a sentence's subject, named by its place word, doing what businesses do ("Northway
    Physiotherapy offers ...", "Peak Chiropractic focuses on ...")."""
    places = _alternation(meta_lexicon()["organization_places"])
    verbs = _alternation(meta_lexicon()["organization_verbs"])
    return re.compile(
        r"(?:^|(?<=[.!?]\s))(?P<org>[A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|&|of|and|the|for)){0,5}?"
        rf"\s+(?i:{places}))\s+(?:{verbs})\b", re.M)


def _acting_organization(text: str) -> str | None:
    """The first business named as the subject of what it does, when one of its words is its own: "Sports
    Physiotherapy helps runners" names a field, not a business."""
    heads = _org_words()
    for m in _acting_org_re().finditer(text):
        words = m.group("org").split()
        if any(w.lower() not in heads and w[0].isupper() for w in words[:-1]):
            return m.group("org")
    return None


def _is_a_organization(text: str) -> str | None:
    hint = _is_a_hint()
    if hint is not None and not hint(text):
        return None
    m = _is_a_re().search(text)
    return m.group("org") if m else None


# A byline's name and what follows it, up to the line's end ("By Jo Lee, PT, Harbour Run Coaching").
_BYLINE_TAIL_RE = re.compile(r"(?m)^[ \t]*" + _BYLINE_BODY + r"[ \t]*,(?P<tail>[^\n]*)")
# Every match holds one of the byline's lead words ("by", "author", "clinician", ...), read from the pattern so
# that a lead added to _BYLINE_BODY is never skipped here (re.I: the leads are matched in any case).
_BYLINE_TAIL_HINT = AnyOf(*required_literals(_BYLINE_TAIL_RE.pattern, re.I))
_TAIL_SPLIT_RE = re.compile(r"[,|(\u00b7\u2022]")
_ORG_PART_RE = re.compile(r"^[A-Z][\w&'.-]*(?:\s+(?:[A-Z][\w&'.-]*|&|of|and|the|for|in|at)){1,6}$")


def _byline_organization(text: str) -> str | None:
    """The business a byline names after the writer ("From the desk of Jo Lee, Harbour Run Coaching"):
    a part of the tail that is a capitalised name ending on a business word, not the writer's role."""
    if not _BYLINE_TAIL_HINT(text):
        return None
    heads = _org_words()
    m = _BYLINE_TAIL_RE.search(text[:3000])  # bylines sit at the top
    if m is None:
        return None
    for part in _TAIL_SPLIT_RE.split(m.group("tail")):
        part = part.strip()
        if _ORG_PART_RE.match(part) and part.split()[-1].lower() in heads:
            return part
    return None


# "At Northway Physio, we ...", "Here at RunLab we ...", "At Peak Clinic in Leeds, our physios ...": the business
# the writer speaks for, whatever its words. The name stays on one line; a place after "in" is left out.
_AT_WE_RE = re.compile(
    r"(?:^|(?<=[.!?])\s+|\b(?i:here)\s+)(?i:at)\s+(?P<org>[A-Z][\w&'\u2019.-]*(?:[ \t]+(?:[A-Z][\w&'\u2019.-]*|&|of|and|the|for)){0,5})"
    r"(?:[ \t]+in[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?)?[ \t]*,?[ \t]+(?:we|our)\b", re.M)
_AT_WE_HINT = AnyOf(" we ", " we'", " we\u2019", " our ", ", we", ",we")
# Words that open a phrase of time or manner after "At", never a business's name ("At first, we ...").
_NOT_AN_ORG_START = frozenset({"home", "first", "last", "least", "times", "night", "this", "that", "the", "all", "some",
                               "once", "present", "rest", "work", "school", "our", "my", "your", "each", "every"})


def _we_organization(text: str) -> str | None:
    """The business named in "At <name>, we ..." (see _AT_WE_RE): a name of several words, or one that is
    written as a brand is (all capitals, a capital inside, or a business's word)."""
    if not _AT_WE_HINT(text):
        return None
    for m in _AT_WE_RE.finditer(text):
        words = m.group("org").rstrip(".").split()
        if not words or words[0].lower() in _NOT_AN_ORG_START:
            continue
        one = words[0]
        if len(words) > 1 or one.isupper() and len(one) > 1 or _BRAND_WORD_RE.search(one) or one.lower() in _org_words():
            return " ".join(words)
    return None


def find_organization(text: str, header: Sequence[Line] = (), title: str | None = None) -> str | None:
    """The publishing clinic or business: the site name over the title or after it (`title`, the title line's
    text), a copyright line, a byline's affiliation, then the phrases that name it in the text ("At X Clinic,
    we ...", "X Clinic is a sports injury clinic", "X Physiotherapy offers ...")."""
    org = _header_organization(header) or (title_site(title) if title else None)
    if org:
        owner = _copyright_owner(text)
        if owner and org.startswith(owner + " "):
            return owner  # "Name Community" over "(c) Name": the site's name, not the section's
        return org
    org = _copyright_organization(text) or _byline_organization(text) or _we_organization(text)
    if org:
        return org
    for gate, rx in _GATED_ORG_CUES:
        if gate is not None and not gate(text):
            continue
        for m in rx.finditer(text):
            org = _org_phrase(text, m.end())
            if org:
                return org.rstrip(".,")
    return _is_a_organization(text) or _acting_organization(text)


def publisher_byline(organization: str | None, author: str | None) -> tuple[str | None, str | None]:
    """(organization, author) with a byline signed by the business itself moved to the organisation:
    no person's name ends on "Clinic", "Physio" or "Club", so "Northway Physio · 3 May" is the publisher; nor
    has one a business's word ("By Health Loft", "Peak Fitness Studio")."""
    words = author.split() if author else []
    if len(words) >= 2 and (words[-1].lower().strip(".") in _org_places()
                            or any(w.lower() in _org_heads() for w in words)):
        return organization or author, None
    return organization, author



# A sign-off's name line: "Coach Jo Lee" signs as Jo Lee.
_SIGNED_NAME_RE = re.compile(rf"^(?:(?i:coach)\s+)?(?P<name>{_NAME})")
# A valediction and the writer's name on one line: "Cheers, Jo.", "Happy running, Jo Lee!".
_SIGNED_ON_LINE_RE = re.compile(rf"^[^,]+,\s*(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\s*[.!]?$")
# The line that opens a signature block by the mail and forum convention ("-- ").
_SIG_DELIMITER = "--"
# What follows the name on a signature's line: its end or a separator before the role.
_SIG_TAIL_RE = re.compile(r"\s*(?:$|[|,\u00b7\u2022(/-])")


def _signs_off(low: str, vale: tuple[str, ...]) -> bool:
    """A valediction line: "Cheers," or one that goes on ("See you at training,", "Happy running, all!").

    One that goes on ends on its comma or exclamation: without it the line is a heading that starts
    with the same word ("Best moves for sore knees" over a move's name is no sign-off)."""
    closed = low.endswith((",", "!"))
    low = low.rstrip(",!").strip()
    return low in vale or closed and len(low.split()) <= 5 and low.startswith(tuple(v + " " for v in vale))


# A line that is a name alone, maybe after a dash or bullet ("- Jo Lee").
_BARE_NAME_RE = re.compile(rf"^\W*(?P<name>{_NAME})\s*$")
# A post's reading time ("3 min read", "5 minute read").
_READ_TIME_RE = re.compile(r"\b\d{1,2}\s*min(?:ute)?s?\s+read", re.I)
# A month and day alone, as a post's stamp writes it under the writer ("- Feb 4").
_MONTH_DAY_RE = re.compile(rf"^\W*{MONTH_DAY}\W*$", re.I)


def _stamp(text: str) -> bool:
    """A post's date or reading time: what a blog prints right under the writer's name."""
    return bool(DATE_LINE_RE.fullmatch(text) or _READ_TIME_RE.search(text) or _MONTH_DAY_RE.match(text))


def name_over_stamp(lines: Sequence[Line], i: int) -> re.Match[str] | None:
    """A name alone on its line right over the post's date or reading time ("Jo Lee" / "3 min read · May 2"):
    the writer, as blog and publishing platforms lay it out."""
    if i + 1 >= len(lines) or lines[i + 1].gap > 1 or len(lines[i].words) > 4:
        return None
    m = _BARE_NAME_RE.match(lines[i].text)
    if m is None or any(w.lower() in _not_name_words() for w in m.group("name").split()):
        return None
    return m if _stamp(lines[i + 1].text) else None


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    return frozenset(meta_lexicon()["not_name_words"])


def find_author(lines: list[Line], original: str, title: Line | None = None) -> str | None:
    """The writer: the byline under the `title` line, else the first byline, "About the author" block or
    sign-off of the text (a mailing's earlier pieces may be signed by others)."""
    if title is not None:
        m = _TITLE_BYLINE_RE.search(title.text)
        if m:
            return original[title.start + m.start("name"): title.start + m.end("name")]
        for line in lines[title.index + 1:title.index + 3]:
            m = _BYLINE_RE.match(line.text.strip())
            if m:
                off = line.start + len(line.text) - len(line.text.lstrip())
                return original[off + m.start("name"): off + m.end("name")]
    lex = structure_lexicon()
    vale = tuple(v.lower() for v in lex["valedictions"])
    top = True
    for i, line in enumerate(lines):
        below_title = title is not None and i > title.index
        low = line.text.lower().strip()
        top = top and i < _NAME_LINE_LIMIT and len(line.words) <= _BODY_WORDS
        # Under the title only: a title over its date is two or three capitalised words too ("Hill Sprints").
        m = byline_name(line.text, top=top) or (name_over_stamp(lines, i) if top and below_title else None)
        if m:
            off = line.start + len(line.text) - len(line.text.lstrip())
            return original[off + m.start("name"): off + m.end("name")]
        if low.rstrip(":") in ("about the author", "about the writer", "meet the author") and i + 1 < len(lines):
            nxt = lines[i + 1]
            m = _NAME_RE.match(nxt.text)
            if m:
                return original[nxt.start: nxt.start + m.end("name")]
        if "," in low and low.split(",", 1)[0] in vale:
            # the valediction and the name on one line ("Cheers, Jo."), a first name alone too
            m = _SIGNED_ON_LINE_RE.match(line.text.strip())
            if m:
                off = line.start + len(line.text) - len(line.text.lstrip())
                return original[off + m.start("name"): off + m.end("name")]
        if _signs_off(low, vale) and i + 1 < len(lines):
            nxt = lines[i + 1]
            m = _SIGNED_NAME_RE.match(nxt.text.strip())
            # "Thanks!" over a post's "Reply   Quote   Like" bar: buttons, not a name
            if m and len(nxt.words) <= 5 and not is_navigation(nxt.text):
                return original[nxt.start + m.start("name"): nxt.start + m.end("name")].strip()
        if low == _SIG_DELIMITER and i + 1 < len(lines):
            # A signature under its "--" line (mail and forum posts): the name, alone or before the
            # writer's role and club ("Jo Lee | Running coach | Harbour Striders").
            nxt = lines[i + 1]
            sig = nxt.text.strip()
            m = _SIGNED_NAME_RE.match(sig)
            if m and (len(nxt.words) <= 5 or _SIG_TAIL_RE.match(sig, m.end())):
                return original[nxt.start + m.start("name"): nxt.start + m.end("name")].strip()
    return _introduced_writer(lines, original) or _role_credited_writer(lines, original)


@lru_cache(maxsize=1)
def _role_credit_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A writer credited by their role: a signature line of the name and the role ("Jo Lee - Sports
    Physiotherapist", "Sam, Physio"), and a name given after its role in a sentence ("Our physiotherapist Jo Lee
    explains ...", "Created by sports physiotherapist Jo Lee").

    The signature's name may be a first name alone, as staff pages sign; the role ends the line, a few
    describing words before it."""
    roles = _alternation(meta_lexicon()["author_roles"])
    signature = re.compile(rf"^\W*(?P<name>{_NAME}|{_NAME_WORD})\s*(?:[-\u2013\u2014,|]\s*)(?:[\w&'-]+\s+){{0,3}}?(?i:{roles})\.?\s*$")
    sentence = re.compile(rf"\b(?:(?i:our)|(?i:by))\s+(?:[\w&'-]+\s+){{0,3}}?(?i:{roles})\s+(?P<name>{_NAME})\b")
    return signature, sentence


# Every match of the sentence pattern holds one of these (speed pre-filter: most lines have none).
_ROLE_SENTENCE_HINT = AnyOf("our ", "Our ", "by ", "By ", "BY ")
# The most words of a role's signature line.
_SIGNATURE_WORDS = 7


def _role_credited_writer(lines: Sequence[Line], original: str) -> str | None:
    """The writer a signature line or a role's sentence credits (see _role_credit_res)."""
    signature, sentence = _role_credit_res()
    for line in lines:
        text = line.text
        m = signature.match(text) if len(line.words) <= _SIGNATURE_WORDS else None
        if m is None and _ROLE_SENTENCE_HINT(text):
            m = sentence.search(text)
        if m is None:
            continue
        name = m.group("name")
        # a move's or a business's name before a role ("Glute Bridge - Physio") is no writer's
        if (not any(w.lower() in _not_name_words() or w.lower() in _org_words() for w in name.split())
                and _topic_re().search(name) is None and not ends_with_head(norm_tokens(name))):
            return original[line.start + m.start("name"): line.start + m.end("name")]
    return None


_INTRODUCTION_HINT = AnyOf("my name is", " is a", " is an", " is our", " is the")
_MY_NAME_RE = re.compile(rf"\b(?i:my\s+name\s+is)\s+(?P<name>{_NAME})")


def _introduced_writer(lines: Sequence[Line], original: str) -> str | None:
    """The writer named by an introduction, when the page has no byline or sign-off."""
    for line in lines:
        if not _INTRODUCTION_HINT(line.text):
            continue
        text = line.text.lstrip()
        off = line.start + len(line.text) - len(text)
        m = _MY_NAME_RE.search(text) or _bio_re().match(text)
        if m:
            return original[off + m.start("name"): off + m.end("name")]
    return None


@lru_cache(maxsize=1)
def _bio_re() -> re.Pattern[str]:
    """A line opening with the writer and what they are: "Jo Lee is a physiotherapist at ...", "Jo Lee is a
    Strength & Conditioning Coach who ..." (the role within a few words of "is a")."""
    roles = _alternation(meta_lexicon()["author_roles"])
    return re.compile(rf"(?P<name>{_NAME})\s+is\s+(?i:an?|our|the)\s+(?:[\w&'-]+\s+){{0,5}}?(?i:{roles})\b")
