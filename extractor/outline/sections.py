"""Sections: the headings of the outline at the four official levels (SPEC §2).

A heading is found where a paragraph begins (``一、`` ``（一）`` ``1.`` ``（1）``,
``第一部分``), as a line of its own or run in with its body.  In a paragraph that is far
too long to be one (the document lost its line breaks), headings are also looked for after
sentence punctuation, but there they must continue the numbering exactly.  Each accepted
heading's title ends at the end of its paragraph, at the first 。, or — when it was glued to
the next sentence — before the time phrase or marker that starts that sentence.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, pairwise
from typing import Any

import regex

from extractor.context import Context
from extractor.context import marks as sentence_marks
from extractor.model import Section
from extractor.outline.kinds import section_kind, vocabulary
from extractor.outline.layout import Layout, Paragraph, compiled, fragment
from extractor.outline.periods import (
    DocumentPeriods,
    arabic_years,
    five_year_plan,
    five_year_years,
    kind_period,
    names_five_year_plan,
    span_kind,
    title_period,
)
from extractor.outline.series import Cues, Title, series_ends
from extractor.outline.siblings import SiblingCues, clause_ends
from extractor.rules.loader import Rule, RuleSet, marker_alternation
from extractor.text.fold import fold
from extractor.text.numbers import small_int
from extractor.text.rx import at_position, leftmost, needed_class

#: A paragraph longer than this has lost its line breaks; look for run-in headings inside.
FLAT_PARAGRAPH = 1200
#: …and so has a body of at most three paragraphs that is longer than this, or lines that
#: are longer than FLAT_LINES on average.
FLAT_DOCUMENT = 300
FLAT_LINES = 600
TITLE_LINE_MAX = 50
#: A run-in title longer than this probably ran into the next sentence.
GLUED_TITLE = 24
RUN_IN_MAX = 60
_WEAK_BOUNDARY = regex.compile(r"(?<=[。！？；：:;!?])\s*")
_TRAILING = "，,、：:；; "
#: A colon this close to a heading's marker ends its title: a label, then its text.
_LABEL_COLON = regex.compile("[：:]")
LABEL_MAX = 20
#: …and one found where a text lost its line breaks, as a form's field is (项目名称：), this
#: close.
FIELD_LABEL_MAX = 8
#: Closing brackets a heading may follow (（责任处室：法规处）（二）…; the fold makes ） a ")").
_CLOSING_BRACKETS = ")）】]"
_HAN = regex.compile(r"\p{Han}")
#: A digit, a comma that groups digits, a digit: a title never ends inside a number.
_NUMBER_GROUP = regex.compile(r"\d[,，]\d")
#: A space between two words: the line break of a flattened text (…扎实推进 “五个中心”…).
_LOST_BREAK = r"(?<=\p{Han})[ \t\u3000]+(?=[\p{Han}“\"])"


def _glue(rules: RuleSet) -> Any:
    """What starts the sentence a glued heading runs into: an opener (a time phrase, 同时,
    面对…) that ends the title's clause, an enumerated item's marker (一是, 第一，…: every
    ``[[measure]]`` rule), a heading marker of a level below glued after a character
    (治党工作1.强化…, …情况（一）…; not after a digit or a list separator, nor before a digit:
    1.5级, 1、2号线), a space where a line break was lost, or a task's responsibility note
    (…条例(草案)(市发展改革委起草)) or column (…增长6% 牵头单位：…)."""
    openers = rules.vocab("layout.glued_opener").alternation()
    note = rules.vocab("layout.responsibility_note").pattern
    columns = rules.vocab("layout.task_columns").pattern  # …增长6% 牵头单位：…
    column = f"\\s+(?:{columns})|(?:{columns})(?:[:：]|$)"
    below = [
        r for r in rules.of("section")
        if r.level >= 2 and not r.attrs.get("tier") and r.attrs.get("marker", True)
    ]  # fmt: skip
    # searched family by family (rx.leftmost): joined, regex tries every one at every position
    return leftmost(
        [
            f"(?:{openers})$", rules.template("measure_marker"),
            f"(?<=[^\\d.,，、])(?:{marker_alternation(below)})(?!\\d)", _LOST_BREAK, note, column,
        ],
        regex.VERSION0,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading found in the text, before levels are resolved into a tree."""

    start: int
    title_start: int
    title_end: int
    level: int
    marker: str
    ordinal: int
    rule: str
    strong: bool
    tier: str = ""  # the rule's tier: "" (numbered), part, bare or closing


@dataclass(frozen=True, slots=True)
class _TitleCues:
    """Where a run-in title ends: the start of the sentence glued to it."""

    glue: Any  # rx.Leftmost: a time phrase or marker that starts the next sentence
    starters: Any  # words that open a sentence of report prose (layout.sentence_starters)
    head_noun: Any  # the head noun of a part heading (主要成效)
    topic: Any  # what opens a topic phrase (关于…问题): a title of it ends on its head noun
    points: Any  # a sentence announcing the points it makes (…研究了以下几个问题。)
    label: Any  # a plan part's label a sentence runs on from (总体思路以…)
    frames: Any  # what opens a body sentence run on after a title (按照…, 在…领导下)
    phrase_list: Any  # a list of short parallel phrases that opens one (全局统筹、主动作为…)
    openers: Any  # words that open a task phrase: a weaker cue (坚决, 构建…)
    any_opener: Any  # those, or an adverb of resolve (layout.second_phrase: 大力, 聚焦…)
    verbs: Any  # verbs that open a heading's phrase: the parallel-length cue
    frame_heads: Any  # what a frame right after opens its sentence with (坚持把…)
    object_verb: Any  # a verb ending a stretch whose object must follow it (做好|今年工作)
    adverbs: Any  # what stands before a verb inside one phrase (加快构建)
    ends: Any  # words a title ends with when text runs on (…方面)
    results: Any  # the predicate that closes a result phrase (…步伐加快, …持续改善)
    task_start: Any  # a verb, task opener or adverb: a clause that opens with one is a task
    adverb_in: Any  # an adverb before a verb (layout.task_adverbs), anywhere
    second_phrase: Any  # an adverb that opens a second phrase in a short first clause
    lead_openers: Any  # what opens a lead sentence glued to a one-phrase title (扩大有效投资)
    predicates: Any  # what follows a body's restated subject (…改革开放是: subject_predicates)
    verb_end: Any  # a verb or adverb ending a stretch: its object follows (推进|改革开放)
    adverb_lead: Any  # an adverb of manner before a verb: a phrase opens there (扎实推进)
    subject_verb: Any  # a verb that opens a subject of a verb and its object (维护…稳定，是)
    body_openers: Any  # a subject no title opens a phrase with and its predicate (这是), or a
    # frame set apart by its comma (在…进程中，): layout.subject_openers, body_frames
    joins: str  # what joins two verbs inside one phrase (保障和改善)
    noun_link: str  # what links a noun to its phrase's head noun (情况的回顾)
    means_openers: str  # what opens a phrase of means or circumstance (用…的办法, 在…上)
    bare_never_opens: str  # what never opens a glued part title of no number (当…)
    bare_never_ends: str  # what never ends one (a preposition: …工作|在…)
    run_on_never_ends: str  # a preposition no run-on title ends on: the body's (…任务从|第四届…)
    not_heading: Any  # what no heading phrase holds (了 of a narrative sentence)
    figure: Any  # a figure, which no heading phrase holds (新开工项目12个)
    opener: Any  # a glued opener anywhere (2023年 of …项目化2023年策划生成项目46个)
    figure_opener: Any  # what opens a body clause of figures (新建, 完成, 全区, 城镇…)
    sentence_end: Any  # what ends a full sentence within a line ([text] full_marks, and a
    # period typed for 。: layout.period_stop)
    clause_end: Any  # what ends a clause but not a full sentence ([text] clause_marks)
    after_bracket: Any  # a closing bracket, then a heading of the first two levels
    upper: Any  # the markers of the first two levels (一、, （一）)
    numeral_word: Any  # a character that makes a word with a numeral after it (统一)
    responsibility: Any  # a task list's responsibility column after an item (责任单位：)
    item: Any  # the marker of an item below the first two levels (438.)
    item_opens: Any  # an enumerated item's marker (一是, 第一，): a body opening on a list
    attachment: Any  # an attachment's label (附件：), which opens another text
    table_header: Any  # a task list's table header (序号 工作任务 责任单位 完成时限)
    list_end: Any  # a list title's last word before a heading's marker (…任务分工 1．…)
    attachment_label: Any  # an attachment's label before a list's title (附件1：)
    signature: Any  # the date that closes a text, with nothing after it but its signer's
    # name or the next text's title (layout.signature_date)
    series: Cues  # what a series of sibling titles is read with
    siblings: SiblingCues  # what a series' clause count is read with


def _either(rules: RuleSet, *names: str) -> str:
    """The words of several ``layout.*`` vocabularies as one alternation (unwrapped)."""
    return "|".join(rules.vocab(f"layout.{name}").alternation() for name in names)


def _char_class(chars: str) -> Any:
    """A pattern matching any one of ``chars`` (never matching when there are none)."""
    return regex.compile(f"[{regex.escape(chars)}]" if chars else "(?!)")


def _title_cues(rules: RuleSet) -> _TitleCues:
    def build(r: RuleSet) -> _TitleCues:
        marks = sentence_marks(r)
        full = marks.full
        full_stop = _char_class(full.replace("\n", ""))
        period_stop = r.vocab("layout.period_stop").pattern  # 标准化.继续: a typed 。
        adverbs = regex.compile(f"(?:{r.vocab('layout.task_adverbs').alternation()})$")
        upper = marker_alternation(
            x for x in r.of("section") if 0 < x.level <= 2 and not x.attrs.get("tier")
        )
        return _TitleCues(
            glue=_glue(r), starters=compiled(r).starters,
            head_noun=vocabulary(r, "kind.heading.head_noun"),
            topic=vocabulary(r, "layout.topic_openers"),
            points=vocabulary(r, "layout.points_announced"),
            label=vocabulary(r, "kind.plan.label"),
            frames=vocabulary(r, "layout.sentence_frames"),
            phrase_list=vocabulary(r, "layout.phrase_list"),
            openers=vocabulary(r, "layout.task_openers"),
            any_opener=regex.compile(
                f"{r.vocab('layout.task_openers').alternation()}"
                f"|(?:{r.vocab('layout.second_phrase').alternation()})(?=[\\p{{Han}}“\"]{{2}})"
            ),  # an adverb with its verb after it (再聚焦、再突破: no phrase)
            verbs=vocabulary(r, "layout.phrase_verbs"),
            frame_heads=regex.compile(f"(?:{r.vocab('layout.frame_heads').alternation()})$"),
            object_verb=regex.compile(f"(?:{r.vocab('layout.object_verbs').alternation()})$"),
            adverbs=adverbs,
            ends=vocabulary(r, "layout.title_ends"),
            results=vocabulary(r, "layout.result_predicates"),
            adverb_in=vocabulary(r, "layout.task_adverbs"),
            second_phrase=vocabulary(r, "layout.second_phrase"),
            task_start=regex.compile(_either(r, "phrase_verbs", "task_openers", "task_adverbs")),
            lead_openers=regex.compile(
                _either(r, "lead_openers", "phrase_verbs", "task_openers", "second_phrase")
            ),
            predicates=vocabulary(r, "layout.subject_predicates"),
            body_openers=regex.compile(_either(r, "subject_openers", "body_frames")),
            verb_end=regex.compile("(?:" + _either(
                r, "phrase_verbs", "task_openers", "task_adverbs", "lead_openers", "second_phrase"
            ) + ")$"),
            subject_verb=regex.compile(_either(r, "subject_verbs", "phrase_verbs", "lead_openers")),
            adverb_lead=regex.compile(
                f"(?:{_either(r, 'task_adverbs')})"
                f"(?={_either(r, 'phrase_verbs', 'lead_openers', 'task_openers')})"
            ),
            joins=r.vocab("outline.phrase_joins").chars,
            noun_link=r.vocab("outline.noun_link").chars,
            means_openers=r.vocab("outline.means_openers").chars,
            bare_never_opens=r.vocab("outline.bare_never_opens").chars,
            bare_never_ends=r.vocab("outline.bare_never_ends").chars,
            run_on_never_ends=r.vocab("outline.run_on_never_ends").chars,
            not_heading=vocabulary(r, "layout.not_heading"),
            figure=vocabulary(r, "layout.figure"),
            opener=regex.compile(f"(?:{r.vocab('layout.glued_opener').alternation()})"),
            figure_opener=vocabulary(r, "layout.figure_openers"),
            sentence_end=regex.compile(f"{full_stop.pattern}|{period_stop}"),
            clause_end=_char_class("".join(ch for ch in marks.clause if ch not in full)),
            after_bracket=regex.compile(
                f"[{regex.escape(_CLOSING_BRACKETS)}]\\s?(?={upper})"
            ),
            upper=regex.compile(upper),
            numeral_word=regex.compile(r.vocab("layout.numeral_words").pattern),
            responsibility=vocabulary(r, "layout.responsibility"),
            item=regex.compile(marker_alternation(
                x for x in r.of("section") if x.level > 2 and not x.attrs.get("tier")
            )),
            item_opens=regex.compile(r.template("measure_marker")),
            signature=regex.compile(r.vocab("layout.signature_date").pattern),
            attachment=regex.compile(r.vocab("layout.attachment").pattern),
            table_header=regex.compile(r.vocab("layout.task_table_header").pattern),
            attachment_label=regex.compile(fragment(r, "attachment_label")),
            list_end=regex.compile(
                f"(?P<word>{fragment(r, 'list_word')})\\s*(?={r.template('heading_marker')})"
            ),
            series=Cues(clause_end=regex.compile(f"[{regex.escape(marks.clause)}]")),
            siblings=SiblingCues(
                clause=regex.compile("[，,；;]"), stop=full_stop,
                openers=regex.compile(_either(
                    r, "lead_openers", "phrase_verbs", "task_openers", "second_phrase",
                    "subject_verbs",
                )),
                adverbs=adverbs,
            ),
        )  # fmt: skip

    return rules.compiled("title_cues", build)


#: Tiers of rules tried only where no marker rule matches (a table row's bare number).
_ROW_TIER = "row"
#: Tiers of rules that match a whole line rather than a marker (and a table row's number,
#: tried only where no marker matches: _row_rule).
_LINE_TIERS = ("bare", "closing", _ROW_TIER)


def _line_pattern(rules: Sequence[Rule], tier: str) -> Any:
    """The patterns of the whole-line rules of one tier, as one (first rule's id kept):
    matched at a position (rx.at_position: ``re`` where it reads them alike)."""
    found = [r for r in rules if r.attrs.get("tier") == tier]
    if not found:
        return None, ""
    joined = "|".join(f"(?:{r.pattern})" for r in found)
    return at_position(joined, regex.VERSION0), found[0].id


def _line_rules(rules: RuleSet) -> tuple[Sequence[Rule], Any, str, Any, str, Any]:
    """The marker rules, the closing and bare whole-line patterns with their rule ids, and
    the letters one of which every bare match holds (rx.needed_class), or None."""

    def build(r: RuleSet) -> tuple[Sequence[Rule], Any, str, Any, str, Any]:
        all_rules = r.of("section")
        markers = tuple(x for x in all_rules if x.attrs.get("tier", "") not in _LINE_TIERS)
        bare = _line_pattern(all_rules, "bare")
        needs = needed_class(bare[0]) if bare[0] is not None else None
        return (markers, *_line_pattern(all_rules, "closing"), *bare, needs)

    return rules.compiled("section_lines", build)


def _row_rule(rules: RuleSet) -> Rule | None:
    """The rule of a table row's number cell, if the rules have one."""

    def build(r: RuleSet) -> Rule | None:
        return next((x for x in r.of("section") if x.attrs.get("tier") == _ROW_TIER), None)

    found: Rule | None = rules.compiled("section_row", build)
    return found


def find_headings(text: str, folded: str, layout: Layout, *, rules: RuleSet) -> list[Heading]:
    """Every heading of the body, numbering-checked, in document order."""
    section_rules, closing, closing_id, bare, bare_id, bare_needs = _line_rules(rules)
    row = _row_rule(rules)
    comp = compiled(rules)
    cues = _title_cues(rules)
    found: list[Heading] = []
    last: dict[int, int] = {}
    running: dict[int, int] = {}  # the last ordinal of each level, whatever its parent
    series: list[tuple[int, int]] = []  # (outer ordinal, first index) of restarted 一、 lists
    nested: list[tuple[int, int]] = []  # index ranges of lists nested in a part
    few = _few_lines(text, layout)
    prev_end = "\n"
    run_in: set[int] = set()  # starts of the headings found in paragraphs that lost breaks
    items = False  # inside a list of numbered items, each a paragraph ending in ；
    sentences: range = range(0)  # the paragraphs of a list of numbered sentences a colon opens
    # headings right after a closing bracket, sought once over the body
    brackets = [m.end() for m in cues.after_bracket.finditer(folded, 0, layout.body_end)]
    ahead: list[int] = []  # next siblings sought past their heading's paragraph (a heap)
    for index, para in enumerate(layout.paragraphs):
        after_clause, after_colon = prev_end in "；;", prev_end in "：:"
        prev_end = folded[para.end - 1]
        if comp.attachment.match(folded, para.start, para.end):
            last.clear()  # an enclosed text: its numbering starts again (or goes on from the
            # text before: a task list's items numbered through its lists, 附件2 ⏎ …一、…7．)
        # 今年价格改革的主要内容是：⏎一、合理调整…；⏎二、…；⏎…⏎四、…。: items, not parts
        items = _is_item(folded, para, after_colon, items and after_clause) and bool(
            comp.marker.match(folded, para.start)
        )
        if after_colon:
            sentences = _sentence_list(folded, layout, index, section_rules)
        items = items or index in sentences
        flat = _is_flat(para, few)
        queue = _candidates(folded, para, flat, cues, brackets)  # sorted: a heap
        lists = _flat_list_titles(folded, para, cues, comp) if flat else {}
        for at in lists:
            heapq.heappush(queue, (at, False))
        rows = _flat_rows(text, folded, para, cues) if flat else []
        for at in rows:
            heapq.heappush(queue, (at, False))
        while ahead and ahead[0] < para.end:
            if (at := heapq.heappop(ahead)) > para.start:
                heapq.heappush(queue, (at, False))
        while queue:
            pos, strong = heapq.heappop(queue)
            if found and pos < found[-1].title_end:
                continue
            if items and pos == para.start:
                continue
            head = _match(text, folded, para, pos, strong, section_rules, cues, flat)
            if head is None and row is not None and folded[pos : pos + 1].isdigit():
                head = _table_row(text, folded, para, pos, strong, row, cues, flat)
            if head and strong and after_clause and _is_last_item(folded, head, para):
                continue
            if head is not None and _opens_text(folded, head, found, last, cues):
                last.clear()  # 一、 again after the signature and date closing a cover note
                running.clear()
            if head is None and pos in lists:
                head, first = lists[pos]  # …附件1 2022年…责任分工 1．…: a list, lines lost
                heapq.heappush(queue, (first, False))
            elif (
                head is None
                and strong
                and closing
                and closing.fullmatch(folded[para.start : para.end].strip())
            ):
                head = Heading(
                    para.start, para.start, para.end, 1, "", 0, closing_id, True, "closing"
                )
            elif head is None and not strong and flat:
                head = _glued_closing(folded, pos, closing, closing_id, cues) if closing else None
                if head is None and bare:
                    head = _glued_bare(folded, pos, para, bare, bare_needs, bare_id, cues)
                    if head is not None and _late_bare(found):
                        continue  # inside numbered parts: no part (as on a line of its own)
            elif head is None and strong and bare and _bare_part(folded, layout, index, comp, bare):
                head = Heading(para.start, para.start, para.end, 1, "", 0, bare_id, True, "bare")
                if _late_bare(found):
                    continue  # a short line inside numbered parts: no part (it would reset them)
            elif head is None and strong and (listed := _list_title(folded, layout, index, comp)):
                head = listed  # 附件2 ⏎ 2022年…重点工作任务分工 ⏎ 一、…: a list, numbered again
            if head is not None and not head.strong and not _next_part(head, found):
                continue  # 第一部分：总体要求。 inside 一、: the parts of another text
            if head is not None and flat and _goes_on_inner(folded, head, found, section_rules):
                continue  # 三、…：一、…二、…三、…四、: the list inside the part goes on
            if head is not None and head.ordinal and _goes_on(head, last, series):
                # 三、 after a list 一、…五、 nested in 二、: the outer parts go on (1986)
                nested.append((series.pop()[1], len(found)))
            elif (
                head is not None
                and head.ordinal
                and not _fits(head, last, running)
                and not _part_after_gap(folded, head, last, cues)
                and not _sibling_after_gap(folded, head, last, cues, para.end, found)
                and not _first_part_after_deeper(folded, head, running, cues)
                and not _list_in_part(folded, head, last, cues)
            ):
                continue
            if head is None:
                continue
            if rows:  # 一、稳住经济基本盘1⇥全年…: a row ends the title it runs into
                head = _before_row(folded, head, rows)
            if _numbered_part(head) and head.ordinal == 1 and last.get(1, 0) >= 1:
                series.append((last[1], len(found)))  # a new series: nested, or a second text
            _advance(last, head)
            if head.ordinal:
                running[head.level] = head.ordinal
            found.append(head)
            if flat:
                run_in.add(head.start)
            if head.title_end < para.end:  # a subheading glued to this title: 一、情况（一）…
                at = head.title_end  # …or after the space of a lost line break (…需求 1．…)
                while at < para.end - 1 and folded[at] == " ":
                    at += 1
                heapq.heappush(queue, (at, False))
            if head.tier == _ROW_TIER and not flat:  # rows a PDF's line joined: …12月底11⇥…
                for glued in _FLAT_ROW.finditer(text, head.title_end, para.end):
                    heapq.heappush(queue, (glued.start(), False))
            if (flat or not head.strong) and head.level > 2 and head.ordinal:
                # its next sibling, glued after any character (…管委会2.持续推进…), in this
                # paragraph or a later one (after 。 and a space: …不降。 责任单位：…87.推进…)
                nxt = _next_sibling(folded, head, layout.body_end)
                if nxt >= para.end:
                    heapq.heappush(ahead, nxt)
                elif nxt >= 0:
                    heapq.heappush(queue, (nxt, False))
    heads = _nest(_inverted(found), nested)
    heads = _under_lists(_shift_levels(_without_late_bare_parts(heads)))
    return _read_as_series(folded, heads, run_in, cues)


def _read_as_series(
    folded: str, heads: list[Heading], run_in: set[int], cues: _TitleCues
) -> list[Heading]:
    """Titles run on past what their series of siblings allows, cut (extractor.outline.series)."""
    if not run_in:
        return heads
    titles: list[Title] = []
    stack: list[int] = []  # indices of the headings above, by level
    previous: dict[int, int] = {}  # the last heading of each level
    for i, h in enumerate(heads):
        while stack and heads[stack[-1]].level >= h.level:
            stack.pop()
        parent = stack[-1] if stack else -1
        j = previous.get(h.level, -1)
        if (
            j >= 0
            and titles[j].parent != parent
            and h.ordinal > 1
            and h.ordinal == heads[j].ordinal + 1
        ):
            parent = titles[j].parent  # items numbered on through the parts: one series
        elif parent < 0 and j >= 0 and h.ordinal == 1 and heads[j].ordinal >= 1:
            parent = -2 - i  # top-level parts numbered again: another text, its own series
        elif parent < 0 and j >= 0:
            parent = titles[j].parent
        titles.append(Title(h.title_start, h.title_end, h.level, parent, h.start in run_in))
        stack.append(i)
        previous[h.level] = i
    ends = series_ends(folded, titles, cues.series)
    limits = [h.start for h in heads[1:]] + [len(folded)]
    ends = clause_ends(folded, titles, ends, limits, cues.siblings)
    return [
        h if end == h.title_end else _with_title_end(h, end)
        for h, end in zip(heads, ends, strict=True)
    ]


def _next_part(head: Heading, found: list[Heading]) -> bool:
    """Does a part heading (第二部分) found inside a paragraph go on from the parts before it?
    The first part comes before the numbered parts (一、); one inside a numbered part, or one
    that skips, names the parts of another text (…第一部分：总体要求。…).  Other headings: yes."""
    if head.tier != "part":
        return True
    prev = next((h for h in reversed(found) if h.tier == "part"), None)
    if prev is None:
        return head.ordinal == 1 and not any(_numbered_part(h) for h in found)
    return head.ordinal == prev.ordinal + 1


def _goes_on(head: Heading, last: dict[int, int], series: list[tuple[int, int]]) -> bool:
    """Does a numbered part continue the parts around a list of parts begun inside one
    (二、…一、二、三、 then 三、), rather than that list?"""
    if not series or not _numbered_part(head) or head.ordinal != series[-1][0] + 1:
        return False
    return head.ordinal != last.get(1, 0) + 1


def _goes_on_inner(
    folded: str, head: Heading, found: list[Heading], section_rules: Sequence[Rule]
) -> bool:
    """Does a numbered part found inside a paragraph (四、) number on a list begun inside the
    part before it (三、…来源：一、…二、…三、…四、…), where the lines were lost: after that
    part's heading the same marker, after a sentence, a clause or a colon, runs 一、 to one
    less than it (two items or more), the last so numbered before it?"""
    if head.strong or not _numbered_part(head) or head.ordinal < 3:
        return False
    prev = next((h for h in reversed(found) if _numbered_part(h)), None)
    rule = next((r for r in section_rules if r.id == head.rule), None)
    if prev is None or rule is None or prev.ordinal != head.ordinal - 1:
        return False
    numbers = [  # items of a list: after a sentence, a clause or a colon (not 第一、)
        small_int(m.group("num"))
        for m in rule.at.finditer(folded, prev.title_end, head.start)
        if folded[m.start() - 1] in _SENTENCE_ENDS
    ]
    if 1 not in numbers:
        return False
    run = numbers[len(numbers) - numbers[::-1].index(1) - 1 :]
    return run == list(range(1, head.ordinal))


def _nest(found: list[Heading], nested: list[tuple[int, int]]) -> list[Heading]:
    """Headings of a list of parts numbered inside a part (二、…一、…五、…三、) one level
    deeper, with what they hold."""
    depth = [0] * len(found)
    for first, end in nested:
        for i in range(first, end):
            depth[i] += 1
    return [_with_level(h, h.level + d) if d else h for h, d in zip(found, depth, strict=True)]


#: The longest bare line taken for a part heading (`“十五五”时期主要目标和2026年重点工作`).
BARE_PART = 32
_SENTENCE_ENDS = "。！？!?；;：:"


def _bare_part(folded: str, layout: Layout, index: int, comp: Any, bare: Any) -> bool:
    """A line of its own that names a part (`过去五年的回顾`, `2026年重点工作`, `关于外交工作`)
    between whole sentences: the line before ends one, and the line after is a longer body
    or a numbered heading."""
    para = layout.paragraphs[index]
    line = folded[para.start : para.end]
    if not para.line_start or len(line) > BARE_PART or not bare.fullmatch(line):
        return False
    if folded[para.end : para.end + 1] not in "\n":
        return False  # not the whole line
    if index + 1 >= len(layout.paragraphs):
        return False
    nxt = layout.paragraphs[index + 1]
    opens = folded[nxt.start]
    if not (opens.isalnum() or opens in "“(（—"):
        return False  # the line is cut out of a sentence (a title on its own line)
    if nxt.end - nxt.start <= len(line) and not comp.marker.match(folded, nxt.start):
        return False
    prev = layout.paragraphs[index - 1] if index else None
    if prev is None or prev.end <= layout.body_start or folded[prev.end - 1] in _SENTENCE_ENDS:
        return True
    if para.markup:
        return True  # markdown says it is a heading, whatever ends the line before
    # after the report's own title line (2020年工作总结和2021年工作计划), as after the document's
    above = folded[prev.start : prev.end]
    return (
        len(above) <= TITLE_LINE_MAX
        and bool(comp.genre.search(above))
        and not any(ch in above for ch in _SENTENCE_ENDS + "，,")
    )


#: What a part's title never holds where the lines were lost (a clause mark: a sentence's).
_BARE_STOPS = "，,。；;：:！？!?《》 "
#: How many characters of a part's title its body repeats at its opening (“十四五”时期…).
BARE_RESTATED = 3


def _glued_bare(
    folded: str, pos: int, para: Paragraph, bare: Any, needs: Any, rule_id: str, cues: _TitleCues
) -> Heading | None:
    """A part heading of no number right after a sentence, where the lines were lost and its
    body is glued to it (…请予审议。过去五年的回顾第五届…期间，…; …意见。“十四五”时期工作回顾
    “十四五”时期是…): the shortest stretch with no clause mark that names a part as a line of
    its own does (section.bare), before what opens a body sentence — a frame, a subject, a
    time or a marker, or the title's own opening words again."""
    if not cues.sentence_end.match(folded, pos - 1) or cues.starters.match(folded, pos):
        return None
    if folded[pos : pos + 1] in cues.bare_never_opens:
        return None
    never = cues.joins + cues.noun_link + cues.bare_never_ends
    last = min(para.end - 1, pos + BARE_PART)
    # a match holds one of ``needs`` (the letters its words require): no stretch ending
    # before the first of them stands can be one — sought once, not asked at every end
    need = needs.search(folded, pos, last) if needs is not None else None
    first = last + 1 if needs is not None and need is None else need.end() if need else 0
    for end in range(pos + PHRASE_MIN, last + 1):
        if folded[end - 1] in _BARE_STOPS:
            return None
        if end < first or folded[end - 1] in never or not bare.fullmatch(folded, pos, end):
            continue
        if _opens_body(folded, end, folded[pos : pos + BARE_RESTATED], cues):
            return Heading(pos, pos, end, 1, "", 0, rule_id, False, "bare")
    return None


def _opens_body(folded: str, at: int, opening: str, cues: _TitleCues) -> bool:
    """Does a body sentence open at ``at``: a frame (按照…, 今年是…), a subject (我们…, 这是…),
    a time or a marker that starts the next sentence, or the title's ``opening`` again?"""
    return folded.startswith(opening, at) or any(
        c.match(folded, at)
        for c in (cues.frames, cues.body_openers, cues.glue, cues.opener, cues.starters)
    )


#: The rule id of a task list's title (layout.list_title in patterns/layout.toml).
LIST_TITLE = "layout.list_title"


#: The longest line read as a list's title (an attachment's label and 57 characters).
LIST_TITLE_MAX = 72
#: How far a table's header row (序号 工作任务 责任单位 完成时限, a cell per line or not) runs.
HEADER_SPAN = 40


def _list_title(folded: str, layout: Layout, index: int, comp: Any) -> Heading | None:
    """A task list's title on a line of its own (附件1：2022年…目标责任分工), above the list's
    first part or item or its table's header row (序号 工作任务 责任单位 完成时限)."""
    para = layout.paragraphs[index]
    if para.end - para.start > LIST_TITLE_MAX or not para.line_start:
        return None
    if folded[para.end : para.end + 1] not in ("\n", ""):
        return None
    m = comp.list_title.fullmatch(folded, para.start, para.end)
    if m is None or comp.marker.match(folded, m.start("title")):
        return None  # 附件：1．…任务分工: the notice names its attachments
    if index + 1 >= len(layout.paragraphs):
        return None
    nxt = layout.paragraphs[index + 1]
    opens = comp.marker.match(folded, nxt.start)
    if not (opens or comp.task_columns.search(folded, nxt.start, nxt.start + HEADER_SPAN)):
        return None  # neither a part or item nor a table's header (序号 工作任务 责任单位…)
    return Heading(para.start, m.start("title"), m.end("title"), 1, "", 0, LIST_TITLE, True, "list")


#: What a list title's words never hold (a clause mark, a space: where the lines were lost,
#: the title starts after them).
_LIST_TITLE_STOPS = "。；;！？!?：:，,、)） \n"


def _flat_list_titles(
    folded: str, para: Paragraph, cues: _TitleCues, comp: Any
) -> dict[int, tuple[Heading, int]]:
    """Task lists' titles inside a paragraph that lost its line breaks, each before a heading's
    marker (…附件1 2022年…目标责任分工 1．地区生产总值…), by where they start, with where
    their first heading's marker stands."""
    out: dict[int, tuple[Heading, int]] = {}
    for m in cues.list_end.finditer(folded, para.start, para.end):
        floor = max(para.start, m.start() - BARE_PART * 2)
        start = m.start()
        while start > floor and folded[start - 1] not in _LIST_TITLE_STOPS:
            start -= 1
        for label in cues.attachment_label.finditer(folded, start, m.start()):
            start = label.end()  # …省生态环境厅附件22022年…: the title starts after the label
        end = m.end("word")
        if not comp.list_title.fullmatch(folded, start, end) or comp.marker.match(folded, start):
            continue
        out[start] = (Heading(start, start, end, 1, "", 0, LIST_TITLE, False, "list"), m.end())
    return out


def _under_lists(found: list[Heading]) -> list[Heading]:
    """Task lists' titles where a document issues two lists or more, each list's parts one
    level below its title (一、 at level 2; all numbered levels where the list has its own
    （一）); a lone list's title repeats the document's and is no heading."""
    lists = [i for i, h in enumerate(found) if h.tier == "list"]
    if len({(h.title_start, h.title_end) for h in found if h.tier == "list"}) < 2:
        return [h for h in found if h.tier != "list"] if lists else found
    out = found[: lists[0]]
    for a, b in zip(lists, [*lists[1:], len(found)], strict=True):
        block = found[a + 1 : b]
        deep = any(not h.tier and h.level == 2 for h in block)
        out.append(found[a])
        out += [_with_level(h, h.level + 1) if not h.tier and (deep or h.level == 1) else h
                for h in block]  # fmt: skip
    return out


def _late_bare(found: list[Heading]) -> bool:
    """Would a bare part heading found now come after the first numbered part, with none
    before it?"""
    return not any(h.tier == "bare" for h in found) and any(_numbered_part(h) for h in found)


def _without_late_bare_parts(found: list[Heading]) -> list[Heading]:
    """Bare part headings only where they open the report's parts: the first one before
    the first numbered part (一、), else none (a short line inside a numbered part)."""
    first_bare = next((h.start for h in found if h.tier == "bare"), None)
    if first_bare is None:
        return found
    first_part = next((h.start for h in found if _numbered_part(h)), None)
    if first_part is None or first_bare < first_part:
        return found
    return [h for h in found if h.tier != "bare"]


def _numbered_part(head: Heading) -> bool:
    """A numbered heading of the first level (一、), not of a tier above it."""
    return head.level == 1 and not head.tier


def _advance(last: dict[int, int], head: Heading) -> None:
    """Record a heading's ordinal at its level and forget the numbering below it."""
    if not head.ordinal:
        last.clear()
        return
    last[head.level] = head.ordinal
    for deeper in [lv for lv in last if lv > head.level]:
        del last[deeper]


def _few_lines(text: str, layout: Layout) -> bool:
    """Has the body few paragraphs, or lines long on average (it lost its line breaks)?"""
    lines = text.count("\n", layout.body_start, layout.body_end) + 1
    return len(layout.paragraphs) <= 3 or layout.body_end - layout.body_start > FLAT_LINES * lines


def lost_breaks(text: str, layout: Layout) -> list[bool]:
    """Which paragraphs of the body are several run together (``_is_flat``), by index."""
    few = _few_lines(text, layout)
    return [_is_flat(para, few) for para in layout.paragraphs]


def body_opening(run_on: str, rules: RuleSet) -> int | None:
    """Where the body's first sentence opens inside a phrase run on into it where the lines
    were lost (``_body_opening``: a subject restating the phrase, or one no phrase opens
    with, or a frame set apart by its comma, after a complete phrase), or None."""
    return _body_opening(run_on, _title_cues(rules))


def _is_flat(para: Paragraph, few: bool) -> bool:
    """Is this paragraph several run together (the document lost its line breaks)?"""
    size = para.end - para.start
    return size > FLAT_PARAGRAPH or (few and size > FLAT_DOCUMENT)


def _candidates(
    folded: str, para: Paragraph, flat: bool, cues: _TitleCues, brackets: list[int]
) -> list[tuple[int, bool]]:
    """Paragraph start (strong); after punctuation (weak) where the breaks were lost, and
    right after any character there (报告一、…, 下转7版 （上接第4版）（三）…) or after a
    closing bracket anywhere (``brackets``: （责任处室：法规处）（二）…); the weak ones must
    continue the numbering exactly."""
    out = [(para.start, True)]
    i = bisect_right(brackets, para.start)
    if not flat and (i == len(brackets) or brackets[i] >= para.end):
        return out
    weak: list[int] = []
    while i < len(brackets) and brackets[i] < para.end:
        weak.append(brackets[i])
        i += 1
    if flat:
        weak += [m.end() for m in _WEAK_BOUNDARY.finditer(folded, para.start, para.end)]
        weak += [
            m.start()
            for m in cues.upper.finditer(folded, para.start + 1, para.end)
            if not cues.numeral_word.match(folded, m.start() - 1)
        ]
    out += [(pos, False) for pos in sorted(set(weak) - {para.start})]
    return out


#: How far before a restarted 一、 the date closing the text before it is looked for (a
#: cover note's signature, the attachment's title and its preamble).
SIGNATURE_REACH = 400


def _opens_text(
    folded: str, head: Heading, found: list[Heading], last: dict[int, int], cues: _TitleCues
) -> bool:
    """Does a 一、 found inside a paragraph that lost its line breaks start another text: the
    parts of a cover note ran before it, and the date that closes the note (its signature:
    …督促推进落实。杭州市人民政府办公厅 2019年2月11日 2019年政府工作报告重点工作责任分解一、…)
    or an attachment's label (附件：) stands after the last of them; or a form's fields begin
    again (一、项目名称：… for each project of a fact sheet: the first part's title again)?"""
    if head.strong or head.ordinal != 1 or not _numbered_part(head) or not last.get(1):
        return False
    part = next((h for h in reversed(found) if _numbered_part(h)), None)
    since = max(part.title_end if part else 0, head.start - SIGNATURE_REACH)
    first = next((h for h in reversed(found) if _numbered_part(h) and h.ordinal == 1), None)
    return bool(
        cues.signature.search(folded, since, head.start)
        or cues.attachment.search(folded, since, head.start)
        or (first is not None and _title_of(folded, first) == _title_of(folded, head))
    )


def _title_of(folded: str, head: Heading) -> str:
    return folded[head.title_start : head.title_end]


#: How far past a heading's title its next sibling is sought where the lines were lost.
SIBLING_REACH = 3000


def _next_sibling(folded: str, head: Heading, end: int) -> int:
    """Where the next sibling of a numbered heading below the first two levels stands (its
    marker with the next ordinal, not after a digit), or -1: in a text that lost its line
    breaks it may follow any character (…责任单位：市审计局6.加快…)."""
    marker = folded[head.start : head.title_start].strip()
    number = str(head.ordinal)
    if number not in marker:
        return -1
    wanted = marker.replace(number, str(head.ordinal + 1), 1)
    end = min(end, head.title_end + SIBLING_REACH)
    at = folded.find(wanted, head.title_end, end)
    while at > 0 and folded[at - 1].isdigit():
        at = folded.find(wanted, at + 1, end)
    return at


def _fits(head: Heading, last: dict[int, int], running: dict[int, int]) -> bool:
    """Does the ordinal continue the numbering at its level (a gap of one is tolerated)?
    Under a new parent, the numbering starts again or runs on from the last parent's
    (a 工作要点 numbers its items 1.…16. through its parts)."""
    prev = last.get(head.level, 0)
    deepest = max(last, default=0)
    if not head.strong:
        # the first heading of a level below the one above it (一、…1.…8.…（一）: the first
        # of 一、's own parts, after items numbered deeper)
        first_child = prev == 0 and head.level > 1 and head.level - 1 in last
        # or the first below a heading with no level between (一、…工作6.加快…)
        below = prev == 0 and head.level > deepest and bool(last)
        through = head.ordinal > 1 and head.ordinal == running.get(head.level, -1) + 1
        # (or right after a heading of no number: a list's title, its items numbered on)
        if (first_child or below or not last) and through:
            return True  # （二）安全强2.…: items numbered on through the parts, run in too
        return head.ordinal == prev + 1 and (
            prev > 0 or head.level > deepest or not last or first_child
        )
    if prev == 0 and head.level > 1 and head.ordinal == running.get(head.level, -1) + 1:
        return True
    return head.ordinal == 1 or prev < head.ordinal <= prev + 2 or head.ordinal == prev


def _part_after_gap(folded: str, head: Heading, last: dict[int, int], cues: _TitleCues) -> bool:
    """A part heading found after a sentence where the lines were lost, one number past the
    last part's next (一、…二、…四、2022年工作计划: a numbering gap): its title ends in a part's
    head noun (计划, 总结, 问题…), which a numbered sentence of the body does not."""
    if head.strong or not _numbered_part(head) or head.ordinal != last.get(1, 0) + 2:
        return False
    if len(last) != 1 or not cues.sentence_end.match(folded, head.start - 1):
        return False
    title = folded[head.title_start : head.title_end]
    return any(m.end() == len(title) for m in cues.head_noun.finditer(title))


def _sibling_after_gap(
    folded: str,
    head: Heading,
    last: dict[int, int],
    cues: _TitleCues,
    end: int,
    found: list[Heading],
) -> bool:
    """A subheading (（四）) found after a sentence where the lines were lost, one number past
    its last sibling's next (（二）…（四）: a heading the source lost), whose own next sibling
    (（五）) follows: the numbering goes on from it, as a list of the body's would not skip;
    or, the last of its list, whose body opens on an item's marker right after its title
    (…新防线一是…) as its last found sibling's did: a subheading shaped as its siblings are."""
    prev = last.get(head.level, 0)
    if head.strong or head.tier or head.level != 2 or not prev or head.ordinal != prev + 2:
        return False
    if not cues.sentence_end.match(folded, head.start - 1):
        return False
    marker = folded[head.start : head.title_start].strip()
    for m in cues.upper.finditer(folded, head.title_end, min(end, head.title_end + SIBLING_REACH)):
        other = m.group().strip()  # its next sibling: the same marker, numbered on
        if other[:1] == marker[:1] and small_int(other.strip("（）()")) == head.ordinal + 1:
            return True
    sibling = next((h for h in reversed(found) if h.level == head.level), None)
    return (
        sibling is not None
        and bool(cues.item_opens.match(folded, sibling.title_end))
        and bool(cues.item_opens.match(folded, head.title_end))
    )


#: A part's body is longer than this: a 二、 closer to its 一、 numbers the points of a list.
PART_BODY_MIN = 300


def _first_part_after_deeper(
    folded: str, head: Heading, running: dict[int, int], cues: _TitleCues
) -> bool:
    """The first numbered part (一、) found after a sentence where the lines were lost, after
    headings of a deeper level only (（一）当前的经济形势…（二）今后的方针…一、加快农业的发展…: a
    report that numbers its parts （一） and the items of one of them 一、, which the nesting
    by the document's own marker sequence then sets right, as it does where the lines kept);
    not the points of a list inside a part (…三个方面。一、强化学习，…。二、压实责任，…), whose
    二、 follows within a part's body."""
    if head.strong or not _numbered_part(head) or head.ordinal != 1:
        return False
    if 1 in running or not running or not cues.sentence_end.match(folded, head.start - 1):
        return False
    return _second_at(folded, head, PART_BODY_MIN, cues) is None


def _second_at(folded: str, head: Heading, reach: int, cues: _TitleCues) -> int | None:
    """Where the 二、 of a 一、 (the same marker, numbered 2) stands within ``reach`` past its
    title, or None."""
    marker = folded[head.start : head.title_start].strip()
    for m in cues.upper.finditer(folded, head.title_end, head.title_end + reach):
        other = m.group().strip()
        if len(other) == len(marker) and other[-1:] == marker[-1:] and small_int(other[:-1]) == 2:
            return int(m.start())
    return None


#: How far past a nested list's 一、 its 二、 is looked for.
NESTED_REACH = 5000


def _list_in_part(folded: str, head: Heading, last: dict[int, int], cues: _TitleCues) -> bool:
    """An 一、 found after a sentence inside a numbered part where the lines were lost, the
    sentence announcing the points it makes (…研究了以下几个问题。一、确定适度的经济增长率，…:
    layout.points_announced): a list of parts nested in that part, as a line of its own
    would open (``_goes_on`` then sets the parts after it right), when its 二、 follows
    within NESTED_REACH.  A list a colon opens (…来源：一、…) is no such list."""
    if head.strong or not _numbered_part(head) or head.ordinal != 1 or not last.get(1):
        return False
    stop = _sentence_start(folded, max(0, head.start - 80), head.start - 1, cues)
    if not cues.points.search(folded, stop, head.start):
        return False
    return _second_at(folded, head, NESTED_REACH, cues) is not None


def _glued_closing(
    folded: str, pos: int, closing: Any, rule_id: str, cues: _TitleCues
) -> Heading | None:
    """A closing heading (结束语) after a sentence where the lines were lost, its body's
    address glued to it (…落地见效。结束语各位代表！…)."""
    m = closing.match(folded, pos)
    if m is None or not cues.sentence_end.match(folded, pos - 1):
        return None
    if not cues.frames.match(folded, m.end()):
        return None
    return Heading(pos, pos, m.end(), 1, "", 0, rule_id, False, "closing")


def _match(
    text: str,
    folded: str,
    para: Paragraph,
    pos: int,
    strong: bool,
    section_rules: Sequence[Rule],
    cues: _TitleCues,
    flat: bool,
) -> Heading | None:
    letter = folded[pos : pos + 1]
    for rule in section_rules:
        if rule.opens is not None and letter not in rule.opens:
            continue  # no marker of the rule opens with this letter: not tried
        m = rule.at.match(folded, pos, para.end)
        if m is None:
            continue
        if rule.attrs.get("alone"):  # a part's number alone on its line: no title
            if not (strong and para.line_start and m.end() == para.end):
                continue
            number = small_int(m.group("num")) or 0
            tier = str(rule.attrs.get("tier", ""))
            marker = text[m.start() : m.end()].rstrip()
            return Heading(pos, m.end(), m.end(), rule.level, marker, number, rule.id, True, tier)
        ordinal = small_int(m.group("num"))
        if ordinal is None or m.end() >= para.end:
            return None
        part = rule.attrs.get("tier") == "part"
        if part and not strong and not cues.sentence_end.match(folded, pos - 1):
            return None  # …；第二部分安排…；第三部分…: a list of a document's parts
        if rule.at.match(folded, m.end(), para.end):
            return None  # ordinals of a noun, not a heading (一、二、三产业)
        if not strong and _one_sentence_item(folded, pos, m.end(), rule, ordinal, para, cues):
            return None  # …基本任务是：（一）…。（二）…。: a list a colon opens, one sentence each
        if flat and _later_item(folded, pos, rule, ordinal, para, cues):
            return None  # …（二）…。（三）…。: its later items
        task = _is_task(folded, m.end(), para, cues, part=rule.level <= 2)
        title_end = _title_end(
            folded, m.end(), para, top=rule.level == 1, strong=strong, cues=cues, flat=flat,
            task=task,
        )  # fmt: skip
        if flat and rule.level > 1 and cues.topic.match(folded, m.end()):
            # a topic phrase at any level where the lines were lost (（二）关于工业的生产问题
            # 我国…): a noun phrase, ending on its head noun as a part's title does, unless a
            # body's cue ended it first (关于经济体制改革|适应…的要求)
            title_end = min(title_end, _title_end(
                folded, m.end(), para, top=True, strong=strong, cues=cues, flat=flat, task=task
            ))  # fmt: skip
        while title_end > m.end() and folded[title_end - 1] in _TRAILING:
            title_end -= 1  # a title cut before a sentence opener: 我们… after 目标，
        if (
            flat
            and title_end - m.end() > PHRASE_MIN
            and folded[title_end - 1] in cues.run_on_never_ends
            and _HAN.match(folded, title_end)
        ):
            title_end -= 1  # the body's frame opens at its preposition (…总任务从|第四届…以来)
        lead = (strong and not flat and para.line_start) or task
        if title_end <= m.end() or (
            not task and _is_list_item(folded, m.end(), title_end, para, lead)
        ):  # a task (its responsibility column after it) is no list item, whatever ends it
            return None
        clause = cues.clause_end.search(folded, m.end(), title_end)
        first = clause.start() if clause is not None else title_end
        if not _HAN.search(folded, m.end(), title_end):
            return None  # a translation's heading (1. Review of Our Work): not outlined
        # the sentence's first clause, past a title cut inside it (第二部分从…总结了…)
        ends = (cues.series.clause_end.search(folded, m.end(), para.end),
                cues.sentence_end.search(folded, m.end(), para.end))  # fmt: skip
        if not (flat and cues.body_openers.match(folded, title_end, para.end)):
            # …a title whose body opens on a subject of its own stays apart (…主要考虑省委…)
            first = max(first, min((e.start() for e in ends if e is not None), default=para.end))
        if not strong and cues.not_heading.search(folded, m.end(), first):
            return None  # a numbered sentence of a narrative (一、督察工作推动了重点工作，…)
        if not strong and folded[title_end : title_end + 1] in ("；", ";", "、"):
            return None  # an item of a list run on (举一反三、查缺补漏；…)
        if not strong and _NUMBER_GROUP.match(folded, title_end - 1):
            return None  # cut inside a figure (（一）工业支出为8，544，…): a sentence, no title
        marker = text[m.start() : m.end()].rstrip()
        tier = str(rule.attrs.get("tier", ""))
        return Heading(pos, m.end(), title_end, rule.level, marker, ordinal, rule.id, strong, tier)
    return None


#: What sets a table's cells apart in a row flattened into a line (a tab and a wide space are
#: spaces in the folded text).
_CELL = regex.compile(r"[ \t]*[|｜][ \t]*|[ \t]+")


#: How far above a row its task list's table header is looked for.
HEADER_REACH = 4000


#: A table row's number where the lines were lost: after no digit, before a tab or a bar
#: (…12月底2⇥实施…; a space after a number is too common to tell a row by).
_FLAT_ROW = regex.compile(r"(?<![\d.])[1-9]\d{0,2}(?=\t|[ \t]*[|｜])")


def _flat_rows(text: str, folded: str, para: Paragraph, cues: _TitleCues) -> list[int]:
    """Where the rows of a task list's table start in a paragraph that lost its line breaks
    and holds the table's header (序号⇥工作任务⇥责任单位⇥完成时限…1⇥…⇥…2⇥…)."""
    header = cues.table_header.search(folded, para.start, para.end)
    if header is None:
        return []
    return [m.start() for m in _FLAT_ROW.finditer(text, header.end(), para.end)]


def _before_row(folded: str, head: Heading, rows: list[int]) -> Heading:
    """The heading with its title cut before the first table row inside it."""
    cut = bisect_right(rows, head.title_start)
    if cut == len(rows) or rows[cut] >= head.title_end:
        return head
    return _with_title_end(head, _trim_end(folded, head.title_start, rows[cut]))


def _table_row(
    text: str,
    folded: str,
    para: Paragraph,
    pos: int,
    strong: bool,
    rule: Rule,
    cues: _TitleCues,
    flat: bool,
) -> Heading | None:
    """A row of a task list's table opening a line (1⇥加快…⇥县发展改革局⇥12月底), below the
    table's header: its number, then its task cell, the title, and a cell after it; where the
    lines were lost, a row after any character that its tab or bar tells."""
    if not (strong and para.line_start) and not (not strong and _FLAT_ROW.match(text, pos)):
        return None
    if not folded[pos : pos + 1].isdigit():
        return None
    line_end = folded.find("\n", pos)
    line_end = len(folded) if line_end < 0 else line_end
    if not strong:
        line_end = min(line_end, para.end)
    m = rule.at.match(folded, pos, folded.find("\n", line_end + 1) % (len(folded) + 1))
    if m is None:
        return None
    if m.end() > line_end:  # a cell per line: the number's, then the task's
        title_end = folded.find("\n", m.end())
        title_end = len(folded) if title_end < 0 else title_end
    elif (cell := _CELL.search(folded, m.end(), line_end)) is None or (
        cell.start() - m.end() < 2 or cell.end() >= line_end
    ):
        return None
    else:
        title_end = cell.start()
    if not cues.table_header.search(folded, max(0, pos - HEADER_REACH), pos):
        return None  # no task table above it (序号 工作任务 考核分: a scoring table)
    while folded[title_end - 1] in "。;；":
        title_end -= 1
    ordinal = small_int(m.group("num")) or 0
    marker = text[m.start("num") : m.end("num")]
    return Heading(pos, m.end(), title_end, rule.level, marker, ordinal, rule.id, strong, _ROW_TIER)


#: The longest sentence read as one item of a list a colon opens.
LIST_ITEM_MAX = 120


#: What ends an item of a list a colon opens: a clause of a sentence (；) or the sentence.
_ITEM_END = regex.compile("[；;。！？!?]")
_CLAUSE_ENDS = "；;"


def _item_before_in_sentence(
    folded: str, pos: int, rule: Rule, ordinal: int, cues: _TitleCues
) -> bool:
    """Does the item numbered before the one at ``pos`` stand in the sentence ``pos`` is in?"""
    stop = _sentence_start(folded, max(0, pos - LIST_ITEM_MAX), pos, cues)
    return any(
        small_int(m.group("num")) == ordinal - 1 for m in rule.at.finditer(folded, stop, pos)
    )


def _sentence_start(folded: str, lo: int, hi: int, cues: _TitleCues) -> int:
    """Where the last sentence between ``lo`` and ``hi`` starts: after the last sentence end
    there, else at ``lo``."""
    return max((m.end() for m in cues.sentence_end.finditer(folded, lo, hi)), default=lo)


def _one_sentence_item(
    folded: str, pos: int, start: int, rule: Rule, ordinal: int, para: Paragraph, cues: _TitleCues
) -> bool:
    """Is the heading found at ``pos`` (inside a paragraph) the first item of a list a colon
    opens, each item one sentence: its sentence is followed right away by the next item
    (…的基本任务是：（一）…基础。（二）…能力。（三）…生活。上述三项任务…)?  A heading has a body
    before its next sibling."""
    if folded[pos - 1 : pos] in _CLAUSE_ENDS and rule.level <= 2:
        # …；四、切实加强…；五、…。: the items of a sentence's list, run on — its item before
        # stands in the same sentence (a heading after a body's last clause …；（二）… does not)
        return _item_before_in_sentence(folded, pos, rule, ordinal, cues)
    if folded[pos - 1 : pos] not in ("：", ":"):
        return False
    clause = _ITEM_END.search(folded, start, min(para.end, start + LIST_ITEM_MAX))
    if clause is not None and clause.group() in _CLAUSE_ENDS:
        nxt = rule.at.match(folded, clause.end(), para.end)  # …措施：一、…；二、…；
        if nxt is not None and small_int(nxt.group("num")) == ordinal + 1:
            return True
    stop = cues.sentence_end.search(folded, start, min(para.end, start + LIST_ITEM_MAX))
    if stop is None:
        return False  # a part of one long sentence, its title and body (…通知如下：一、…)
    nxt = rule.at.match(folded, stop.end(), para.end)
    return nxt is not None and small_int(nxt.group("num")) == ordinal + 1


def _later_item(
    folded: str, pos: int, rule: Rule, ordinal: int, para: Paragraph, cues: _TitleCues
) -> bool:
    """Is the heading found at ``pos``, after a sentence, a later item of a list a colon
    opens (…方向是：一、…。二、…。三、…。四、…): the items before it each within a part's
    shortest body (PART_BODY_MIN) of the next, back to a first that ``_one_sentence_item``
    reads as such?  A heading's number follows a body of its own."""
    if ordinal < 2 or rule.level > 2 or not cues.sentence_end.match(folded, pos - 1):
        return False  # (items numbered deeper, 1. 2., are items and headings alike)
    reach = max(para.start, pos - (ordinal - 1) * PART_BODY_MIN)
    if not any(
        (first := rule.at.match(folded, c + 1, pos)) and small_int(first.group("num")) == 1
        for c in _colons(folded, reach, pos)
    ):
        return False  # no first item after a colon within reach
    while ordinal > 1 and cues.sentence_end.match(folded, pos - 1):
        start = max(para.start, pos - PART_BODY_MIN)
        before = [
            m
            for m in rule.at.finditer(folded, start, pos)
            if small_int(m.group("num")) == ordinal - 1
        ]
        if not before:
            return False
        pos, ordinal = before[-1].start(), ordinal - 1
        if ordinal == 1:
            end = before[-1].end()
            return _one_sentence_item(folded, pos, end, rule, ordinal, para, cues)
    return False


def _colons(folded: str, start: int, end: int) -> list[int]:
    """Where a colon stands between ``start`` and ``end`` (str.find: no pattern call)."""
    out: list[int] = []
    for colon in "：:":
        at = folded.find(colon, start, end)
        while at >= 0:
            out.append(at)
            at = folded.find(colon, at + 1, end)
    return out


def _is_list_item(folded: str, start: int, title_end: int, para: Paragraph, lead: bool) -> bool:
    """An enumerated clause (一、…；) rather than a heading: its line ends in ；or ，, or its
    title runs over a ； (a line's whole first sentence may hold one: 1、检测…100%；涉农…。)."""
    if not lead and (";" in folded[start:title_end] or "；" in folded[start:title_end]):
        return True
    if lead and folded[title_end : title_end + 1] in ("。", "！", "？", "!", "?"):
        return False  # a whole first sentence (9、加强宣传培训。多渠道宣传…、⏎…)
    if lead and folded[para.end - 1] in "；;":
        return True  # a line of a list whose items end in ；
    return para.end - start <= TITLE_LINE_MAX and folded[para.end - 1] in "；;，,、"


def _sentence_list(folded: str, layout: Layout, index: int, section_rules: Sequence[Rule]) -> range:
    """The paragraphs, from ``index`` on (right after a colon), of a list of numbered
    sentences: two or more paragraphs in a row, each a marker numbered on from the one before
    and a short text ending in 。 or ；, with no body between them (…达到下列几项主要要求：⏎
    （一）要使…比较适应。⏎（二）…⏎（三）…).  A heading has a body before its next sibling."""
    rule, ordinal, end = None, 0, index
    for para in layout.paragraphs[index:]:
        if para.end - para.start > LIST_ITEM_MAX or folded[para.end - 1] not in "。；;":
            break
        if rule is None:  # 一、 or （一）: the tiers that title parts (1、 items may be run-in)
            rule = next(
                (r for r in section_rules if r.level <= 2 and r.at.match(folded, para.start)),
                None,
            )
        hit = rule.at.match(folded, para.start, para.end) if rule is not None else None
        if hit is None or small_int(hit.group("num")) != ordinal + 1:
            break
        ordinal, end = ordinal + 1, end + 1
    return range(index, end) if ordinal >= 2 else range(0)


def _is_item(folded: str, para: Paragraph, after_colon: bool, items: bool) -> bool:
    """A numbered paragraph of a list a colon opens: it ends in ；, or it closes a list whose
    items did (…；⏎四、对原材料…，推动生产资料进入市场。).  Headings end in no such mark."""
    end = folded[para.end - 1]
    return (after_colon and end in "；;") or (items and end in "；;。")


def _is_last_item(folded: str, head: Heading, para: Paragraph) -> bool:
    """The closing clause of a list whose items end in ；(…；三、深化农村改革。)."""
    return para.end - head.title_start <= TITLE_LINE_MAX and folded[para.end - 1] == "。"


#: How far past an item's first sentence its responsibility column is looked for (the
#: item's further sentences stand between).
TASK_REACH = 300


def _is_task(
    folded: str, start: int, para: Paragraph, cues: _TitleCues, part: bool = False
) -> bool:
    """Is the heading whose title starts at ``start`` an item of a task list: its first
    sentence followed by a responsibility column (…。责任单位：…), right after it or, where
    the lines were lost, after the item's other sentences (…到位；支持…。完善…。责任单位：…)?"""
    if para.line_start and cues.responsibility.match(folded, para.end) is not None:
        return True  # the column on the next line, whatever ends the item (…6%左右；⏎牵头单位：)
    stop = cues.sentence_end.search(folded, start, para.end)
    if stop is None:
        return False
    if cues.responsibility.match(folded, stop.end()) is not None:
        return True
    if para.end - para.start <= FLAT_DOCUMENT:
        return False
    reach = min(para.end, stop.end() + TASK_REACH)
    column = cues.responsibility.search(folded, stop.end(), reach)
    if column is not None and part:
        # a part's opening sentence, then its first item and the item's column (四、切实加强
        # 政府自身建设坚持把…。438.深学笃用…。责任单位：…): the column is the item's
        return cues.item.search(folded, stop.end(), column.start()) is None
    return column is not None


#: How far into a line a task's responsibility column joined to it is looked for.
COLUMN_REACH = 160


def _title_end(
    folded: str,
    start: int,
    para: Paragraph,
    *,
    top: bool,
    strong: bool,
    cues: _TitleCues,
    flat: bool,
    task: bool = False,
) -> int:
    rest = folded[start : para.end]
    if strong and not flat and (column := cues.responsibility.search(rest, 2, COLUMN_REACH)):
        rest = rest[: column.start()]  # a column its line was joined to (PDF): …800家牵头单位：
    stop = cues.sentence_end.search(rest)
    own_line = stop is None or stop.end() == len(rest)
    # a field's label (项目名称：…) also where the lines were lost, if short
    reach = LABEL_MAX if strong else FIELD_LABEL_MAX if flat else -1
    label = _LABEL_COLON.search(rest, 0, reach + 1) if reach > 0 else None
    if (
        label is not None
        and label.start() >= 2
        and len(rest) - label.end() >= 2
        and not cues.sentence_end.search(rest, 0, label.start())
        and not cues.clause_end.search(rest, 0, label.start())
    ):
        return start + int(label.start())  # a label and its text (客户服务工作：全年受理…)
    if strong and len(rest) <= TITLE_LINE_MAX and own_line:
        return start + (stop.start() if stop else len(rest))
    if top:  # a part heading is a noun phrase: 主要成效 / 存在问题 / 2023年工作计划
        # within the first sentence: a head noun past its 。 is the body's (…改革。认真落实…要求)
        reach = min(len(rest), RUN_IN_MAX, stop.start() if stop is not None else len(rest))
        noun = cues.head_noun.search(rest, 0, reach)
        opening = _body_opening(rest[:reach], cues) if flat and noun is not None else None
        if noun is not None and opening is not None and opening < noun.end():
            reach = opening  # …nor past a body's subject (…而奋斗|我国第一个五年计划已经…)
            noun = cues.head_noun.search(rest, 0, reach)
        while noun is not None and rest[noun.start() - 1 : noun.start()] in _NAME_CLOSE:
            noun = cues.head_noun.search(rest, noun.end(), reach)  # “六五”计划: a name's
        while noun is not None and (more := _chained_noun(rest, noun.end(), reach, cues)):
            noun = more  # …执行情况的回顾: the head noun that 的 joins it to
        comma = cues.clause_end.search(rest)
        far = stop is None or stop.start() > RUN_IN_MAX  # no sentence end in reach
        if flat and noun is not None and _title_goes_on(rest, noun.end(), comma, far, cues):
            noun = None
        glued = comma is not None or (
            stop is not None and noun is not None and stop.start() > noun.end()
        )
        if (
            noun
            and noun.end() < len(rest)
            and glued
            and (comma is None or noun.end() <= comma.start())
        ):
            # …unless the body opened before it (议题基本情况按照公司…工作安排，…)
            run_on = not (strong and not flat and para.line_start)
            head = _unglue(rest[: noun.end()], cues, run_on, body=flat)
            return start + (head if head < noun.end() else int(noun.end()))
    # a heading that opens a line of a text that kept its line breaks is a run-in lead: its
    # title is its first sentence, however long (1、检测…合格率达98%以上，…处置率100%；…。);
    # so is a task list's item, whatever its layout (74.深化推进“152”工程，去年“152”项目今年
    # 要…。⏎责任单位：…): one task whose title is its whole sentence, no body glued to it
    lead = (strong and not flat and para.line_start) or task
    if (stop is not None and (stop.start() <= RUN_IN_MAX or lead)) or (lead and stop is None):
        end = stop.start() if stop is not None else len(rest)
        # a time phrase ending the first clause starts the glued body (多维度突出核心功能2024年，…)
        clause = cues.clause_end.search(rest, 0, end)
        cut = clause.start() if clause is not None else end
        if clause is not None and (head := _unglue(rest[:cut], cues, not lead, body=flat)) < cut:
            return start + head
        head = _unglue(rest[:end], cues, not lead, starters=not task, body=flat)
        if flat and not lead and head == end and stop is not None:
            # the last phrase ran on into the lead (立足…，统筹推进…振兴持续推进…。): it ends no
            # shorter than the first phrase, headings' phrases being parallel
            last = max((m.end() for m in cues.clause_end.finditer(rest, 0, end)), default=0)
            head = last + _glued_lead(folded, start + last, end - last, para, cues)
            if clause is not None and head - last < clause.start() - LEAD_SLACK:
                head = end
        return start + head
    clause = cues.clause_end.search(rest)
    near = clause is not None and clause.start() <= RUN_IN_MAX
    cut = clause.start() if clause is not None and near else min(len(rest), 30)
    if not near:
        # no clause mark in reach: a marker or note glued a little further on still ends a
        # title of one long name (户外广告牌匾标识和标语宣传品管理条例(草案)(市城市管理委起草)7.…)
        glued = cues.glue.search(rest, cut, min(len(rest), RUN_IN_MAX))
        cut = int(glued.start()) if glued is not None else cut
    if clause is not None and cut == clause.start():
        # no sentence end in reach: a sentence opener inside a later clause ends a title of
        # several (坚守立局之本，竭力加强“两违”综合治理我局始终把…; 奋勇争先，开拓创新，
        # 全力以赴做好2023年工作以习近平…); where the lines were lost, one a later clause's
        # predicate tells inside the clause before it (…，是…: a restated subject)
        if flat and (head := _unglue(rest[:cut], cues, body=flat)) < cut:
            return start + head  # the first clause ends on a time (…环境1992年，政府工作…)
        prev = cut
        while True:
            following = cues.clause_end.search(rest, prev + 1, RUN_IN_MAX)
            reach = following.start() if following else min(len(rest), RUN_IN_MAX)
            # a subject the first clause restates, its predicate past the comma
            opening = _body_opening(rest[:reach], cues) if flat else None
            if opening is not None and opening < cut:
                return start + opening
            head = _unglue(rest[:reach], cues, body=flat)
            if (cut if flat else prev) + 4 < head < reach:
                return start + head
            if following is None:
                break
            prev = reach
    return start + _unglue(rest[:cut], cues, body=flat)


#: What closes a name a head noun belongs to (“六五”计划 is the plan's name, not a part's head).
_NAME_CLOSE = "”》」"


def _title_goes_on(rest: str, end: int, comma: Any, far: bool, cues: _TitleCues) -> bool:
    """Where the lines were lost, does a part's title go on past the head noun ending at
    ``end``: 的 joins it to a noun no head noun ends (1981年国民经济计划的任务和主要指标), or it
    closes the first clause of a sentence that runs on with no end in reach (``far``: 采取有力
    措施，保证…计划的完成为了顺利实现…): the cues of a body's start decide the end there."""
    if rest[end : end + 1] in cues.noun_link:
        return True
    return far and comma is not None and comma.start() == end


def _chained_noun(rest: str, end: int, reach: int, cues: _TitleCues) -> Any:
    """The head noun that 的 joins to the one ending at ``end`` (``执行情况的回顾``: the
    phrase's head is 回顾), or None."""
    if end >= len(rest) or rest[end] not in cues.noun_link:
        return None
    return cues.head_noun.match(rest, end + 1, reach)


def _unglue(
    title: str, cues: _TitleCues, run_on: bool = True, starters: bool = True, body: bool = False
) -> int:
    """Length of a heading title once the glued start of the next sentence is cut off.

    A time phrase or a marker ends a title anywhere; a word that opens sentences (全年,
    面对, 力争…) only in a title too long to be one (a glued heading); a plan's label
    (总体思路, 主要目标) when a sentence runs on from it (总体思路以习近平…为指导).  Where the
    lines were lost (``body``), the opening of a body sentence glued to a title run on:
    ``_body_opening``.
    """
    label = cues.label.match(title)
    if label is not None and len(title) >= label.end() + GLUED_TITLE // 3:
        return int(label.end())
    cuts: list[int] = [len(title), *(_run_on(title, cues) if run_on else ())]
    if run_on and (again := _restated(title, cues)) is not None:
        cuts.append(again)
    if run_on and body and (opening := _body_opening(title, cues)) is not None:
        cuts.append(opening)
    if run_on and body and (repeat := _repeated_opening(title, cues)) is not None:
        cuts.append(repeat)  # the body opens by saying the title's opening words again
    glued = cues.glue.search(title, 2)
    if glued is not None:
        cuts.append(int(glued.start()))
    if starters and len(title) > GLUED_TITLE:
        m = cues.starters.search(title, 4)
        if m is not None:
            cuts.append(int(m.start()))
    if run_on and min(cuts) == len(title):  # nothing else ends it
        cuts.append(_figure_clause(title, cues))
    if not body:
        return min(cuts)
    # no title ends on a word that joins it to more (继续扩大内需和|实施…), nor on a verb whose
    # object follows: the body opens at the verb (…能力|做好今年工作，…)
    cut = min(c for c in cuts if c == len(title) or title[c - 1] not in cues.joins)
    verb = cues.object_verb.search(title, PHRASE_MIN, cut) if cut < len(title) else None
    return int(verb.start()) if verb is not None else cut


#: A title never says its own first this many characters again: where they come again, the
#: body has begun (发展科技教育文化和卫生体育事业发展科技教育文化…).
RESTATED_OPENING = 4


def _repeated_opening(title: str, cues: _TitleCues) -> int | None:
    """Where, in a title's first clause, its first RESTATED_OPENING characters come again:
    the body's first sentence, opening by restating the title, or None."""
    clause = cues.clause_end.search(title)
    stop = clause.start() if clause is not None else len(title)
    at = title.find(title[:RESTATED_OPENING], PHRASE_MIN, stop)
    return at if at > 0 else None


#: A section's lead sentences (its task phrases, each opening a paragraph) are at most this
#: long; they are looked for this far into the section; a lead glued to its heading's title
#: is about as long as they are (within LEAD_SLACK characters of their median).
LEAD_MAX, LEAD_REACH, LEAD_SLACK = 20, 1500, 3
#: …and where no verb of the vocabularies opens it, it opens as at least this many of the
#: section's other leads do (their first two letters).
SIBLING_OPENINGS = 2


_LIST_MARK = regex.compile("[、，,；;：:]")


def _glued_lead(folded: str, start: int, end: int, para: Paragraph, cues: _TitleCues) -> int:
    """Length of a heading's title of one phrase that ran on into the lead sentence of its
    first paragraph, where the lines were lost (``全力以赴稳增长扩大有效投资。实施…。促进消费回升。
    …`` → 全力以赴稳增长): the section's other leads, short sentences of one clause, tell how
    long a lead is, and the title ends before the verb that opens a phrase of that length
    (``layout.lead_openers``), not right after an adverb or a conjunction of the same phrase
    (着力扩大…, 保障和改善…).  ``end`` if no other lead stands in the section or no such verb."""
    if end < 3 * PHRASE_MIN:
        return end  # 用心用情办好民生事业: one phrase
    leads = _section_leads(folded, start + end + 1, para, cues)
    if not leads:
        return end
    lengths = [size for size, _ in leads]
    typical = sorted(lengths)[len(lengths) // 2]
    shortest, longest = min(lengths) - LEAD_SLACK, max(lengths) + LEAD_SLACK
    best, gap = end, end
    span = (start + FIRST_PHRASE_MIN, start + end - PHRASE_MIN + 1)
    # a lead opens on a verb, or on an adverb of manner and its verb (扎实推进…), or as the
    # section's other leads open (their first two letters: 壮大…, 保持…, 发挥…)
    counts = Counter(opening for _, opening in leads)
    openings = {opening for opening, n in counts.items() if n >= SIBLING_OPENINGS}
    sibling = (p for p in range(*span) if folded[p : p + 2] in openings)
    for at in chain(
        (m.start() for m in cues.lead_openers.finditer(folded, *span)),
        (m.start() for m in cues.adverb_lead.finditer(folded, *span)),
        sibling,
    ):
        pos = at - start
        if (
            folded[start + pos - 1] in cues.joins + cues.noun_link  # 保障和改善, …的突出问题
            or cues.adverbs.search(folded, start, start + pos)
            or _quoted(folded, start, start + pos)
        ):
            continue
        if _LIST_MARK.search(folded, at, start + end):
            continue  # a lead is one clause (…体系上再聚焦、再突破 is one title)
        if folded[start] in cues.means_openers and not cues.lead_openers.search(
            folded, start, start + pos
        ):
            continue  # a phrase of means, no verb of its own: it modifies the verb after it
        if shortest <= end - pos <= longest and abs(end - pos - typical) <= gap:
            best, gap = pos, abs(end - pos - typical)
    return best


def _section_leads(
    folded: str, pos: int, para: Paragraph, cues: _TitleCues
) -> list[tuple[int, str]]:
    """Lengths and first two letters of the short sentences of one clause (no figure) after
    ``pos`` in its section: up to the next heading of the first two levels, within LEAD_REACH."""
    limit = min(para.end, pos + LEAD_REACH)
    if (upper := cues.upper.search(folded, pos, limit)) is not None:
        limit = upper.start()
    out: list[tuple[int, str]] = []
    while (stop := cues.sentence_end.search(folded, pos, limit)) is not None:
        size = stop.start() - pos
        if (
            PHRASE_MIN <= size <= LEAD_MAX
            and cues.clause_end.search(folded, pos, stop.start()) is None
            and cues.figure.search(folded, pos, stop.start()) is None
        ):
            out.append((size, folded[pos : pos + 2]))
        pos = stop.end()
    return out


#: A title's phrase is at least this long before a body sentence can open inside it.
PHRASE_MIN = 4
#: A title of one clause longer than this has run on into its body.
PHRASE_MAX = 20


def _run_on(title: str, cues: _TitleCues) -> list[int]:
    """Where a body sentence opens inside a heading title run on into it: a frame (按照…,
    在…领导下, a time), or a word a title ends with, four or more characters into a clause;
    failing those, the first word that opens a task phrase (坚决, 构建…) inside a clause
    after the first (or a first too long to be a phrase), four or more characters in,
    before the clause's last four and not right after an adverb (聚焦加快构建…)."""
    starts: list[int] = [0, *(int(m.end()) for m in cues.clause_end.finditer(title))]
    ends: list[int] = [*(int(m.start()) for m in cues.clause_end.finditer(title)), len(title)]

    def into(pos: int) -> int:
        return pos - starts[bisect_right(starts, pos) - 1]

    frames = cues.frames.finditer(title)
    if "、" in title:
        frames = chain(frames, cues.phrase_list.finditer(title))
    frame = min((m.start() for m in frames if into(m.start()) >= 4), default=None)
    if frame is not None and (verb := cues.frame_heads.search(title, 0, frame)):
        frame = verb.start() if into(verb.start()) >= 4 else frame  # 坚持把…放在
    end = next((m.end() for m in cues.ends.finditer(title) if into(m.start()) >= 2), None)
    result = _result_end(title, starts, ends, cues)
    found = [int(p) for p in (frame, end, result) if p is not None]
    if found:
        # a subject's name may stand before the frame (…有力有序推进国家电网公司党组高度重视):
        # a phrase of parallel length still ends first; so does a task opener inside the
        # title's second clause, before a frame or title word further on (推进深层次改革高水平
        # 开放，增强高质量发展动力活力坚持改革攻坚，…，促进各方面…)
        second = _task_opener(title, starts[1:2], ends[1:2], cues, after_verb=True)
        return found + second + _parallel(title, starts, ends, cues)
    return _task_opener(title, starts, ends, cues) or _parallel(title, starts, ends, cues)


def _task_opener(
    title: str, starts: list[int], ends: list[int], cues: _TitleCues, after_verb: bool = False
) -> list[int]:
    """The first word that opens a task phrase (坚决, 构建…) inside one of the clauses given,
    four or more characters in, before the clause's last four and not right after an adverb
    (聚焦加快构建…): ``[position]``, or ``[]``.  ``after_verb``: only after a phrase with a
    verb of its own in the clause (增强…动力活力坚持改革攻坚; after a bare noun the word is
    its result's predicate: 党史学习教育深入推进)."""
    for start, stop in zip(starts, ends, strict=True):
        # a first clause short enough to be one phrase holds a second only well inside it,
        # opened by an adverb of resolve (全力扩大有效需求着力提振消费: a title and its lead
        # sentence run together; not …放在突出位置, …深入推进…)
        # (社会民生坚持尽力而为…: after a noun title of one phrase, four characters in)
        short = start == 0 and stop - start <= PHRASE_MAX
        openers = cues.second_phrase if short else cues.any_opener
        least = FIRST_PHRASE_MIN if short else PHRASE_MIN
        for m in openers.finditer(title, start + PHRASE_MIN, stop):
            pos = m.start()
            if pos < start + least and cues.task_start.search(title, start, pos):
                continue  # a task phrase's verb before it: one phrase (加快推进…着力…)
            if stop - pos < PHRASE_MIN or cues.adverbs.search(title, start, pos):
                continue  # a predicate (…持续激发), or one phrase (聚焦加快构建…)
            if title[pos - 1] in cues.noun_link:
                continue  # the head noun 的 links its modifier to (…切身利益的突出问题)
            if _quoted(title, start, pos):
                continue
            if after_verb and not cues.task_start.search(title, start, pos):
                continue
            return [int(pos)]
    return []


def _restated(title: str, cues: _TitleCues) -> int | None:
    """Where, in a title's first clause, the body's first sentence opens by restating it: a
    verb that opens a phrase, four or more characters in, that the title used already, or
    whose object it names (持续深化改革开放深化国资国企改革，… → 持续深化改革开放;
    农业农村坚持农业农村优先发展，… → 农业农村)."""
    clause = cues.clause_end.search(title)
    stop = clause.start() if clause is not None else len(title)
    for m in cues.lead_openers.finditer(title, PHRASE_MIN, stop - PHRASE_MIN + 1):
        pos, after = m.start(), m.end()
        if cues.adverbs.search(title, 0, pos) or _quoted(title, 0, pos):
            continue
        said = title[:pos]
        if m.group() in said or title[after : after + PHRASE_MIN] in said:
            return int(pos)
    return None


#: A body's subject that restates its title: a stretch of at least RESTATED_MIN characters
#: (and at most RESTATED_MAX compared) the title holds already, at most SUBJECT_MAX before
#: its predicate.
RESTATED_MIN, RESTATED_MAX, SUBJECT_MAX = 2, 4, 12
_SUBJECT_BREAK = regex.compile(r"[，,；;：:]")


def _says_again(title: str, pos: int, stop: int, before: int = -1) -> bool:
    """Does the stretch at ``pos`` (RESTATED_MIN characters or more, before ``stop``) stand
    in the title before ``before`` (``pos``) already?"""
    before = pos if before < 0 else before
    return any(
        title.find(title[pos : pos + size], 0, before) >= 0
        for size in range(min(RESTATED_MAX, stop - pos), RESTATED_MIN - 1, -1)
    )


def _restated_subject(title: str, cues: _TitleCues) -> int | None:
    """Where the body's first sentence opens on a subject that restates the title's words,
    before its predicate (进一步推进改革开放改革开放是…, 扎实推进新农村建设建设新农村，是…,
    促进文化繁荣文化是…: layout.subject_predicates; or a result's predicate that closes the
    sentence, a lead of results glued to a task title: 持续保障和改善民生民生投入持续加大): a
    complete phrase before it (four or more characters into its clause, not ending on a verb
    or adverb whose object it would be, nor on a joining word), the subject a stretch of the
    title said again; the longest such."""
    results = (m for m in cues.results.finditer(title, PHRASE_MIN) if m.end() == len(title))
    for m in chain(cues.predicates.finditer(title, PHRASE_MIN + RESTATED_MIN), results):
        pred = m.start()
        for pos in range(max(PHRASE_MIN, pred - SUBJECT_MAX), pred - RESTATED_MIN + 1):
            if _SUBJECT_BREAK.search(title, pos, pred) or not _HAN.match(title, pos):
                continue
            verb = cues.subject_verb.match(title, pos, pred)
            if not _says_again(title, pos, pred) and (
                verb is None
                or not any(_says_again(title, at, pred, pos) for at in range(verb.end(), pred))
            ):
                continue
            if _after_phrase(title, pos, cues):
                return pos
    return None


def _body_opening(title: str, cues: _TitleCues) -> int | None:
    """Where the body's first sentence opens inside a title run on into it, by what opens it:
    a subject that restates the title (``_restated_subject``), or one that no title opens a
    phrase with, before its predicate (…调整这是转变…, …开放水平我国对外开放已进入…,
    …保障工作各级政府要…: layout.subject_openers), or a frame set apart by its comma
    (…事业在我国现代化进程中，…: layout.body_frames), after a complete phrase."""
    found = [_restated_subject(title, cues)]
    for m in cues.body_openers.finditer(title, PHRASE_MIN):
        if _after_phrase(title, m.start(), cues, nominal=True):
            found.append(int(m.start()))
            break
    return min((p for p in found if p is not None), default=None)


def _after_phrase(title: str, pos: int, cues: _TitleCues, nominal: bool = False) -> bool:
    """Does a complete phrase stand before ``pos``: four or more characters into its clause,
    not ending on a verb or adverb whose object what follows would be (``nominal``: a verb 的
    makes a noun of, …交流的扩大, is none), nor on a joining word, and not inside quotes?"""
    clause = max((b.end() for b in _SUBJECT_BREAK.finditer(title, 0, pos)), default=0)
    verb = cues.verb_end.search(title, 0, pos)
    return not (
        pos - clause < PHRASE_MIN
        or title[pos - 1] in cues.joins + cues.noun_link
        # a verb ending it takes what follows as its object, unless 的 made it a noun before a
        # body's own opener (…交流的扩大|第六个五年计划期间，…)
        or (verb is not None and not (nominal and title[verb.start() - 1] in cues.noun_link))
        or _quoted(title, 0, pos)
    )


#: A clause after a result phrase's predicate at most this long is a sentence of its own,
#: and at least RESULT_CLAUSE long (a subject and its predicate; 改革开放, 新质生产力 are the
#: predicate's object).
RESULT_TAIL, RESULT_CLAUSE = 12, 6
#: How far into a first clause of one phrase's length a task opener starts a second one.
FIRST_PHRASE_MIN = 6


def _result_end(title: str, starts: list[int], ends: list[int], cues: _TitleCues) -> int | None:
    """Where a result phrase (a subject and the predicate that closes it: 产业转型升级步伐加快,
    产业结构不断优化) ends inside the clause that runs on into a sentence of its own
    (…步伐加快工业经济量质齐升); not in a task phrase, whose predicate takes an object
    (推进城市更新持续改善人居环境: the clause opens with a verb).  Only in the last clause
    of a title of one phrase or two (综合施策，经济发展态势良好): a run-on follows the title's
    last phrase, and more clauses make a sentence, whose predicates take objects."""
    if len(starts) > 2:
        return None
    start, stop = starts[-1], ends[-1]
    if cues.task_start.match(title, start):
        return None
    for m in cues.results.finditer(title, start + PHRASE_MIN, stop):
        # what follows is a clause of its own: short (工业经济量质齐升), or with a predicate
        # of its own (an adverb, a figure); not the predicate's object (…加快发展新质生产力)
        rest = m.end()
        if (
            _HAN.match(title, rest)
            and stop - rest >= RESULT_CLAUSE
            and (
                stop - rest <= RESULT_TAIL
                or cues.figure.search(title, rest, stop)
                or cues.adverb_in.search(title, rest + 2, stop)
                or cues.results.search(title, rest + 2, stop)  # a result of its own
            )
        ):
            return int(rest)
    return None


#: How much longer than the first a title's last clause may be before it has run on.
PARALLEL_SLACK = 6


def _parallel(title: str, starts: list[int], ends: list[int], cues: _TitleCues) -> list[int]:
    """A title of two or more parallel phrases whose last clause ran on into the body (构筑改
    革开放高地，激发强劲发展动能推动贸易投资便利化): the last phrase ends before a verb that
    opens a phrase, about as far into the clause as the first phrase is long."""
    if len(starts) < 2:
        return []
    first = ends[0] - starts[0]
    start, stop = starts[-1], ends[-1]
    if stop - start <= first + PARALLEL_SLACK:
        return []
    lo, hi = start + max(PHRASE_MIN, first - 2), min(start + first + 4, stop - PHRASE_MIN - 2)
    # never inside a result's predicate (…转型升级步伐加快: 加快 closes the phrase it is in)
    inside = [(r.start(), r.end()) for r in cues.results.finditer(title, start, stop)]
    found: list[int] = []
    for m in cues.verbs.finditer(title, lo, hi + 1):
        if any(a < m.start() < b for a, b in inside):
            continue
        adverb = cues.adverbs.search(title, start, m.start())
        if adverb is None:
            found.append(int(m.start()))
        elif (
            adverb.start() >= lo
            and cues.verbs.search(title, start, adverb.start())
            and not cues.adverbs.search(title, start, adverb.start())
        ):
            # after a phrase that has its verb, the adverb opens the body's phrase
            # (…打造纪检监察铁军认真落实…); after a bare noun it is the predicate
            # (…战略任务扎实推进), and after another adverb one phrase with it (聚焦加快构建…)
            found.append(int(adverb.start()))
    return [min(found, key=lambda p: abs(p - start - first))] if found else []


def _figure_clause(title: str, cues: _TitleCues) -> int:
    """Where the first clause after the first that holds a figure starts: a heading is a
    phrase, never a clause with figures (抓项目建设，新开工项目12个。); ``len(title)`` if none.
    A glued opener inside that clause, a phrase's length in and before the figure, starts
    the body there instead (…，推动民生建设项目化2023年策划生成项目46个); in the first clause
    a word that opens a clause of figures does (layout.figure_openers: 新建, 完成, 全区…)."""
    if cues.figure.search(title) is None:
        return len(title)
    first = cues.clause_end.search(title)
    if (figure := cues.figure.search(title, 0, first.start() if first else len(title))) and (
        opener := cues.figure_opener.search(title, PHRASE_MIN, figure.start())
    ):
        # the first clause holds it: a short title, then its body's clause of figures
        # (推进城市更新改造老旧小区30个, 就业和社会保障城镇新增就业1.06万人)
        return int(opener.start())
    for m in cues.clause_end.finditer(title):
        stop = cues.clause_end.search(title, m.end())
        end = stop.start() if stop else len(title)
        if figure := cues.figure.search(title, m.end(), end):
            opener = cues.opener.search(title, m.end() + PHRASE_MIN, figure.start())
            return int(opener.start() if opener is not None else m.start())
    return len(title)


_OPENING, _CLOSING = "“《「(（", "”》」)）"


def _quoted(title: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside quotes or brackets opened after ``start``?"""
    depth = 0
    for ch in title[start:pos]:
        depth += ch in _OPENING
        depth -= ch in _CLOSING
    return depth > 0


def _inverted(found: list[Heading]) -> list[Heading]:
    """Levels by the document's own nesting where its markers invert GB/T 9704's: its
    numbered headings open with （一）, and the （一） series, never numbered again, goes on
    after a 一、 series begun inside one of its parts ((一)…(二) 一、…十、 (三)): the （）
    series is the outer one, and the 一、 parts (with what they hold) sit inside it."""
    numbered = [i for i, h in enumerate(found) if not h.tier and h.ordinal]
    if not numbered or found[numbered[0]].level != 2 or found[numbered[0]].ordinal != 1:
        return found
    outer = [i for i in numbered if found[i].level == 2]
    if any(found[b].ordinal != found[a].ordinal + 1 for a, b in pairwise(outer)):
        return found  # numbered again: each 一、 part's own (一)…
    inner = [i for i in numbered if found[i].level == 1]
    if not inner or outer[-1] < inner[-1]:
        return found  # no outer part after the 一、 series: nothing shows it is inside
    tops, inside = set(outer), range(inner[0], outer[-1])
    return [
        _with_level(h, 1)
        if i in tops
        else _with_level(h, h.level + 1)
        if i in inside and not h.tier
        else h
        for i, h in enumerate(found)
    ]


def _shift_levels(found: list[Heading]) -> list[Heading]:
    """With a part tier present (第一部分, or bare part headings) beside numbered parts,
    一、 and below sit one level deeper."""
    if not any(h.tier in ("part", "bare") for h in found) or not any(
        _numbered_part(h) for h in found
    ):
        return found
    return [h if h.tier else _with_level(h, h.level + 1) for h in found]


def _with_title_end(head: Heading, title_end: int) -> Heading:
    return Heading(
        head.start, head.title_start, title_end, head.level, head.marker, head.ordinal,
        head.rule, head.strong, head.tier,
    )  # fmt: skip


def _with_level(head: Heading, level: int) -> Heading:
    return Heading(
        head.start, head.title_start, head.title_end, level, head.marker, head.ordinal,
        head.rule, head.strong, head.tier,
    )  # fmt: skip


def find_sections(ctx: Context, layout: Layout, periods: DocumentPeriods) -> list[Section]:
    """The outline as Section records: ids, parents, spans, kinds and periods."""
    text, folded, rules = ctx.text, ctx.folded, ctx.rules
    heads = find_headings(text, ctx.folded, layout, rules=rules)
    sections: list[Section] = []
    stack: list[tuple[Heading, Section]] = []
    planning = False  # a government work report has turned to the year's plan
    abroad = vocabulary(rules, "kind.plan.not_plan")
    deploys = vocabulary(rules, "kind.document.deploys")
    turned = False  # a summary has turned from its review to its problems or plans
    announced = vocabulary(rules, "kind.plan.announced")
    described = vocabulary(rules, "kind.review.described")
    requested = vocabulary(rules, "kind.review.requested")
    series = 0  # the level of orphaned subsections a sentence set out as work to do
    narrowed: dict[str, str] = {}  # a part's id → the period its subsections speak of
    for i, head in enumerate(heads):
        while stack and stack[-1][0].level >= head.level:
            stack.pop()
        parent = stack[-1][1] if stack else None
        end = next((h.start for h in heads[i + 1 :] if h.level <= head.level), layout.body_end)
        end = _trim_end(text, head.title_end, end)
        own_title = text[head.title_start : head.title_end].strip()
        title = fold(own_title)  # read folded: a title in traditional script too
        kind = section_kind(title, parent.kind if parent else None, rules=rules)
        named = title_period(title, periods, rules=rules)
        kind = span_kind(named, kind, periods, title, rules=rules)  # “十五”时期…情况: review
        period = named or (parent.period if parent else "") or kind_period(kind, periods)
        if parent is not None and parent.parent_id is None and kind == "other":
            kind = _dated_kind(named, periods)  # 基本情况 ⏎ （一）2021年预算预计完成: review
        if parent is not None and not named and period == parent.period:
            # the first subsection decides for its series (“十二五”时期和2015年工作回顾, then
            # 刚刚过去的2015年，… over （一）…: the year's)
            if parent.section_id not in narrowed:
                first = _series_year(folded, head, parent, periods, rules)
                narrowed[parent.section_id] = first or period
            period = narrowed[parent.section_id]
        if parent is None:
            # the year it names ("-": none), not a five-year plan's span: it orders the parts
            own = title_period(title, periods, rules=rules, five_years=False) or "-"
            kind = _top_kind(title, kind, own, periods, rules)
            if own == "-" and periods.doc_type == "gov-work-report":
                # a part whose title names no time (一张蓝图绘到底，…) names it as its body
                # opens (“十五五”时期是…, 2026年是…开局之年): what it speaks of
                opens = _opening_period(folded, head.title_end, end, periods, rules)
                if kind == "other" and opens and not abroad.search(title):
                    kind = "plan"
                    period = opens
                own = opens or own
            if periods.doc_type in _ONLY and (
                kind == "other"
                or (kind == "review" and section_kind(title, "other", rules=rules) != "review")
            ):
                # a document that only plans: its parts do too, and a result it names is a
                # goal (在深化基层治理上实现新成效) unless the title reviews as strictly as a
                # subsection's must (2021年工作完成情况)
                kind = _ONLY[periods.doc_type]
                period = named or kind_period(kind, periods)
            elif kind == "other" and deploys.search(fold(layout.title)):
                kind = "plan"  # the minutes of a work meeting: the tasks it set
                period = named or periods.period
            elif (
                kind == "other"
                and periods.doc_type in _REVIEWS
                and not turned
                and not described.search(title)
                and not requested.search(title)
            ):
                # a summary's parts before its problems or plans review (突出协助职责，
                # 政治保障作用有效发挥 in a report on the year's work), not one describing its
                # setting (湖北电力供需基本情况, 对标指标体系) or putting matters for decision
                kind = "review"
                period = named or kind_period(kind, periods)
            turned = turned or kind in ("plan", "problems")
            if head.ordinal and periods.doc_type == "gov-work-report":
                # once the year's plan has begun, the numbered parts after it are the plan's
                # (三、促进经济又好又快发展, 四、全面加强政府自身建设); not foreign policy, and
                # not a new series of parts (一、 again: a second text, its own kinds)
                planning = planning and head.ordinal > 1
                if kind == "other" and planning and not abroad.search(title):
                    kind = "plan"
                    period = named or kind_period(kind, periods)
                # it begins with a part whose title names the plan year (二、2007年工作总体
                # 部署) or a five-year plan that year opens (二、“十五”期间的奋斗目标… in 2001),
                # not one that only names a plan (二、第一个五年计划概要), or after a review
                # that names the review year (一、１９９１年国内工作的回顾) or the plan it closes
                planning = planning or (kind, own) in (
                    ("plan", periods.plan), ("review", periods.review),
                ) or _opens_or_closes(kind, named, periods)  # fmt: skip
            if kind == "other" and _set_out(folded, head, series, periods, announced):
                # subsections whose part's heading was not found (a flattened page: 三、2021年
                # 重点工作今年是…), set out by the sentence before them as the work to do
                # (今年要重点做好以下几方面工作。): they plan, and so do their siblings
                kind, period, series = "plan", named or kind_period("plan", periods), head.level
            series = series if head.level == series else 0
        section = Section(
            section_id=f"s{i + 1}", parent_id=parent.section_id if parent else None,
            level=head.level, marker=head.marker, ordinal=head.ordinal, title=own_title, kind=kind,
            period=period, start=head.start, end=end, title_start=head.title_start,
            title_end=head.title_end, text=text[head.start : end], rule=head.rule,
        )  # fmt: skip
        sections.append(section)
        stack.append((head, section))
    return sections


#: The kind of a part whose title names none, in a document that only plans (工作要点,
#: 工作计划): what it plans.  (A summary's parts are not all reviews: 其他事项, 部署要求.)
_ONLY = {"plan": "plan"}
#: Documents whose parts review until a part names problems or plans.
_REVIEWS = ("summary", "summary-and-plan")


def _series_year(
    text: str, head: Heading, parent: Section, periods: DocumentPeriods, rules: RuleSet
) -> str:
    """The year a part over both a five-year plan and the year that closes it (“十二五”时期和
    2015年工作回顾) narrows to for its subsections, where the paragraph just before the first
    of them opens on that year (各位代表，刚刚过去的2015年，…): the plan's years came first,
    the year's work follows; else "" (“十四五”时期是…极不平凡的五年。 over them: the span)."""
    if "-" not in parent.period:
        return ""
    year = title_period(parent.title, periods, rules=rules, five_years=False)
    if not year or "-" in year or year == parent.period:
        return ""
    before = text[parent.title_end : head.start].rstrip()
    line = before[before.rfind("\n") + 1 :].strip()
    opening = vocabulary(rules, "period.year_opening")
    starts: list[int] = [0]  # the paragraph's opening
    if len(line) > FLAT_PARAGRAPH:
        # paragraphs run together (a page that lost its line breaks): the paragraph before
        # the subsection is unknown, so the last sentence within a paragraph's reach that
        # opens on a year speaks for it (…新成效。各位代表，刚刚过去的2015年，…)
        line = line[-PARAGRAPH_REACH:]
        starts.extend(m.end() for m in _SENTENCE_START.finditer(line))
    for start in reversed(starts):
        m = opening.match(arabic_years(fold(line[start:]), rules=rules))
        if m:
            return year if m.group("year") == year else ""
    # the part's opening sets out the year's work, in a paragraph before the last or late in
    # it (…总抓手。2026年政府工作主要是围绕…; 今年工作的总体要求是…): its parts are that year's
    return year if _year_work(before, year, periods, rules) else ""


def _year_work(before: str, year: str, periods: DocumentPeriods, rules: RuleSet) -> bool:
    """Does a sentence of a part's opening set out the work of ``year`` (``period.year_work``:
    2026年政府工作主要是…, 今年工作的总体要求是… where 今年 is the report's plan year)?"""
    work = vocabulary(rules, "period.year_work")
    for opened in _SENTENCE_OPENING.finditer(before):
        m = work.match(arabic_years(fold(before[opened.end() : opened.end() + 40]), rules=rules))
        if m and (m.group("year") == year or (m.group("this") and year == periods.plan)):
            return True
    return False


#: How far back from a subsection a sentence opening on its year is sought where the
#: paragraphs before it ran together: about the length of one paragraph.
PARAGRAPH_REACH = 600
_SENTENCE_START = regex.compile(r"[。！？!?]\s*")
#: Where a sentence of a part's opening starts: the opening, after a full stop, a new line.
_SENTENCE_OPENING = regex.compile(r"(?:^|[。！？!?]|\n)\s*")


def _dated_kind(named: str, periods: DocumentPeriods) -> str:
    """The kind of a subsection of a part that neither reviews nor plans (a summary's
    基本情况), from the year its own title names: the document's review year reviews
    (2021年预算预计完成), its plan year plans (2022年预算草案建议); else other."""
    if periods.review == periods.plan or not named:
        return "other"
    return {periods.review: "review", periods.plan: "plan"}.get(named, "other")


def _opens_or_closes(kind: str, named: str, periods: DocumentPeriods) -> bool:
    """Does a part plan the five-year plan that opens in the plan year, or review the one
    that closed with the review year (a span its title names: “十五”期间…, 2001-2005 in 2001)?"""
    if "-" not in named:
        return False
    first, last = named[:4], named[5:9]
    return (kind, first) == ("plan", periods.plan[:4]) or (kind, last) == (
        "review",
        periods.review[:4],
    )


def _set_out(
    text: str, head: Heading, series: int, periods: DocumentPeriods, announced: regex.Pattern[str]
) -> bool:
    """Is a subsection with no part over it (its part's heading lost) one of a series the
    sentence before it set out as work to do (``kind.plan.announced``), or a sibling of one?"""
    if head.level <= 1 or periods.review == periods.plan:
        return False
    return head.level == series or bool(announced.search(text, max(head.start - 60, 0), head.start))


def _top_kind(title: str, kind: str, own: str, periods: DocumentPeriods, rules: RuleSet) -> str:
    """A top-level section's kind where its words leave it open: the year its title names
    (关于2026年工作 in a 2026 report is the plan), the five-year plan it names (“十五五”
    时期发展的主要考虑), and 主要工作 of the plan year (2026年主要工作: the words read both
    ways) unless the title also reviews."""
    if periods.review == periods.plan or kind not in ("other", "review"):
        return kind
    if kind == "review":
        reviewed = vocabulary(rules, "kind.review.reviewed").search(title)
        return "plan" if own == periods.plan and not reviewed else kind
    kind = {periods.plan: "plan", periods.review: "review"}.get(own, kind)
    plan = five_year_plan(periods.plan)
    if kind == "other" and names_five_year_plan(fold(title), plan, rules=rules):
        return "plan"
    return kind


def _opening_period(
    text: str, start: int, end: int, periods: DocumentPeriods, rules: RuleSet
) -> str:
    """The period a part's body opens by naming (``period.opening``: “十五五”时期是…, 2026年
    是…), where it is the report's plan year or the five-year plan that year opens; else "".
    A body opening on the review year (1956年，…) names the time it reviews but no kind: the
    parts a review opens are not all reviews (the next may plan, or reckon a plan's years)."""
    m = vocabulary(rules, "period.opening").match(text, start, end)
    if m is None:
        return ""
    named = title_period(m.group("time"), periods, rules=rules)
    plan = five_year_plan(periods.plan)
    ahead = five_year_years(plan) if plan else ""
    if not ahead.startswith(periods.plan[:4]):
        # a five-year plan speaks of the plan ahead only in its first year (“十五五”时期是…
        # in 2026); in its later years the body that names it reviews its years so far
        ahead = ""
    return named if named and named in (periods.plan, ahead) else ""


def _trim_end(text: str, floor: int, end: int) -> int:
    while end > floor and text[end - 1].isspace():
        end -= 1
    return end
