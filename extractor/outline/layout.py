"""Layout: paragraphs, the document title, and where the report's body begins and ends.

Scraped pages carry toolbars and metadata above the title and glossaries or related links
below the report; documents converted from databases lost their line breaks and mark
paragraphs only by a run of indent spaces.  This module finds those boundaries without
moving a single offset: everything works on the folded copy (extractor/text/fold.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractor.context import Context
from extractor.rules.loader import default_rules, marker_alternation
from extractor.rules.records import NEVER, RuleSet
from extractor.text.fold import fold

TITLE_MAX = 60
#: The longest part marker a wide space may follow without breaking the paragraph (第十二部分).
PART_MARKER_MAX = 8


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph: ``start`` is its first non-space character, ``end`` excludes trailing space."""

    start: int
    end: int
    line_start: bool  # begins a line (True) or follows an indent inside a line (False)
    markup: bool = False  # a heading by markdown (`# 工作总结`, or a line underlined `====`)


@dataclass(frozen=True, slots=True)
class Layout:
    """The title and body bounds of one document."""

    title: str
    title_start: int
    title_end: int
    body_start: int
    body_end: int
    paragraphs: tuple[Paragraph, ...]
    date: str = ""  # YYYY-MM-DD from a page's metadata header or the dateline, else ""


class _Compiled:
    def __init__(self, rules: RuleSet) -> None:
        def whole_line(key: str) -> regex.Pattern[str]:
            return regex.compile(f"(?:{rules.vocab(key).alternation()})\\Z")

        self.clutter = whole_line("layout.clutter")
        self.clutter_start = regex.compile(rules.vocab("layout.clutter").alternation())
        self.clutter_boundary = regex.compile(rules.vocab("layout.clutter_boundary").pattern)
        self.title_break = regex.compile(rules.vocab("layout.title_break").pattern)
        self.title_field = regex.compile(rules.vocab("layout.title_field").pattern)
        self.spaced_title = regex.compile(rules.vocab("layout.spaced_title").pattern)
        self.spaced_label = regex.compile(rules.vocab("layout.spaced_label").pattern)
        self.title_note = regex.compile(rules.vocab("layout.title_note").pattern)
        self.column_name = regex.compile(rules.vocab("layout.column_name").pattern)
        self.table_header = regex.compile(rules.vocab("layout.task_table_header").pattern)
        self.official_title = regex.compile(rules.vocab("layout.official_title").pattern)
        self.end_matter = whole_line("layout.end_matter")
        self.page_tools = whole_line("layout.page_tools")
        self.glued_notes = regex.compile(rules.vocab("layout.glued_notes").pattern)
        self.attachment = regex.compile(rules.vocab("layout.attachment").pattern)
        self.task_columns = regex.compile(rules.vocab("layout.task_columns").pattern)
        self.list_title = regex.compile(rules.vocab("layout.list_title").pattern)
        self.list_word = regex.compile(fragment(rules, "list_word"))
        self.heading = regex.compile(rules.template("heading_marker"))
        self.stop_title = regex.compile(rules.vocab("layout.address").pattern)
        # a line that opens as a heading does (on the folded text): never the title
        self.marker = regex.compile(r"\s*(?:" + rules.template("heading_marker") + ")")
        # a part marker (第一部分) before the wide space that sets off its title
        parts = [r for r in rules.of("section") if r.attrs.get("tier") == "part"]
        # …where it ends the text before that space (…如下。第一部分　2024年工作回顾)
        self.part_marker = regex.compile(f"(?:{marker_alternation(parts)})$")
        # a heading's or a measure's marker that opens a stretch (after no word nor digit)
        # and that a web page's &nbsp; or a wide space sets off from its title: `1.&nbsp;…`,
        # `一、　…`, `一是&nbsp;…`; never a paragraph of its own (not a bare numeral: 一　…)
        spaced = [r for r in rules.of("section") if not r.attrs.get("alone")]
        spaced += rules.of("measure")
        spaced = [r for r in spaced if r.attrs.get("marker", True)]
        self.spaced_marker = regex.compile(
            f"(?<![\\p{{N}}A-Za-z])(?:{marker_alternation(spaced)})\\s*$"
        )
        self.separator = regex.compile(rules.vocab("layout.body_separator").pattern)
        self.markup_heading = regex.compile(rules.vocab("layout.markup_heading").pattern)
        self.markup_underline = regex.compile(rules.vocab("layout.markup_underline").pattern)
        # where either opens a line: sought once over a text, not tried at every line
        self.markup_line = regex.compile(
            f"^(?:{self.markup_heading.pattern}|{self.markup_underline.pattern})", regex.M
        )
        self.date = regex.compile(rules.vocab("layout.date").alternation())
        self.starters = regex.compile(rules.vocab("layout.sentence_starters").alternation())
        self.genre = regex.compile(rules.vocab("kind.document.genre").alternation())
        self.body_opener = regex.compile(
            rules.vocab("layout.body_opener").alternation() + "|" + rules.template("heading_marker")
        )
        self.title_follower = regex.compile(rules.vocab("layout.title_follower").alternation())
        self.joined_title = regex.compile(rules.vocab("layout.joined_title").pattern)
        self.dated_title = regex.compile(rules.vocab("layout.dated_title").pattern)


def fragment(rules: RuleSet, name: str) -> str:
    """A template's fragment, or a pattern that never matches where the rules have none (a
    user's rule directory of its own)."""
    return str(rules.map("templates").get(name, NEVER))


def compiled(rules: RuleSet) -> _Compiled:
    """The layout patterns of a rule set, compiled once."""
    return rules.compiled("layout", _Compiled)


#: A paragraph break inside a line: two or more spaces (after the fold, U+3000 and friends
#: too), one space after a sentence end, or one wide space (U+3000, U+2003…) in the original.
#: Not a lone zero-width space (U+200B): invisible, it is no indent, and a page's break left
#: it inside a word (…一份人⏎U+200B⏎民满意…: flattened, 人U+200B民).
_BREAK = regex.compile(r"[ ]{2,}|(?<=[。！？!?])[ ]|[ ]")
_WIDE_SPACES = frozenset("\u3000\u2003\u2002\u00a0")


def find_paragraphs(
    text: str,
    folded: str,
    start: int = 0,
    end: int | None = None,
    *,
    rules: RuleSet | None = None,
) -> list[Paragraph]:
    """Split ``text[start:end]`` into paragraphs at line breaks and at indent runs."""
    comp = compiled(rules or default_rules())
    end = len(text) if end is None else end
    paragraphs: list[Paragraph] = []
    markup = {m.start() for m in comp.markup_line.finditer(folded, start, end)}
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        if pos not in markup:
            _split_line(text, folded, pos, line_end, paragraphs, comp)
            pos = line_end + 1
            continue
        # markdown: `# 工作总结` is the heading 工作总结; `====` under a line, no paragraph
        rule = comp.markup_underline.match(folded, pos, line_end)
        if rule is not None and not folded[rule.end() : line_end].strip():
            last = paragraphs[-1] if paragraphs else None
            if last is not None and last.line_start and text.count("\n", last.end, pos) == 1:
                paragraphs[-1] = Paragraph(last.start, last.end, True, markup=True)
            pos = line_end + 1
            continue
        hashes = comp.markup_heading.match(folded, pos, line_end)
        count = len(paragraphs)
        _split_line(text, folded, hashes.end() if hashes else pos, line_end, paragraphs, comp)
        if hashes and len(paragraphs) == count + 1:
            paragraphs[-1] = Paragraph(paragraphs[-1].start, paragraphs[-1].end, True, True)
        pos = line_end + 1
    return paragraphs


def _split_line(
    text: str, folded: str, start: int, end: int, out: list[Paragraph], comp: _Compiled
) -> None:
    seg_start = start
    first = True
    for m in _BREAK.finditer(folded, start, end):
        before = max(seg_start, m.start() - PART_MARKER_MAX)
        if m.end() - m.start() == 1 and folded[m.start() - 1] not in "。！？!?":
            if text[m.start()] not in _WIDE_SPACES:
                continue
            if comp.part_marker.search(folded, before, m.start()):
                continue
        if comp.spaced_marker.search(folded, before, m.end()):
            continue  # 1.&nbsp;task, 一、　field: the marker and its title are one paragraph
        if m.start() > seg_start and comp.spaced_label.match(folded, m.start() - 1, end):
            continue  # 名　　称：, a field label spaced to align a table's cells
        _emit(folded, seg_start, m.start(), first, out)
        if m.start() > seg_start:
            first = False
        seg_start = m.end()
    _emit(folded, seg_start, end, first, out)


def _emit(folded: str, start: int, end: int, line_start: bool, out: list[Paragraph]) -> None:
    start = _past_space(folded, start, end)
    while end > start and folded[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Paragraph(start, end, line_start))


def _past_space(folded: str, pos: int, end: int) -> int:
    """The first position from ``pos`` (at most ``end``) that holds no space."""
    while pos < end and folded[pos].isspace():
        pos += 1
    return pos


def find_layout(ctx: Context) -> Layout:
    """Find the title, skip page clutter above it and cut trailing end matter."""
    text, folded, comp = ctx.text, ctx.folded, compiled(ctx.rules)
    paragraphs = find_paragraphs(text, folded, rules=ctx.rules)
    title, t_start, t_end, body_start = _find_title(text, folded, paragraphs, comp)
    for para in paragraphs[:CLUTTER_PARAGRAPHS] if not title else ():
        if not comp.clutter_start.match(folded, para.start):
            break  # clutter, then the title run on into the body: a page that lost its breaks
        title, t_start, t_end, body_start = _title_after_clutter(text, folded, para, comp)
        if title:
            break
    body_end = len(text)
    half = len(text) // 2
    for i, para in enumerate(paragraphs):
        if para.start > max(body_start, half) and para.line_start:
            line = folded[para.start : para.end].strip()
            if len(line) <= 40 and comp.end_matter.match(line):
                if _attached_list(folded, paragraphs[i : i + 2], comp, fold(title)):
                    continue  # 附件2 ⏎ …任务分工 ⏎ 一、…牵头单位：: the list the notice issues
                body_end = para.start
                break
            if (
                len(line) <= 40
                and comp.page_tools.match(line)
                and not _headed(paragraphs[i:], comp, folded)
            ):
                # 扫一扫在手机打开当前页, 上一篇：…: the page's, not the report's
                body_end = para.start
                break
    if body_end == len(text) and (notes := comp.glued_notes.search(folded, max(body_start, half))):
        body_end = notes.start()  # …新胜利！注释：1、…: a report's notes where the lines were lost
    body_end = _before_foreign_half(folded, paragraphs, body_start, body_end)
    body = tuple(_after(p, body_start, folded) for p in paragraphs if body_start < p.end)
    body = tuple(_before(p, body_end) for p in body if p.start < body_end and p.end > p.start)
    date = _find_date(folded, max(body_start, t_end), comp)
    return Layout(title, t_start, t_end, body_start, body_end, body, date)


def _headed(paragraphs: list[Paragraph], comp: _Compiled, folded: str) -> bool:
    """Does one of the paragraphs open with a heading's marker (the body goes on below a
    page's tools set above it)?"""
    return any(comp.marker.match(folded, p.start, p.end) for p in paragraphs)


#: How far past an attachment's label a task list's columns are looked for.
ATTACHED_LIST = 600


def _attached_list(folded: str, paras: list[Paragraph], comp: _Compiled, title: str) -> bool:
    """Is the attachment an end-matter line labels a task list (its items' 牵头单位：…, its
    table's 责任单位 column) that the document issues: the document's title names a task list
    (…任务分工的通知), or the attachment's does?  (A work report's appended list of the year's
    practical projects, each with its 牵头单位, stays end matter.)"""
    para = paras[0]
    if not comp.attachment.match(folded, para.start, para.end):
        return False
    if comp.task_columns.search(folded, para.end, para.end + ATTACHED_LIST) is None:
        return False
    named = paras[-1] is not para and comp.list_title.fullmatch(
        folded, paras[-1].start, paras[-1].end
    )
    return bool(named or comp.list_word.search(title))


#: How far past the title a dateline is looked for.
DATE_REACH = 200


def _find_date(folded: str, head_end: int, comp: _Compiled) -> str:
    """The date a page's metadata header or the dateline under the title gives, as
    ``YYYY-MM-DD``; "" where there is none."""
    m = comp.date.search(folded, 0, min(len(folded), max(head_end, 0) + DATE_REACH))
    if m is None:
        return ""
    month, day = int(m.group("month")), int(m.group("day"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{m.group('year')}-{month:02d}-{day:02d}"


#: A stretch in another language: Latin letters, and Han characters fewer than a tenth of
#: them; the half it ends with holds at least this many letters.
_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"[A-Za-z]")
FOREIGN_HALF = 200
#: How much of a paragraph is read to tell its language.
LANGUAGE_SAMPLE = 400


def _before_foreign_half(
    folded: str, paragraphs: list[Paragraph], body_start: int, body_end: int
) -> int:
    """Where a translation or a second-language half at the end of the body begins (it is
    no part of the outline: the English half's ``1.`` lines are no sections)."""
    start, letters = body_end, 0
    for para in reversed(paragraphs):
        if para.start >= body_end:
            continue
        if para.start < body_start:
            break
        sample = min(para.end, para.start + LANGUAGE_SAMPLE)  # a paragraph is one language
        latin = len(_LATIN.findall(folded, para.start, sample))
        han = len(_HAN.findall(folded, para.start, sample))
        if han * 10 > latin and han >= 2:
            break  # the first paragraph of the body's own language, from the end
        start, letters = para.start, letters + latin
    return start if letters >= FOREIGN_HALF else body_end


def _before(para: Paragraph, body_end: int) -> Paragraph:
    """The paragraph cut at the body's end (notes glued to its last sentence)."""
    if para.end <= body_end:
        return para
    return Paragraph(para.start, body_end, para.line_start, para.markup)


def _after(para: Paragraph, body_start: int, folded: str) -> Paragraph:
    """The part of a paragraph after the body's start: a title run on into its text (an
    official document or a page that lost its line breaks) is no part of it."""
    if para.start >= body_start:
        return para
    return Paragraph(_past_space(folded, body_start, para.end), para.end, para.line_start)


def _find_title(
    text: str, folded: str, paragraphs: list[Paragraph], comp: _Compiled
) -> tuple[str, int, int, int]:
    """Title (whitespace removed), its span, and where the body starts."""
    seen = 0
    for i, para in enumerate(paragraphs[:40]):
        # read folded (a title in traditional script too); what is returned is the text's
        raw, line = text[para.start : para.end], folded[para.start : para.end]
        field = comp.title_field.match(line)
        if field:
            s = para.start + field.start("title")
            e = para.start + field.end("title")
            body = _after_separator(folded, paragraphs, i, comp)
            return "".join(text[s:e].split()), s, e, body
        if comp.clutter.match(line.strip()):
            continue
        seen += 1
        if seen > 8:
            break
        if comp.stop_title.match(line):
            break
        spaced = _spaced_title(folded, para, comp) if seen == 1 else 0
        if spaced:  # 政 府 工 作 报 告: letter-spaced, its dateline or body run on after it or not
            return "".join(text[para.start : spaced].split()), para.start, spaced, spaced
        long = len(line) > TITLE_MAX or _has_punct(line)  # run on into what follows it
        official = comp.official_title.match(line) if long else None
        if official:  # an official document whose head lost its line breaks
            s, e = para.start + official.start("title"), para.start + official.end("title")
            return "".join(text[s:e].split()), s, e, e
        run_on = _run_on_title(folded, para, comp) if seen == 1 and len(line) > TITLE_MAX else 0
        if run_on:  # a page that lost its line breaks: the title runs on into the body
            return "".join(text[para.start : run_on].split()), para.start, run_on, run_on
        if seen == 1 and para.line_start and " " in raw[:TITLE_MAX]:
            # a flattened document: the title runs on into the speaker line
            head, rest = raw[: raw.index(" ")], line[raw.index(" ") :]
            genre_head = comp.genre.search(fold(head)) and not comp.genre.search(rest[:TITLE_MAX])
            heading = comp.marker.match(folded, para.start, para.start + len(head))
            if genre_head and not _has_punct(head) and not heading:
                return head, para.start, para.start + len(head), para.start + len(head)
        if _subtitled(line, comp) and para.line_start and seen <= 2:
            # 云溪县2022年工作总结：稳中求进开新局 — a title and its motto after a colon
            return "".join(raw.split()), para.start, para.end, para.end
        if len(line) > TITLE_MAX or _has_punct(line.split("——")[0]) or not para.line_start:
            continue
        if comp.marker.match(folded, para.start, para.end):
            continue
        nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        tail = _title_tail(text, folded, line, nxt, comp)
        named = "".join(folded[para.start : max(tail, para.end)].split())
        # its genre named, or an official document's title on its own line (…关于印发…的通知)
        if comp.genre.search(named) or comp.official_title.fullmatch(named):
            s, e = para.start, para.end  # 政 府 工 作 报 告: letter-spaced, the genre found
            dash = comp.title_follower.search(line, 4)
            if dash:  # title, dateline and speaker merged on one line (——, ----, —)
                e = s + dash.start()
            elif tail > 0:
                e = tail  # a title broken across lines ("政府工作报\n告", "…总结\n和…计划")
            return "".join(text[s:e].split()), s, e, e
    return ("", -1, -1, 0)


#: The shortest motto after a title's colon (…工作总结：稳中求进开新局).
MOTTO_MIN = 4


def _spaced_title(folded: str, para: Paragraph, comp: _Compiled) -> int:
    """Where a title set with a space between its letters ends (政 府 工 作 报 告, its letters
    naming the genre), where its dateline, the body, page clutter or the paragraph's end
    follows it; 0 if the paragraph opens with none."""
    spaced = comp.spaced_title.match(folded, para.start, para.end)
    if spaced is None or not comp.genre.search("".join(spaced[0].split())):
        return 0
    after = _past_space(folded, spaced.end(), para.end)
    follows = (
        after == para.end
        or comp.title_follower.match(folded, after)
        or comp.body_opener.match(folded, after)
        or comp.clutter_start.match(folded, after)
    )
    return int(spaced.end()) if follows else 0


def _names_genre(folded: str, start: int, end: int, comp: _Compiled) -> bool:
    """Does ``folded[start:end]`` still name a title's genre (a crumb cut before it leaves a
    title, not a word: 首页 > 林业局工作计划 is no crumb and its title)?"""
    return bool(comp.genre.search(folded, start, end) or comp.list_word.search(folded, start, end))


def _past_note(folded: str, end: int, comp: _Compiled) -> int:
    """Past a note in brackets right after a title's genre word (政府工作报告（文字实录）): the
    note is part of the title, and what follows it ends the title."""
    note = comp.title_note.match(folded, end)
    return int(note.end()) if note is not None else end


def _subtitled(line: str, comp: _Compiled) -> bool:
    """Is the line a title naming its genre, then a colon and a motto of no punctuation
    (云溪县2022年工作总结：稳中求进开新局), not a sentence announcing what follows
    (现将2022年工作总结如下：)?"""
    line = line.strip()
    if len(line) > TITLE_MAX:
        return False
    head, colon, motto = line.replace(":", "：").partition("：")
    return bool(
        colon
        and len(motto) >= MOTTO_MIN
        and not _has_punct(head)
        and not _has_punct(motto)
        and comp.genre.search(head)
        and not comp.marker.match(head)
    )


def _title_tail(text: str, folded: str, line: str, nxt: Paragraph | None, comp: _Compiled) -> int:
    """The end of the line that finishes a title broken across two lines: a tail of two
    characters at most ("政府工作报\n告"), or a line the break leaves on a joining word or 的
    (``layout.title_break``) that names the genre; -1 if the title is one line."""
    if nxt is None:
        return -1
    tail = folded[nxt.start : nxt.end]
    if nxt.end - nxt.start <= 2 and not _has_punct(tail):
        return nxt.end
    tail = tail.strip()
    if not nxt.line_start or _has_punct(tail) or len(line.strip()) + len(tail) > TITLE_MAX:
        return -1
    if comp.marker.match(folded, nxt.start, nxt.end) or not comp.genre.search(tail):
        return -1
    return nxt.end if comp.title_break.search(f"{line.strip()}\n{tail}") else -1


#: How far into a page that lost its line breaks a title run on after its clutter is sought,
#: and in how many of its first paragraphs (clutter split at wide spaces).
CLUTTER_REACH = 200
CLUTTER_PARAGRAPHS = 4


def _title_after_clutter(
    text: str, folded: str, para: Paragraph, comp: _Compiled
) -> tuple[str, int, int, int]:
    """The title of a page that lost its line breaks and opens on page clutter run into it
    (当前位置：首页>通知公告关于印发…的通知京政办发…): an official title after a clutter
    boundary (``layout.clutter_boundary``), else from the last boundary before a word naming
    its genre to that word, where the body, more clutter or the paragraph's end follows it;
    ("", -1, -1, 0) if none."""
    reach = min(para.end, para.start + CLUTTER_REACH)
    field = comp.title_field.search(folded, para.start, min(para.end, reach + TITLE_MAX + 40))
    if field is not None and field.start() < reach:  # …成文日期：…名　　称：云溪县…总结发文字号：
        s, e = field.span("title")
        return "".join(text[s:e].split()), s, e, e
    for b in comp.clutter_boundary.finditer(folded, para.start, reach):
        after = _past_space(folded, b.end(), reach)
        if (official := comp.official_title.match(folded, after, para.end)) is not None:
            s, e = official.span("title")
            return "".join(text[s:e].split()), s, e, e
    ends = sorted(
        m.end()
        for words in (comp.genre, comp.list_word)
        for m in words.finditer(folded, para.start, reach)
    )
    best = (0, 0)  # the longest: a breadcrumb's or a category field's genre word is shorter
    for word_end in ends:  # (首页 > 工作总结, 栏目: 年度计划) than the title
        end = _past_note(folded, word_end, comp)  # …政府工作报告（文字实录）
        after = _past_space(folded, end, para.end)
        bounds = [m.end() for m in comp.clutter_boundary.finditer(folded, para.start, word_end)]
        start = _past_space(folded, bounds[-1] if bounds else para.start, end)
        crumb = comp.column_name.match(folded, start, word_end) if bounds else None
        if crumb is not None and _names_genre(folded, crumb.end(), word_end, comp):
            start = _past_space(folded, crumb.end(), end)  # …>宁夏要闻2026年…: the last crumb
        joined = comp.joined_title.match(folded, start, word_end)  # …总结和…计划, whatever follows
        opens = (
            comp.body_opener.match(folded, after)
            or comp.clutter_start.match(folded, after)
            or comp.title_follower.match(folded, after)  # …政府工作报告——2026年1月25日在…
            or (
                joined is not None and joined.end() == word_end and not comp.marker.match(joined[0])
            )
        )
        if not (opens or after == para.end):
            continue  # the body, more clutter or the paragraph's end follows a title
        fits = start > para.start and end - start <= TITLE_MAX
        if fits and not _has_punct(folded[start:end]) and end - start > best[1] - best[0]:
            best = (start, end)
    start, end = best
    if end == 0:
        return ("", -1, -1, 0)
    return "".join(text[start:end].split()), start, end, end


def _run_on_title(folded: str, para: Paragraph, comp: _Compiled) -> int:
    """Where the title of a page that lost its line breaks ends: after the last word naming
    its genre (总结, 计划, 思路…, a task list's 分解) within TITLE_MAX characters and before
    any heading's marker, with no punctuation before it,
    where the body opens right after (a year and its comma, 今年以来, 各位代表, a heading's
    marker: 云溪高新区2024年工作总结暨2025年工作思路2024年，高新区…), else after the first
    that its dateline follows (``layout.title_follower``), else after the plan's word of a
    title joining a review and a plan (``layout.joined_title``); 0 if none."""
    reach = min(para.end, para.start + TITLE_MAX)
    if (marker := comp.heading.search(folded, para.start + 1, reach)) is not None:
        reach = marker.start()  # a title holds no heading (…责任分解一、…牵头负责的重点工作1.…)
    ends: list[int] = sorted(
        m.end()
        for words in (comp.genre, comp.list_word)  # …总结, …计划; a task list's …责任分解
        for m in words.finditer(folded, para.start, reach)
    )
    for word_end in reversed(ends):  # typed: mypyc cannot iterate a reversed list of Any
        end = _past_note(folded, word_end, comp)  # …工作报告（文字实录）——…
        opens = comp.body_opener.match(folded, end) or comp.table_header.match(folded, end)
        if not _has_punct(folded[para.start : end]) and opens:  # …任务清单序号 工作任务…
            return end
    for word_end in ends:  # the first genre word its dateline follows (…工作报告——2003年3月5日在…,
        # …工作报告新华社北京3月16日电政府工作报告——…: the agency's line repeats the title)
        end = _past_note(folded, word_end, comp)
        if not _has_punct(folded[para.start : end]) and comp.title_follower.match(folded, end):
            return _unrepeated(folded, para.start, end, ends)
    # a title joining a review and a plan ends at the plan's word, whatever opens the body
    # (…2019年工作总结和2020年工作计划街道党工委坚持…), as does one naming its year and genre
    # (云溪县教育局2022年工作总结县教育局坚持…)
    if comp.marker.match(folded, para.start, reach):
        return 0  # a heading's title (一、2021年工作总结…), not the document's
    joined = comp.joined_title.match(folded, para.start, reach)
    joined = joined or comp.dated_title.match(folded, para.start, reach)
    return joined.end() if joined is not None else 0


def _unrepeated(folded: str, start: int, end: int, ends: list[int]) -> int:
    """Where a title ends whose last words its page repeated before the dateline (a page's
    heading over the document's: 2011年国务院政府工作报告政府工作报告——…): at the first copy."""
    for first in ends:
        repeated = folded[first:end]
        if start < first < end and folded[start:first].endswith(repeated):
            return first
    return end


def _has_punct(s: str) -> bool:
    return any(ch in "。，；：！？,;:!" for ch in s)


def _after_separator(
    folded: str, paragraphs: list[Paragraph], title_index: int, comp: _Compiled
) -> int:
    """Body start for metadata-headed pages: after a separator line (``==== 正文 ====``)
    if there is one."""
    for para in paragraphs[title_index : title_index + 12]:
        separator = comp.separator.search(folded, para.start, para.end)
        if separator is not None:
            return int(separator.end())
    return paragraphs[title_index].end
