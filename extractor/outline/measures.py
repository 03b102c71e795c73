"""Measures: the enumerated items (一是…二是…) and lead sentences inside sections (SPEC §2).

Markers are looked for at a paragraph start or after punctuation (inline lists
``一是…；二是…；``).  Each family (是, 要, 第一, 其一, 首先…最后) forms lists on its own:
a list starts at ordinal one and continues within one section, tolerating a skipped or a
repeated number so that the audit can report them.  An item runs to the next item; the
last item to the end of its paragraph (inline lists) or to the next heading or list.  In
sections with no enumerations, paragraphs that open with a short lead sentence, or with a
dash, are measures of style ``lead`` and ``dash``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import regex

from extractor.context import Context, Locator
from extractor.model import Measure, Section
from extractor.outline.layout import Layout, Paragraph
from extractor.outline.sections import body_opening, lost_breaks
from extractor.rules.loader import Rule, RuleSet
from extractor.text.numbers import small_int
from extractor.text.rx import at_position

_MARKER_PUNCT = "，,：:、 "
_BOUNDARY = "。；;：:，,！？!?、"
#: A headline ends at the end of its sentence, or of its paragraph: a line break before a
#: blank or indented line (a line break alone may be a hard wrap inside the sentence).
_HEADLINE_END = regex.compile(r"[。；;！？!?]|\n(?=\s)")
_QUOTE = regex.compile(r"“([^“”]{1,30})”|\"([^\"]{1,30})\"|「([^「」]{1,30})」")


@dataclass(frozen=True, slots=True)
class _Rules:
    """The measure rules of a rule set by style, and what they are checked against."""

    enumerating: tuple[Rule, ...]  # the enumerated rules
    dash: Rule | None
    lead: Rule | None  # matched at a paragraph start: a short first sentence
    opens_item: Any  # an enumerated marker ({measure_marker}), matched at a position
    opens_heading: Any  # a heading's marker ({heading_marker}): a numbered line, no lead
    address: Any  # forms of address and rhetoric: never leads
    rhetoric: Any
    couplet: Any  # a short couplet: rhetoric, but on a line of its own (a page's bold lead)
    span_lead: Any  # a span named by what it was (这是…的五年。): a lead all the same
    instructs: Any  # a body that opens on what must be done (要继续…): a bold line's body
    narrates: Any  # a clause mark or a figure: a body's sentence, no headline under an item
    run_gap: str  # what may stand between markers that are ordinals of a noun


def _measure_rules(rules: RuleSet) -> _Rules:
    def build(r: RuleSet) -> _Rules:
        measure = r.of("measure")
        return _Rules(
            enumerating=tuple(rule for rule in measure if not rule.style),
            dash=next((x for x in measure if x.style == "dash"), None),
            lead=next((x for x in measure if x.style == "lead"), None),
            opens_item=at_position(r.template("measure_marker")),
            opens_heading=at_position(r.template("heading_marker")),
            address=regex.compile(r.vocab("layout.address").pattern),
            rhetoric=regex.compile(r.vocab("layout.rhetoric").pattern),
            couplet=regex.compile(r.vocab("layout.couplet").pattern),
            span_lead=regex.compile(r.vocab("layout.span_lead").pattern),
            instructs=regex.compile(r.vocab("layout.instructs").pattern),
            narrates=regex.compile(r.vocab("layout.narrates").pattern),
            run_gap=r.vocab("outline.marker_run_gap").chars,
        )

    return rules.compiled("measure_rules", build)


@dataclass(slots=True)
class _Item:
    start: int
    marker_end: int
    ordinal: int
    rule: Rule
    para: int
    scope: int  # index of the innermost section, -1 outside any
    end: int = 0
    closes: bool = False  # a closing word (最后): the next item of the list, whatever it is
    heads_list: bool = False  # a lead that runs straight into a list: kept beside other leads
    bold: bool = False  # a line of its own over a body that opens on 要…: a lead alone too


@dataclass(slots=True)
class _List:
    items: list[_Item] = field(default_factory=list)


def find_measures(ctx: Context, layout: Layout, sections: Sequence[Section]) -> list[Measure]:
    """Every measure of the body, in document order, with ids, sections and parents."""
    text, folded, rules = ctx.text, ctx.folded, ctx.rules
    locator = Locator(sections)
    heading_spans = [(s.start, s.title_end) for s in sections]
    items = _find_items(folded, layout, locator, heading_spans, rules)
    lists = _group(items)
    _extend(lists, layout, sections, locator)
    enumerated = [it for lst in lists for it in lst.items]
    extra = _dash_and_lead(text, folded, layout, sections, locator, enumerated, rules)
    flat = lost_breaks(text, layout)
    points = _point_lines(folded, lists, flat, rules) if any(flat) else {}
    return _records(text, folded, enumerated, extra, locator, points)


#: A list whose items' headlines ran on into their bodies' first sentences where the lines
#: were lost (point lines: 第一，必须把加强农业放在…地位⏎在我们这样一个…大国里，…) has at least
#: this many such items, and they are at least half its items.
POINT_LINES_MIN = 2


def _point_lines(
    folded: str, lists: list[_List], flat: list[bool], rules: RuleSet
) -> dict[int, int]:
    """Where the headlines of a list of point lines end (by ``id`` of the item), in paragraphs
    that lost their line breaks: an item's headline is one short task or topic phrase and its
    body opens on what opens a body sentence (``sections.body_opening``); a lone item whose
    sentence holds such an opener is one sentence (各级政府要…), so only a list most of whose
    items run on so is read as point lines."""
    out: dict[int, int] = {}
    for lst in lists:
        cuts: dict[int, int] = {}
        for it in lst.items:
            if not flat[it.para]:
                continue
            h_start, h_end = _headline(folded, it.marker_end, it.end)
            at = body_opening(folded[h_start:h_end], rules)
            if at is not None:
                cuts[id(it)] = h_start + at
        if len(cuts) >= POINT_LINES_MIN and 2 * len(cuts) >= len(lst.items):
            out.update(cuts)
    return out


def _find_items(
    folded: str,
    layout: Layout,
    locator: Locator,
    heading_spans: list[tuple[int, int]],
    rules: RuleSet,
) -> list[_Item]:
    items: list[_Item] = []
    head_starts = [a for a, _ in heading_spans]
    measure = _measure_rules(rules)
    for pi, para in enumerate(layout.paragraphs):
        body = folded[para.start : para.end]
        for rule in measure.enumerating:
            if rule.needs and not any(map(body.__contains__, rule.needs)):
                continue  # none of the letters every marker holds: a scan could not match
            # one character past the paragraph, so that a marker alone on its line
            # (一是⏎加快…) passes a lookahead; a marker itself never takes that character
            stop = min(para.end + 1, len(folded))
            for m in rule.regex.finditer(folded, para.start, stop):
                if m.end() > para.end or not _at_boundary(
                    folded, para, m.start(), heading_spans, head_starts
                ):
                    continue
                ordinal, closes = _ordinal(rule, m)
                if ordinal is None:
                    continue
                scope = locator.index(m.start())
                end = m.end()
                while end > m.start() + 1 and folded[end - 1] in _MARKER_PUNCT:
                    end -= 1  # the marker is 第一, not 第一，
                items.append(_Item(m.start(), end, ordinal, rule, pi, scope, closes=closes))
    items.sort(key=lambda it: it.start)
    return _without_marker_runs(folded, items, measure.run_gap)


def _without_marker_runs(folded: str, items: list[_Item], gap_chars: str) -> list[_Item]:
    """Drop markers that follow each other with nothing between but a separator, and the
    last of such a run: they are ordinals of a noun (第一、第二、第三产业), not items."""
    run: set[int] = set()
    for a, b in pairwise(items):
        gap = folded[a.marker_end : b.start] if b.start >= a.marker_end else "-"
        if not gap.strip(gap_chars):
            run.update((id(a), id(b)))
    return [it for it in items if id(it) not in run] if run else items


def _at_boundary(
    folded: str, para: Paragraph, pos: int, spans: list[tuple[int, int]], starts: list[int]
) -> bool:
    i = bisect_right(starts, pos) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return False  # inside a heading's marker or title
    j = pos - 1
    while j >= para.start and folded[j] == " ":
        j -= 1
    if i >= 0 and j + 1 == spans[i][1]:
        return True  # glued to the end of a heading title (or a space after it)
    return j < para.start or folded[j] in _BOUNDARY


def _ordinal(rule: Rule, m: regex.Match[str]) -> tuple[int | None, bool]:
    """The ordinal a marker writes, and whether it is a closing word (最后: its ordinal is
    the list's next, set when the list is known)."""
    if rule.ordinals or "closing" in rule.attrs:
        word = m.group("word")
        if word in rule.attrs.get("closing", ()):
            return 0, True
        return rule.ordinals.get(word), False
    return small_int(m.group("num")), False


def _group(items: list[_Item]) -> list[_List]:
    """Lists per family: start at one, continue within a section, tolerate gap and repeat;
    a list begun inside another's item (二是…一是…五是) leaves it open, so that the outer
    list goes on after it (…三是)."""
    lists: list[_List] = []
    open_: dict[str, list[_List]] = {}  # per family, the lists open, the innermost last
    for it in items:
        stack = open_.setdefault(it.rule.family, [])
        cur = stack[-1] if stack else None
        last = cur.items[-1] if cur else None
        if cur and last and it.scope == last.scope and it.ordinal != 1 and _continues(last, it):
            if it.closes:  # 最后 closes the list as its next item
                it.ordinal = last.ordinal + 1
            cur.items.append(it)
        elif it.ordinal == 1:
            if not (last and it.scope == last.scope):
                stack.clear()
            stack.append(_List([it]))
            lists.append(stack[-1])
        elif _resumes(stack, it):
            stack.pop()
            stack[-1].items.append(it)
        elif cur is not None and it.scope != (last.scope if last else None):
            stack.clear()
    return [lst for lst in _pairs(items, lists) if len(lst.items) >= 2]


def _pairs(items: list[_Item], lists: list[_List]) -> list[_List]:
    """Two lone first items of one rule, next to each other in one paragraph, are a pair: the
    one and the other (办两件大事：一是…；一是…, 基本点是两条，一是…，一是…), a list of two."""
    alone = {id(lst.items[0]): lst for lst in lists if len(lst.items) == 1}
    for x, y in pairwise(items):
        if id(x) in alone and id(y) in alone and x.rule is y.rule and x.para == y.para:
            alone.pop(id(x)).items.append(y)
            alone.pop(id(y)).items.clear()
    return lists


def _resumes(stack: list[_List], it: _Item) -> bool:
    """Does ``it`` continue, by the very next ordinal, the list the innermost open one was
    begun in (二是 … 一是…五是 … 三是)?"""
    if len(stack) < 2 or it.closes or len(stack[-1].items) < 2:
        return False
    outer = stack[-2].items[-1]
    return outer.scope == it.scope and it.ordinal == outer.ordinal + 1


def _continues(last: _Item, it: _Item) -> bool:
    if it.closes:  # 最后
        return True
    return last.ordinal <= it.ordinal <= last.ordinal + 2


def _extend(lists: list[_List], layout: Layout, sections: Sequence[Section], loc: Locator) -> None:
    """Set each item's end: the next item, else its paragraph or the next heading/list."""
    heads = sorted(s.start for s in sections)
    firsts = sorted(lst.items[0].start for lst in lists if _is_block(lst, layout))
    for lst in lists:
        for a, b in zip(lst.items, lst.items[1:], strict=False):
            a.end = b.start
        last = lst.items[-1]
        limit = layout.body_end
        if last.scope >= 0:
            limit = min(limit, sections[last.scope].end)
        limit = min([limit, *(h for h in heads if h > last.start)])
        if _is_block(lst, layout):
            limit = min([limit, *(f for f in firsts if f > last.start)])
        else:
            limit = min(limit, layout.paragraphs[last.para].end)
        last.end = limit


def _is_block(lst: _List, layout: Layout) -> bool:
    """A list whose items open paragraphs (not an inline list within one paragraph)."""
    first = lst.items[0]
    return layout.paragraphs[first.para].start == first.start and any(
        it.para != first.para for it in lst.items
    )


def _dash_and_lead(
    text: str,
    folded: str,
    layout: Layout,
    sections: Sequence[Section],
    loc: Locator,
    enumerated: list[_Item],
    rules: RuleSet,
) -> list[_Item]:
    """Dash items anywhere; lead sentences in sections whose enumerations (if any) run
    inside paragraphs."""
    measure = _measure_rules(rules)
    dash_rule, lead_rule = measure.dash, measure.lead
    paragraphs = layout.paragraphs
    # a section whose items open paragraphs is enumerated; inline lists (…。一是…；二是…)
    # sit inside lead paragraphs and nest under their lead
    with_enum = {it.scope for it in enumerated if paragraphs[it.para].start == it.start}
    item_starts = {it.start for it in enumerated}
    parents = {s.parent_id for s in sections}
    ids = {s.section_id: i for i, s in enumerate(sections)}
    first_child: dict[int, int] = {}
    for s in sections:
        if s.parent_id is not None:
            first_child.setdefault(ids[s.parent_id], s.start)
    head_starts = {s.start for s in sections}
    under_items = _led_runs(folded, paragraphs, enumerated, head_starts, measure)
    found: list[_Item] = []
    body_of_lead = -1  # the paragraph after a lead that stands on a line of its own
    for pi, para in enumerate(paragraphs):
        if para.start in head_starts:
            continue
        scope = loc.index(para.start)
        if dash_rule is not None and para.end - para.start > FLAT_DASHES:
            found += _inline_dashes(folded, para, pi, dash_rule, loc, sorted(head_starts))
        if dash_rule is not None:
            m = dash_rule.at.match(folded, para.start, para.end)
            if m:
                found.append(_Item(para.start, m.end(), 0, dash_rule, pi, scope, para.end))
                continue
        if pi == body_of_lead:
            continue
        if lead_rule is None:
            continue
        beside_items = scope in with_enum  # only a span's headline is a lead there
        if (
            scope >= 0
            and sections[scope].section_id in parents
            and para.start >= first_child.get(scope, 0)
        ):
            continue
        lead = lead_rule.at.match(folded, para.start, para.end)
        if lead is None or measure.opens_item.match(folded, para.start):
            continue
        if measure.opens_heading.match(folded, para.start):
            continue  # a numbered line a colon's list left no heading (…进行：⏎三、合理地…。)
        whole_line = lead.end() >= para.end  # the sentence is the whole line: above its body
        if whole_line and not _body_follows(folded, paragraphs, pi, head_starts, measure):
            continue
        heads_list = _next_nonspace(folded, lead.end(), para.end) in item_starts
        if heads_list and measure.narrates.search(folded, para.start, lead.end()):
            continue  # it introduces the list (一年来，全市经济稳中有进。一是…, 共办结12件。一是…)
        if _continues_sentence(folded, paragraphs, pi, head_starts):
            continue
        if pi and _address_line(folded, paragraphs[pi - 1], measure):
            continue  # 各位代表！⏎中国与世界各国发展紧密相连…。: a passage's opening statement
        sentence = folded[para.start : lead.end()]
        if measure.span_lead.match(sentence):
            pass  # 这五年是…的五年。: a result's headline, though on 这 and 是
        elif (beside_items and not whole_line and pi not in under_items) or _rhetoric(
            measure, sentence, whole_line
        ):
            continue  # beside items opening paragraphs, a page's bold lead line still leads
        bold = whole_line and _instructs(folded, paragraphs[pi + 1], measure)
        if lead.end() >= para.end:
            body_of_lead = pi + 1
        found.append(_Item(para.start, para.start, 0, lead_rule, pi, scope, heads_list=heads_list,
                           bold=bold))  # fmt: skip
    return _number_leads(found, layout, sections)


#: A paragraph longer than this has lost its line breaks (sections.FLAT_PARAGRAPH): a dash
#: item may stand inside it, right after a sentence.
FLAT_DASHES = 1200
_SENTENCE_END = "。！？!?"


def _inline_dashes(
    folded: str, para: Paragraph, pi: int, rule: Rule, loc: Locator, heads: list[int]
) -> list[_Item]:
    """Dash items inside a paragraph that lost its line breaks: a dash right after a sentence
    (…取得历史性成就。——这五年，综合实力大幅跃升。…), each running to the next, or to the next
    heading or the paragraph's end."""
    starts: list[tuple[int, int]] = []
    at = folded.find("——", para.start + 1, para.end)
    while at > 0:
        m = rule.at.match(folded, at, para.end)
        if m is not None and folded[at - 1] in _SENTENCE_END:
            starts.append((at, m.end()))
        at = folded.find("——", (m.end() if m is not None else at + 2), para.end)
    items: list[_Item] = []
    for i, (start, marker_end) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else para.end
        head = bisect_right(heads, start)
        if head < len(heads) and heads[head] < end:
            end = heads[head]
        items.append(_Item(start, marker_end, 0, rule, pi, loc.index(start), end))
    return items


def _body_follows(
    folded: str,
    paragraphs: Sequence[Paragraph],
    index: int,
    head_starts: set[int],
    measure: _Rules,
) -> bool:
    """A line of one short sentence is a lead when its body follows on the next line: a
    paragraph that is no heading, no list item and no such line itself (markup put the
    bold lead of gov.cn pages on a line of its own: ``必须坚持深化改革。⏎改革开放是…``).
    Not when the next line opens a run of paragraphs each led by a short sentence of its own
    (坚持民生为大，…。⏎促进高质量充分就业。城镇…⏎提升全民健康保障水平。…): the line opens its
    section's run of leads; a lead on a line of its own alternates with its bodies."""
    if index + 1 >= len(paragraphs):
        return False
    nxt = paragraphs[index + 1]
    if nxt.start in head_starts or measure.opens_item.match(folded, nxt.start):
        return False
    assert measure.lead is not None
    lead = measure.lead.at.match(folded, nxt.start, nxt.end)
    if lead is None or _instructs(folded, nxt, measure):
        return True  # 进一步实施可持续发展战略。⏎要以…: the line's body, whatever follows it
    if lead.end() >= nxt.end:
        return False
    if index + 2 >= len(paragraphs) or paragraphs[index + 2].start in head_starts:
        return True
    return not (_led(folded, nxt, measure) and _led(folded, paragraphs[index + 2], measure))


def _instructs(folded: str, para: Paragraph, measure: _Rules) -> bool:
    """Does a paragraph open on what must be done (要继续…), as a task lead's body does?"""
    return measure.instructs.match(folded[para.start : para.start + 3]) is not None


def _led_runs(
    folded: str,
    paragraphs: Sequence[Paragraph],
    enumerated: Sequence[_Item],
    head_starts: set[int],
    measure: _Rules,
) -> set[int]:
    """The paragraphs of a run of two or more, each led by a short sentence, right after a
    paragraph an item opens: the item's results or tasks, each under its lead (一是突出打好…，
    经济高质量发展跃上新台阶。⏎内需拉动明显增强。…⏎产业升级步伐加快。…), though the section's
    items open paragraphs. One such paragraph alone is the item's body."""
    opened = {it.para: it for it in enumerated if paragraphs[it.para].start == it.start}
    runs: set[int] = set()
    for pi, it in sorted(opened.items()):
        alone = not folded[it.marker_end : paragraphs[pi].end].strip(_MARKER_PUNCT + "\n")
        run = []  # a marker alone on its line (第四，⏎…) has its item's text on the next
        for j in range(pi + 1 + alone, len(paragraphs)):
            para = paragraphs[j]
            opens = j in opened or para.start in head_starts
            if opens or not _led(folded, para, measure, headline=True):
                break
            run.append(j)
        if len(run) >= 2:
            runs.update(run)
    return runs


def _led(folded: str, para: Paragraph, measure: _Rules, *, headline: bool = False) -> bool:
    """Does a paragraph open with a short sentence that has more text after it, no address
    nor rhetoric (a lead and its body in one paragraph)?  With ``headline``, one phrase, as a
    result or task set under an item is (内需拉动明显增强。…): a first sentence with a clause
    mark or a figure narrates the item's body (全年完成投资300亿元。…, 围绕…，…。)."""
    assert measure.lead is not None
    lead = measure.lead.at.match(folded, para.start, para.end)
    if lead is None or lead.end() >= para.end:
        return False
    if headline and measure.narrates.search(folded, para.start, lead.end()):
        return False
    return not _rhetoric(measure, folded[para.start : lead.end()], False)


def _address_line(folded: str, para: Paragraph, measure: _Rules) -> bool:
    """Is a paragraph a form of address alone (各位代表！)?  In a report it opens a passage
    (the government's own conduct, the nation's unity, defence, the world), and the paragraph
    after it states the passage's theme, no task or result of its own."""
    line = folded[para.start : para.end].strip(_ADDRESS_END)
    if len(line) > _ADDRESS_MAX:
        return False
    m = measure.address.match(line)
    return m is not None and m.end() == len(line)


#: 各位代表, 各位委员, 同志们: the forms of address a line of its own holds
_ADDRESS_MAX = 4


_ADDRESS_END = "！!：:，, \u3000\n"


def _rhetoric(measure: _Rules, sentence: str, whole_line: bool) -> bool:
    """A form of address or rhetoric, never a lead; a couplet is one unless it stands on a
    line of its own over its body (a page's bold lead: 科教兴国，基础在教育。⏎…)."""
    if measure.address.search(sentence) or measure.rhetoric.match(sentence):
        return True
    return not whole_line and measure.couplet.match(sentence) is not None


def _next_nonspace(folded: str, pos: int, end: int) -> int:
    while pos < end and folded[pos] in " \t\n":
        pos += 1
    return pos


def _continues_sentence(
    folded: str, paragraphs: Sequence[Paragraph], index: int, head_starts: set[int]
) -> bool:
    """A paragraph that carries on the previous one's sentence (a line broken mid-sentence)."""
    first = folded[paragraphs[index].start]
    if not (first.isalnum() or first in '“"《(（—'):
        return True
    if index == 0:
        return False
    prev = paragraphs[index - 1]
    if prev.start in head_starts:
        return False
    return folded[prev.end - 1] not in '。！？!?：:；;”"）)】'


def _number_leads(found: list[_Item], layout: Layout, sections: Sequence[Section]) -> list[_Item]:
    """Ordinals within each section and family; a lead runs to the next lead or heading."""
    counts: dict[tuple[int, str], int] = {}
    heads = sorted(s.start for s in sections)
    # a task phrase that runs straight into its list (持续办好为民实事。一是…) is a lead where
    # another lead stands beside it (抓好资源节约工作。一要…⏎加快建设环境友好型社会。…);
    # alone, it introduces the list; a section needs two leads
    plain: dict[int, int] = {}
    every: dict[int, int] = {}
    for it in found:
        if it.rule.style == "lead":
            every[it.scope] = every.get(it.scope, 0) + 1
            plain[it.scope] = plain.get(it.scope, 0) + (not it.heads_list)
    kept = [
        it for it in found
        if it.rule.style != "lead" or it.bold
        or (plain.get(it.scope, 0) >= 1 and every[it.scope] >= 2)
    ]  # fmt: skip
    for i, it in enumerate(kept):
        key = (it.scope, it.rule.family)
        counts[key] = counts.get(key, 0) + 1
        it.ordinal = counts[key]
        if it.rule.style == "lead":
            nxt = next((o.start for o in kept[i + 1 :] if o.scope == it.scope), layout.body_end)
            limit = sections[it.scope].end if it.scope >= 0 else layout.body_end
            it.end = min([nxt, limit, *(h for h in heads if h > it.start)])
    return kept


def _records(
    text: str,
    folded: str,
    enumerated: list[_Item],
    extra: list[_Item],
    loc: Locator,
    points: dict[int, int],
) -> list[Measure]:
    items = sorted(enumerated + extra, key=lambda it: (it.start, -it.end))
    ids = {id(it): f"m{i + 1}" for i, it in enumerate(items)}
    out: list[Measure] = []
    open_: list[tuple[_Item, int]] = []  # the enclosing measures and where each ends
    for it in items:
        end = it.end
        while end > it.marker_end and text[end - 1].isspace():
            end -= 1
        while open_ and open_[-1][1] <= it.start:
            open_.pop()
        parent = ids[id(open_[-1][0])] if open_ else None
        if open_:  # a sub-list ends with its parent (三是… 一要… 四是: 一要 stops at 四是)
            end = max(it.marker_end, min(end, open_[-1][1]))
        h_start, h_end = _headline(folded, it.marker_end, end)
        h_end = min(h_end, points.get(id(it), h_end))  # a point line's, run on into its body
        headline = text[h_start:h_end]
        quote = _QUOTE.search(headline)
        slogan = next((g for g in quote.groups() if g), "") if quote else ""
        style = it.rule.style or "enumerated"
        out.append(
            Measure(
                measure_id=ids[id(it)], section_id=loc.id_at(it.start), parent_id=parent,
                marker=text[it.start : it.marker_end], ordinal=it.ordinal, style=style,
                headline=headline, slogan=slogan, start=it.start, end=end, headline_start=h_start,
                headline_end=h_end, text=text[it.start : end], rule=it.rule.id,
            )
        )  # fmt: skip
        open_.append((it, end))
    return out


def _headline(folded: str, start: int, end: int) -> tuple[int, int]:
    while start < end and folded[start] in " \t\n，,、：:":
        start += 1
    stop = _HEADLINE_END.search(folded, start, end)
    if stop is not None:
        return start, stop.start()
    # an item of an inline list whose items a comma joins (一是…提升，二是…) ends before it
    while end > start and folded[end - 1] in _LIST_COMMA:
        end -= 1
    return start, end


#: What joins the items of an inline list and ends an item's headline with nothing after it.
_LIST_COMMA = "，,、 \t\n"
