"""The schema of the rule files: every table of ``patterns/``, its keys and their types.

A pattern directory holds TOML files whose top-level tables are of three shapes:

- **rule arrays** (``[[section]]``, ``[[measure]]``, ``[[audit]]``, ``[[indicator]]``): each
  entry a rule with an ``id`` unique across every file, a ``pattern`` and the keys its
  table allows (:data:`RULE_TABLES`);
- **vocabularies** (``[claims]``, ``[layout]``, ``[kind.plan]`` …): named entries, each a
  list of words or patterns, one pattern, a set of characters or a number
  (:data:`VOCABULARIES`).  An entry is written bare (``approx_inner = ["余", "多"]``) or as
  a table that carries its own checks::

      [claims.approx_before]
      description = "hedges right before a figure"
      patterns = ["不少于", "约"]
      examples = ["约3万人"]
      counterexamples = ["签约3个项目"]

- **maps** (``[units]``, ``[unit_scales]``, ``[templates]`` …): keys the user chooses, each
  with a typed value (:data:`MAPS`).

Anything else — a table or key the schema does not know, a value of the wrong type — is a
:class:`~extractor.errors.RuleError` that names the file, the table, the rule and the key:
a misspelled ``aprox_before`` is an error, never a pattern that silently stops matching.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from extractor.errors import RuleError


def default_patterns_dir() -> Path:
    """Where the shipped pattern files are: inside the wheel, or beside the package (the
    loader reads them; extractor.rules.script derives the fold's table with one of them)."""
    here = Path(__file__).resolve().parents[1]  # the package: extractor/rules/schema.py
    for candidate in (here / "patterns", here.parent / "patterns"):
        if candidate.is_dir():
            return candidate
    raise RuleError(f"pattern directory not found next to {here}")


# --- what a value may be ----------------------------------------------------------------

WORDS = "words"  # literal strings (regex-escaped where they are compiled)
PATTERNS = "patterns"  # regex strings (templates expanded)
PATTERN = "pattern"  # one regex string (templates expanded)
CHARS = "chars"  # a string read as a set of characters
TEXT = "text"  # a plain string
PATH = "path"  # a file path, relative to the pattern directory
PATHS = "paths"
INT = "int"
FLOAT = "float"
BOOL = "bool"
MAP = "map"  # a table of str → number (for ``ordinals``)
TABLE = "table"  # a table its module checks further (the audit's message cases)

#: The key under which a long-form entry holds its value, by kind.
VALUE_KEY = {WORDS: "words", PATTERNS: "patterns", PATTERN: "pattern", CHARS: "chars"}
#: Kinds whose entries are lists and grow when two files (or a user's file) hold them.
LISTS = frozenset({WORDS, PATTERNS, PATHS})
#: Kinds that can be wrong in a way an example shows.
CHECKABLE = frozenset({WORDS, PATTERNS, PATTERN})
#: Kinds an entry can lend to a template (they use no template themselves).
TEMPLATE_SOURCES = frozenset({WORDS, CHARS})


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a vocabulary table.

    ``mode`` says how its examples are checked: ``search`` (the entry's alternation finds
    a match in each example and none in each counterexample), ``match`` (it matches at
    the example's start) or ``fullmatch`` (it matches the whole example).  ``script`` =
    ``both`` adds the traditional-script form of every item at load (增长 → 增長), so that
    reports in either script are read alike.  ``required`` entries must be present in a
    pattern directory.  An entry with a ``template`` name is also that template: ``{name}``
    in any pattern stands for its words (an alternation, longest first, in a group) or its
    characters (escaped for a class, ``[{name}]``), so a pattern built from a list names
    the list rather than copying it.  Entries that lend the same name pool their items.
    Only words and characters can be templates.
    """

    kind: str
    doc: str
    mode: str = "search"
    script: str = "simplified"
    required: bool = True
    template: str = ""


@dataclass(frozen=True, slots=True)
class RuleTable:
    """A rule array: the keys its entries may carry beyond the common ones, with kinds."""

    doc: str
    keys: Mapping[str, str]
    mode: str = "match"  # how examples are checked, as for Entry
    id_key: str = "id"


@dataclass(frozen=True, slots=True)
class MapTable:
    """A table of user-chosen keys; ``value`` is the kind of each value, or ``fields``
    the keys of each value's own table (the units)."""

    doc: str
    value: str = ""
    fields: Mapping[str, str] = field(default_factory=dict)
    script: str = "simplified"


#: Keys every rule of every array may carry.
COMMON_RULE_KEYS: Mapping[str, str] = {
    "description": TEXT,
    "pattern": PATTERN,
    "examples": "examples",
    "counterexamples": "counterexamples",
    "needs": CHARS,
}

# fmt: off
RULE_TABLES: Mapping[str, RuleTable] = {
    "section": RuleTable(
        "A heading marker of the outline at one of the four levels (GB/T 9704).",
        {"level": INT, "tier": TEXT, "marker": BOOL, "alone": BOOL},
    ),
    "measure": RuleTable(
        "An enumeration marker (一是, 一要, 第一，, 其一, 首先…最后, ——).",
        {"family": TEXT, "style": TEXT, "ordinals": MAP, "closing": WORDS, "marker": BOOL},
    ),
    "audit": RuleTable(
        "A pattern an audit rule looks for; `family` names the finding rule it serves.",
        {"family": TEXT}, mode="search",
    ),
    "indicator": RuleTable(
        "A canonical indicator and the aliases that name it (patterns/indicators.toml).",
        {"name": TEXT, "group": TEXT, "aliases": WORDS, "growth": TEXT}, mode="none",
        id_key="name",
    ),
}

VOCABULARIES: Mapping[str, Mapping[str, Entry]] = {
    "text": {
        "full_marks": Entry(CHARS, "what ends a full sentence"),
        "sentence_marks": Entry(CHARS, "what ends a sentence"),
        "clause_marks": Entry(CHARS, "what ends a clause"),
        "spaces": Entry(CHARS, "spaces trimmed from a sentence's ends"),
        "list_marks": Entry(CHARS, "what separates the items of a list (、)", required=False),
    },
    "numerals": {
        "point": Entry(WORDS, "the decimal point of a Chinese numeral (三点五)", script="both"),
        "not_first": Entry(CHARS, "digits that do not open a numeral (○: a mask)"),
        "not_after": Entry(CHARS, "what a Chinese numeral is not read after (数十个)"),
        "range_joiners": Entry(WORDS, "what joins the ends of a range (3-5, 三至五)"),
        "fraction": Entry(WORDS, "the word of a fraction (三分之一, 百分之六)"),
        "tenths": Entry(WORDS, "a share in tenths after a digit (三成)"),
        "tenths_not_before": Entry(WORDS, "what makes 成 after a digit a word (一成不变)"),
        "half": Entry(PATTERN, "a half as a share (一半, 过半, 半数)"),
        "doubling": Entry(PATTERN, "a doubling (翻一番); group fan: how many times"),
        "range_not_before": Entry(WORDS, "what may not follow a range's second end (a year)"),
        "decimal_dots": Entry(CHARS, "a decimal point of older typesetting (19·5％)"),
        "pair_joiners": Entry(CHARS, "what joins two neighbouring digits (四、五十亿元)"),
    },
    "claims": {
        "approx_before": Entry(PATTERNS, "hedges right before a figure (约3万)", script="both"),
        "approx_inner": Entry(WORDS, "hedges between figure and unit (2万余口)", script="both"),
        "approx_after": Entry(PATTERNS, "hedges right after the unit (5%左右)", script="both"),
        "increase": Entry(PATTERNS, "change words of an increase", script="both"),
        "decrease": Entry(PATTERNS, "change words of a decrease", script="both"),
        "flat": Entry(PATTERNS, "change words of no change", script="both"),
        "change_gap": Entry(PATTERN, "what may stand between a change word and its figure"),
        "comparison": Entry(PATTERNS, "a comparison with another period (同比, 比上年)",
                            script="both"),
        "target": Entry(PATTERNS, "words that make a sentence's figures targets"),
        "weak_target": Entry(WORDS, "target words that report, not aim, in a review section",
                             mode="fullmatch"),
        "past": Entry(PATTERNS, "time references of the past (去年, 过去一年)"),
        "review_opening": Entry(PATTERNS, "what opens a paragraph that reviews"),
        "ahead": Entry(PATTERNS, "words that point ahead (要, 将, 拟, 今年)"),
        "modal_target": Entry(PATTERNS, "modals that make the figures after them targets"),
        "target_nouns": Entry(WORDS, "the nouns target_after ends on (目标, 指标)"),
        "not_target": Entry(PATTERNS, "a target word reported on (完成…目标)"),
        "since": Entry(PATTERNS, "what after a year makes it a start (起, 以来)", mode="match"),
        "multiple_of_year": Entry(PATTERN, "a multiple of a year's level (是1997年的1.8倍)"),
        "next_steps": Entry(PATTERNS, "what turns a review to what comes next (下一步)"),
        "plan_turn": Entry(PATTERNS, "what opens a part's turn from review to plan (今后, 明年)",
                           mode="match"),
        "target_after": Entry(PATTERN, "a target noun after a figure naming it (…的目标)",
                              mode="match"),
        "target_before": Entry(PATTERN, "a target noun right before a figure (目标任务100亿元)"),
        "planned_before": Entry(PATTERN, "a planned amount right before a figure (计划投资)"),
        "estimate": Entry(WORDS, "target words that estimate (预计): of a past year, no target"),
        "present": Entry(PATTERNS, "what opens a clause stating a present stock (现有, 目前)"),
        "time": Entry(PATTERNS, "time references (a claim's time_ref)"),
        "strip_lead": Entry(PATTERNS, "words stripped from the start of an indicator"),
        "strip_trail": Entry(PATTERNS, "words stripped from the end of an indicator"),
        "strip_compared": Entry(PATTERN, "what a rate is compared with, ending an indicator"),
        "follow_stop": Entry(PATTERNS, "where the words after a figure stop naming it"),
        "indicator_tails": Entry(WORDS, "measure nouns a list of indicators shares"),
        "rate_only": Entry(WORDS, "change words that are verbs before a count"),
        "figure_changes": Entry(WORDS, "change words that state a change only with a figure",
                                mode="fullmatch"),
        "ratio": Entry(PATTERNS, "what makes a bare number a ratio (收入比)"),
        "duration_before": Entry(WORDS, "words after which a clause-final unit counts"),
        "formula": Entry(WORDS, "numeral formulas whose numeral is no claim"),
        "list_before": Entry(WORDS, "words before a count that introduces a list"),
        "formula_nouns": Entry(WORDS, "nouns that make a small Chinese count a formula"),
        "not_claims": Entry(PATTERNS, "figures that are names or session ordinals"),
        "change_not_after": Entry(CHARS, "what a change word does not follow (新增)"),
        "change_to": Entry(WORDS, "what may follow a change word at an indicator's start"),
        "reaching": Entry(WORDS, "a change to a new value (增加到, 提升至)"),
        "follow_stop_not_after": Entry(CHARS, "what makes a predicate word part of the noun"),
        "follow_cut_words": Entry(WORDS, "words a follow_cut character stands in (普及)"),
        "reasons": Entry(WORDS, "what opens a clause of a reason (由于), no topic"),
        "measure_ends": Entry(CHARS, "the last characters of an indicator naming a measure"),
        "object_ends": Entry(CHARS, "measure endings a cut's object may end with (经费)"),
        "comparison_marks": Entry(CHARS, "a comparison's word left before a time reference"),
        "compared_before": Entry(PATTERN, "what makes a time reference a comparison base"),
        "compared_after": Entry(WORDS, "what makes a time reference a comparison base (同期)"),
        "strip_compared_needs": Entry(CHARS, "a character every strip_compared match holds"),
        "hedge_particles": Entry(CHARS, "a particle ending a hedge (至少有)"),
        "joiners": Entry(WORDS, "what joins two figures of one list", mode="fullmatch"),
        "restating": Entry(WORDS, "what restates the figure before (，即)", mode="fullmatch"),
        "item_joiners": Entry(CHARS, "what closes an item of a list of counted things"),
        "joiner_words": Entry(WORDS, "words ending with a joiner's character (惠及)"),
        "follow_cut": Entry(CHARS, "where the words after a figure end (的, 和)"),
        "respectively": Entry(WORDS, "what shares a list of indicators out (分别)"),
        "list_ends": Entry(CHARS, "what ends a list, not a quantity's name (等)"),
        "examples_end": Entry(PATTERNS, "what closes examples before their kind (…等产业)"),
        "attributive": Entry(CHARS, "the particle a noun follows after a figure (的)"),
        "change_noun_ends": Entry(CHARS, "change words ending so are nouns (增幅)"),
        "threshold_hedges": Entry(WORDS, "hedges making a figure a threshold (以上项目)"),
        "aspect": Entry(CHARS, "the aspect particle after a change word (了)"),
        "ratio_then": Entry(WORDS, "what may follow the first ratio of a pair"),
        "span_not_after": Entry(WORDS, "before a count of years: a range or a duration"),
        "class_words": Entry(WORDS, "what makes the unit before it a class (级)"),
        "ordinal_before": Entry(WORDS, "what makes the figure after it an ordinal (第)"),
        "year_units": Entry(WORDS, "the unit of years (年)", mode="fullmatch"),
        "count_change_opening": Entry(PATTERNS, "a count change verb opening a clause (减少…)",
                                      mode="match"),
        "title_joiners": Entry(WORDS, "what joins a title's review and plan halves (和)"),
        "year_lengths": Entry(WORDS, "how many of a base unit of time make a year (月 12)",
                              mode="fullmatch"),
        "secondary": Entry(WORDS, "a numeral meaning secondary before 次 (二次)", mode="fullmatch"),
        "occasion_units": Entry(WORDS, "units of occasions (次, 届)", mode="fullmatch"),
        "occasion_verbs": Entry(PATTERNS, "verbs holding occasions before their count (举办)"),
        "streak_before": Entry(PATTERNS, "what opens a streak before its count (连续安全生产)"),
        "day_units": Entry(WORDS, "the unit of days that is a date (日)", mode="fullmatch"),
        "share_hedges": Entry(WORDS, "a hedge a share opens with (过半)", mode="match"),
        "magnitude_before": Entry(WORDS, "verbs before a bare magnitude (突破万亿元)"),
        "magnitude_after": Entry(WORDS, "what may follow a bare magnitude (大关)"),
        "movement_from": Entry(PATTERNS, "what opens a movement's starting value (由, 从)"),
        "movement_to": Entry(WORDS, "what leads to the level a movement reaches (到, 至)"),
        "multi_year_clause": Entry(PATTERNS, "a figure of the clause covers several years"),
        "multi_year_sentence": Entry(PATTERNS, "the sentence's figures cover several years"),
        "to_date": Entry(PATTERNS, "a running total since a start (累计, 已有)"),
        "year_so_far": Entry(PATTERNS, "a time reference to part of a year (1-11月, 上半年)"),
        "progress_so_far": Entry(PATTERNS, "a plan's report of the year so far (1-5月)"),
        "flow_words": Entry(PATTERNS, "a flow over the span (新增, 新建, 累计)"),
        "multi_year_titles": Entry(PATTERNS, "a section title over several years (过去五年)"),
        "one_year_opening": Entry(PATTERNS, "a paragraph or sentence opening on one year"),
        "item_dash": Entry(PATTERNS, "what opens a dash item (——): its lead paragraph's years",
                           mode="match"),
        "part_of": Entry(WORDS, "a part of the figure before (其中): the same span"),
        "level_before": Entry(PATTERNS, "what makes the figure after it a level (达到)"),
        "passing_before": Entry(PATTERNS, "a stock passing a mark before its figure (超)"),
        "as_of_opening": Entry(PATTERNS, "a sentence opening on a day (截至目前, 截止12月7日)",
                               mode="match"),
        "as_of_totals": Entry(PATTERNS, "a total's words dated by as_of_opening (共, 总计)"),
        "held_before": Entry(PATTERNS, "a level held before its figure (保持在, 稳定在)"),
        "flow_after": Entry(PATTERNS, "a verb after a count's noun making it a flow (建成)",
                            mode="match"),
        "stock_nouns": Entry(WORDS, "an indicator's last words naming a stock (余额)"),
        "stock_units": Entry(WORDS, "a unit's last words naming a stock (亿人口)"),
        "rate_nouns": Entry(WORDS, "growth-rate nouns, part of the indicator (涨幅, 增速)"),
        "done": Entry(PATTERNS, "what reports a figure as done (已经, 已完成): no target"),
        "inner_verbs": Entry(PATTERNS, "verbs of completing inside an indicator (实现)"),
        "inner_markers": Entry(PATTERNS, "a list marker inside an indicator (…20.营业收入)"),
        "parallel_modifiers": Entry(WORDS, "modifiers of a shared noun (城镇, 农村)",
                                    mode="fullmatch"),
        "change_adverbs": Entry(PATTERNS, "adverbs of a figureless change (进一步, 大幅度)"),
        "compared_lead": Entry(PATTERNS, "an indicator that is only a comparison (高于全国)",
                               mode="match"),
        "stated_change_before": Entry(WORDS, "what makes a change word a claim alone (正增长)"),
        "label_ends": Entry(WORDS, "what ends a clause naming the next figure (目标)"),
        "aspect_heads": Entry(WORDS, "an aspect of a quantity named before (总量, 平均值)",
                              mode="fullmatch"),
        "predicate_ends": Entry(WORDS, "what ends a descriptive clause of a list (最大)"),
        "quantity_objects": Entry(WORDS, "a quantity a goal changes with no figure (成本)"),
        "share_of": Entry(WORDS, "what opens a share of a quantity named before (占)"),
        "modals": Entry(WORDS, "modals before a change word, stripped with it (计划增长)"),
        "quality_nouns": Entry(PATTERNS, "subjects of a change of quality, no claim (质量)"),
        "single_nouns": Entry(WORDS, "one-character products that name a figure (钢, 煤)",
                              mode="fullmatch", script="both"),
        "compared_base": Entry(PATTERN, "a comparison's base inside an indicator (比预算)"),
        "noun_units": Entry(WORDS, "units that name what they count (人口)", mode="fullmatch"),
        "output_nouns": Entry(WORDS, "what a bare product's weight measures (钢 → 钢产量)"),
        "output_bases": Entry(WORDS, "base units of a product's output (吨)", mode="fullmatch"),
        "plan_fulfilled": Entry(PATTERNS, "before a percentage: a plan fulfilled (完成计划的)"),
        "plan_rate": Entry(WORDS, "what a plan fulfilled measures (计划, 完成率)"),
        "done_before_object": Entry(PATTERNS, "a verb done right before a figure (增加了)"),
        "adverb_verb": Entry(PATTERNS, "an adverb and a bare verb before a figure (继续发行)",
                             mode="fullmatch"),
        "rate_ends": Entry(CHARS, "what ends a rate's noun after its 的 (16%的税率)"),
        "stage_verbs": Entry(WORDS, "stages of a project's figures (开工, 建成)", mode="fullmatch"),
        "funds_verbs": Entry(WORDS, "verbs of arranging funds (安排, 拨付)", mode="fullmatch",
                             template="funds_verbs"),
        "issue_verbs": Entry(WORDS, "verbs of issuing debt (发行, 增发)"),
        "bond_heads": Entry(WORDS, "what ends the name of bonds (国债, 债券)"),
        "funds_heads": Entry(WORDS, "what ends the name of funds (资金, 事业费)",
                             template="funds_heads"),
        "count_frames": Entry(PATTERNS, "a preposition right before a count (在58个城市)"),
        "demonstratives": Entry(PATTERNS, "a demonstrative opening an indicator (这个比重)"),
        "frame_ends": Entry(WORDS, "what closes a frame (在…基础上)", mode="fullmatch",
                            template="frame_ends"),
        "frames": Entry(PATTERNS, "a frame between a subject and its figure (在…基础上)"),
    },
    "placeholders": {
        "name_mask": Entry(CHARS, "characters that mask names (某)", template="name_mask"),
        "zero_after": Entry(CHARS, "numerals after which ○ is a zero (二○二○)"),
        "zero_before": Entry(CHARS, "digits before which ○ is a zero (○八年)"),
        "number_hyphens": Entry(CHARS, "what joins the parts of a telephone number"),
        "run": Entry(PATTERN, "a masked run (X, X.X, ××, 某某)", mode="match"),
        "mou_not_before": Entry(WORDS, "what makes 某 a word (某些), not a mask",
                                template="mou_word"),
        "not_mask_before": Entry(WORDS, "what makes an X run a word (X射线)"),
        "figure_before": Entry(PATTERNS, "grades, counters and hedges after a masked figure"),
        "figure_after": Entry(WORDS, "change words and verbs before a masked figure"),
        "ordinal_before": Entry(WORDS, "what makes a mask an ordinal figure (第X版)"),
        "ordinal_after": Entry(WORDS, "what makes a mask a serial number (X号文件)"),
        "year_before": Entry(PATTERN, "what makes a mask a year (X年)"),
        "date_before": Entry(PATTERNS, "what makes a mask a date (X月, X日)"),
        "duration_after": Entry(WORDS, "words after which X年 is a duration"),
        "figure_joiners": Entry(WORDS, "what joins a name to a masked figure (X、X个)"),
        "operator_before": Entry(WORDS, "what makes a lone × after a name an operator (要素×行动)"),
        "serial_before": Entry(PATTERN, "a document number's year before its masked serial "
                               "(〔2023〕X号)"),
        "numeric_date_before": Entry(PATTERN, "a numeric date's year before a masked month or "
                                     "day (2021-XX-XX)"),
        "roman_ten": Entry(PATTERN, "a Roman numeral list up to its tenth item (IX. … X.)"),
        "year_span_before": Entry(PATTERN, "what makes a masked year the first of a span "
                                  "(20XX-20XX年)", mode="match"),
        "clock_after": Entry(PATTERN, "what makes the mask after it a clock's hour or minute "
                             "(上午X点, X点X分)"),
    },
    "layout": {
        "clutter": Entry(PATTERNS, "page clutter lines above a title", mode="fullmatch"),
        "clutter_boundary": Entry(PATTERN, "where clutter run into a title ends (】, >, ：…)"),
        "title_break": Entry(PATTERN, "where a title breaks across two lines (…总结⏎和…)"),
        "title_field": Entry(PATTERN, "a metadata title field (标题:)", mode="match"),
        "spaced_title": Entry(PATTERN, "a title set with spaces between its letters (政 府 工 作…)",
                              mode="match"),
        "spaced_label": Entry(PATTERN, "a letter-spaced field label (名　　称：)", mode="match"),
        "title_note": Entry(PATTERN, "a note in brackets after a title's genre word (（文字实录）)",
                            mode="match"),
        "column_name": Entry(PATTERN, "a breadcrumb's last crumb run into the title (…要闻2026年…)",
                             mode="match"),
        "official_title": Entry(PATTERN, "an official document's title after its header "
                                "(…文件…〔2021〕50号签发人：XXX…关于…的报告)", mode="match"),
        "end_matter": Entry(PATTERNS, "lines that start trailing material", mode="fullmatch"),
        "page_tools": Entry(PATTERNS, "a page's tools and links after the body (扫一扫…, 上一篇：)",
                            mode="fullmatch"),
        "glued_notes": Entry(PATTERN, "a label of notes after a sentence where the lines were "
                             "lost (…胜利！注释：1、…)"),
        "sentence_starters": Entry(PATTERNS, "words that open a sentence of report prose"),
        "body_opener": Entry(PATTERNS, "what opens a body right after a run-on title"),
        "title_follower": Entry(PATTERNS, "what follows a title on its line besides the "
                                "body: its dateline, a date, a news agency's", mode="match"),
        "joined_title": Entry(PATTERN, "a title joining a review and a plan, to the "
                              "plan's word (…总结和…计划)", mode="match"),
        "dated_title": Entry(PATTERN, "a title naming its year and genre, to the genre word "
                             "(…2022年工作总结)", mode="match"),
        "period_stop": Entry(PATTERN, "a period typed for 。 between Chinese words"),
        "attachment": Entry(PATTERN, "an attachment's label opening a paragraph", mode="match"),
        "signature_date": Entry(PATTERN, "the date closing a text, before another text"),
        "responsibility_note": Entry(PATTERN, "a task's responsibility note in brackets"),
        "responsibility": Entry(PATTERN, "a task list's responsibility column (责任单位：)",
                                mode="match"),
        "task_columns": Entry(PATTERN, "a task list's columns (牵头单位, 完成时限)"),
        "task_table_header": Entry(PATTERN, "a task list's table header (序号…责任单位)"),
        "list_title": Entry(PATTERN, "a task list's title on a line of its own; group title",
                            mode="fullmatch"),
        "body_separator": Entry(PATTERN, "a line between a page's metadata and its body"),
        "markup_heading": Entry(PATTERN, "markdown hashes before a heading's text", mode="match"),
        "markup_underline": Entry(
            PATTERN, "a markdown line underlining the heading above", mode="fullmatch"
        ),
        "date": Entry(PATTERNS, "a document's date in a header or dateline; groups year, "
                      "month, day"),
        "glued_opener": Entry(PATTERNS, "what opens a sentence glued to a heading title"),
        "page_number": Entry(PATTERN, "a PDF page's number alone on a line", mode="fullmatch"),
        "sentence_frames": Entry(PATTERNS, "what opens a body sentence run on after a title"),
        "phrase_list": Entry(PATTERN, "short parallel phrases that open a body sentence"),
        "task_openers": Entry(PATTERNS, "words that open a task phrase (weaker cue)"),
        "second_phrase": Entry(WORDS, "adverbs opening a second phrase in a short clause"),
        "lead_openers": Entry(WORDS, "what opens a lead glued to a one-phrase title"),
        "task_adverbs": Entry(WORDS, "what stands before a verb in one phrase (加快构建)"),
        "phrase_verbs": Entry(WORDS, "verbs that open a heading's phrase (parallel cue)"),
        "frame_heads": Entry(WORDS, "words that take a frame as complement (坚持把…)"),
        "object_verbs": Entry(WORDS, "verbs whose object must follow (做好…)"),
        "title_ends": Entry(PATTERNS, "a word a title ends with when text runs on"),
        "figure_openers": Entry(PATTERNS, "what opens a body clause of figures"),
        "result_predicates": Entry(PATTERN, "the predicate closing a result phrase"),
        "subject_openers": Entry(PATTERNS, "a body's subject and its predicate (这是, 各级…要)"),
        "body_frames": Entry(PATTERNS, "frames set apart by a comma that open a body (在…中，)"),
        "subject_verbs": Entry(WORDS, "verbs opening a subject with its object (维护…)"),
        "topic_openers": Entry(WORDS, "what opens a topic phrase naming a matter (关于)"),
        "points_announced": Entry(PATTERNS, "a sentence announcing points (以下几个问题。)"),
        "subject_predicates": Entry(
            PATTERNS, "what follows a body's subject that restates its title (…改革开放是)"
        ),
        "not_heading": Entry(PATTERNS, "what a heading phrase never holds (了)"),
        "figure": Entry(PATTERN, "a figure, which a heading phrase never holds"),
        "numeral_words": Entry(PATTERN, "characters that make a word with a numeral after them"),
        "address": Entry(PATTERN, "forms of address, never leads", mode="match"),
        "rhetoric": Entry(PATTERN, "rhetoric, never a lead", mode="match"),
        "couplet": Entry(
            PATTERN, "a short couplet: rhetoric, but not on a line of its own", mode="match"
        ),
        "span_lead": Entry(
            PATTERN, "a span named by what it was (这是…的五年。): a lead", mode="match"
        ),
        "instructs": Entry(
            PATTERN, "a body that opens on what must be done (要继续…): under a bold lead line",
            mode="match",
        ),
        "narrates": Entry(
            PATTERN, "a clause mark or a figure: a body's sentence, no headline under an item"
        ),
    },
    "outline": {
        "marker_run_gap": Entry(CHARS, "what joins markers that are ordinals of a noun "
                                "(第一、第二、第三产业): no items"),
        "phrase_joins": Entry(CHARS, "what joins two verbs or nouns inside one phrase"),
        "noun_link": Entry(CHARS, "what links a noun to the head noun of its phrase (的)"),
        "means_openers": Entry(CHARS, "what opens a phrase of means or circumstance (用, 在…上)"),
        "bare_never_opens": Entry(CHARS, "what never opens a glued part title of no number"),
        "bare_never_ends": Entry(CHARS, "what never ends a glued part title of no number"),
        "run_on_never_ends": Entry(CHARS, "a preposition no run-on title ends on (…任务从)"),
    },
    "kind.problems": {
        "words": Entry(WORDS, "words of a problems section title"),
        "subsection": Entry(PATTERNS, "a subsection title that is about problems"),
        "solved": Entry(PATTERN, "a problem a title sets out to solve (补齐短板): a task"),
    },
    "kind.plan": {
        "words": Entry(WORDS, "words of a plan section title"),
        "subsection": Entry(PATTERNS, "a subsection title that is a plan"),
        "label": Entry(PATTERN, "a plan part's label a sentence runs on from (总体思路以…)",
                       mode="match"),
        "not_plan": Entry(WORDS, "a part on foreign affairs: no plan whatever it follows"),
        "announced": Entry(PATTERN, "a sentence setting a series out as work to do "
                           "(今年要重点做好以下几方面工作。): its subsections plan"),
        "opening": Entry(PATTERN, "a top-level title opening on the time ahead (今后…): a plan",
                         mode="match"),
    },
    "kind.review": {
        "words": Entry(WORDS, "words of a review section title"),
        "subsection": Entry(PATTERNS, "a subsection title that reviews"),
        "reviewed": Entry(WORDS, "words that make a title a review whatever year it names"),
        "described": Entry(PATTERN, "a summary's part describing its setting "
                           "(…基本情况, …指标体系): no review"),
        "requested": Entry(PATTERN, "a summary's part putting matters for decision "
                           "(…决策的事项): no review"),
    },
    "kind.heading": {
        "head_noun": Entry(PATTERN, "the head noun of a part heading (主要成效, 工作计划)"),
    },
    "kind.document": {
        "genre": Entry(WORDS, "words a document title names its genre by"),
        "gov_work_report": Entry(WORDS, "what makes a title a government work report's"),
        "gov_work_report_opening": Entry(PATTERN, "the opening of an untitled one"),
        "review_opening": Entry(PATTERN, "the opening of an untitled summary (一年来，…)"),
        "task_list": Entry(WORDS, "a government work report's tasks dealt out (责任分解): "
                           "a plan"),
        "task_owners": Entry(WORDS, "who carries a task dealt out (牵头单位, 责任单位): in "
                             "the opening of a document naming the report, its task list"),
        "review": Entry(WORDS, "a title that reviews (summary)"),
        "report": Entry(WORDS, "a title that reports: a summary unless it names a plan"),
        "plan": Entry(WORDS, "a title that plans (plan)"),
        "issues": Entry(WORDS, "a title that issues the document it quotes (印发《…》)"),
        "deploys": Entry(PATTERNS, "a title whose document deploys work (会议纪要, "
                         "关于做好…的通知): its parts plan where their titles name no kind"),
    },
    "period": {
        "year": Entry(PATTERN, "a year in a title; group year"),
        "first_half": Entry(WORDS, "the first half of a year (H1)"),
        "second_half": Entry(WORDS, "the second half of a year (H2)"),
        "three_quarters": Entry(WORDS, "the first three quarters (Q3)"),
        "quarter": Entry(PATTERN, "a quarter; group quarter is its number"),
        "dateline": Entry(PATTERN, "a dateline's year (——2024年3月5日在…, or in Chinese "
                          "numerals); groups year, month"),
        "reviewed_year": Entry(PATTERN, "the year an untitled report's opening looks back "
                               "on (一、2018年工作回顾); group year"),
        "bare_year": Entry(PATTERN, "a document title's year written without 年 "
                           "(2017政府工作报告); group year"),
        "split": Entry(PATTERN, "what splits a title into its parts (和, 及, 暨)"),
        "opening": Entry(PATTERN, "the time a part's body opens with; group time", mode="match"),
        "year_opening": Entry(PATTERN, "a paragraph opening on a year (刚刚过去的2015年，); "
                              "group year", mode="match"),
        "year_work": Entry(PATTERN, "a sentence setting out a year's work (2026年政府工作"
                           "主要是…, 今年工作的总体要求是…); groups year, this", mode="match"),
        "review_part": Entry(WORDS, "a title's part that reviews, besides document.review"),
        "plan_part": Entry(WORDS, "a title's part that plans, besides document.plan"),
        "cn_year": Entry(PATTERN, "a year of the last century in Chinese numerals"),
        "this_year": Entry(WORDS, "a title opening with the document's year (今年)"),
        "next_year": Entry(WORDS, "… with the year after it (明年)"),
        "last_year": Entry(WORDS, "… with the year before it (去年)"),
        "five_year_plan": Entry(PATTERN, "a five-year plan by its number; group num"),
        "five_year_span": Entry(PATTERN, "a title speaking of a five-year plan's years; "
                                "group num"),
        "year_range": Entry(PATTERN, "a span of years (2020-2021年); groups year, end"),
        "years_back": Entry(PATTERN, "the years up to the review year (过去五年); group n"),
        "years_ahead": Entry(PATTERN, "the years from the plan year on (今后五年); group n"),
    },
    "campaigns": {
        "lexicons": Entry(PATHS, "lexicon files, relative to the pattern directory"),
        "years": Entry(PATH, "name,first_year CSV, relative to the pattern directory"),
        "numerals": Entry(CHARS, "numerals that can lead a formula", template="formula_numerals"),
        "lone_numerals": Entry(CHARS, "numerals that lead a formula only beside another"),
        "round_numerals": Entry(CHARS, "numerals that lead a formula before a time unit"),
        "formula_big": Entry(CHARS, "what makes a numeral and a noun a formula (七大)",
                             template="formula_big"),
        "list_comma": Entry(CHARS, "what separates the items of a list a count sums up"),
        "list_joiners": Entry(WORDS, "what joins the last two items of such a list"),
        "formula_heads": Entry(WORDS, "nouns an unquoted numeral-led formula ends in",
                               script="both", template="formula_head"),
        "quantity_dims": Entry(WORDS, "dimensions of units.toml whose units make a quantity",
                               mode="none"),
        "quantity_words": Entry(WORDS, "words after a numeral that make a quantity, no units"),
        "pair_stop": Entry(CHARS, "characters that cannot follow a numeral in a pair formula",
                           template="pair_stop"),
        "quoted_pair_stop": Entry(CHARS, "the same inside quotes", template="quoted_pair_stop"),
        "count_words": Entry(WORDS, "measure words of a quoted count formula"),
        "distancing": Entry(WORDS, "words that distance a report from a quote (所谓)"),
        "idioms": Entry(WORDS, "four-character idioms built like a pair formula"),
        "calendar": Entry(WORDS, "holidays and sessions a quote names, no campaigns (“五一”)",
                          script="both"),
        "min_chars": Entry(INT, "shortest quoted name"),
        "max_plain": Entry(INT, "longest quoted name without separators"),
        "max_listed": Entry(INT, "longest quoted name with separators"),
        "max_part": Entry(INT, "longest part of a quoted list"),
        "max_comma": Entry(INT, "longest quoted name with a comma"),
        "separators": Entry(PATTERN, "separators inside a quoted name"),
        "sentence": Entry(PATTERN, "what marks quoted prose"),
        "mask": Entry(PATTERN, "runs of mask characters"),
        "number_name_heads": Entry(WORDS, "system nouns after a quoted number",
                                   template="number_name_head"),
        "object_heads": Entry(WORDS, "nouns after a quote that make it an object's name",
                              template="object_head"),
        "launch_verbs": Entry(WORDS, "verbs after a quote that make it a thing launched or "
                              "opened (获批上市, 揭牌)", template="launch_verb"),
        "listed_object_heads": Entry(WORDS, "class nouns after quoted names and 等 that make "
                                     "them objects (企业, 园区)", template="listed_object_head"),
        "plain_names": Entry(WORDS, "lexicon names that are also ordinary words (严打)"),
        "plain_heads": Entry(WORDS, "words after a plain name that make it the campaign"),
        "org_suffixes": Entry(WORDS, "suffixes that make a lexicon name an organisation's"),
        "body_heads": Entry(WORDS, "nouns that end the name of a body a campaign names",
                            template="body_head"),
        "body_endings": Entry(WORDS, "endings that make a quoted name a body's"),
    },
    "campaigns.honour": {
        "strong": Entry(WORDS, "strong honour cues (被评为, 荣获)", template="honour_cue"),
        "weak": Entry(WORDS, "weak honour cues, counting before 称号/荣誉", template="honour_cue"),
        "lead": Entry(PATTERN, "stripped from the start of a title"),
        "tail": Entry(PATTERN, "stripped from the end of a title"),
        "etc": Entry(WORDS, "what ends a list (…等): of titles, or of what a count sums up"),
        "awardees": Entry(PATTERN, "the count of a title's awardees, ending it"),
        "count": Entry(PATTERN, "how many were named, before the title", mode="match"),
        "not_title": Entry(PATTERN, "grades and ranks after a cue", mode="fullmatch"),
        "qualified": Entry(PATTERN, "where an award's title ends before what it qualifies"),
        "title": Entry(PATTERN, "a quote that is an honour's title by its head (“时代楷模”)",
                       mode="fullmatch", script="both"),
        "award": Entry(PATTERN, "an award's head ending a weak cue's run (获文华奖)",
                       script="both"),
        "titled": Entry(PATTERN, "what after a quote makes it an honour's title (“…”称号)",
                        mode="match", script="both"),
        "max_chars": Entry(INT, "longest honour title"),
    },
    "campaigns.patterns": {
        "quote": Entry(PATTERN, "a quoted span; group q is the content"),
        "document": Entry(PATTERN, "a 《…》 title; group q is the title"),
        "pair": Entry(PATTERN, "an unquoted paired formula (一岗双责)"),
        "quoted_pair": Entry(PATTERN, "a quoted paired formula of places (一江一河)",
                             mode="fullmatch"),
        "plan": Entry(PATTERN, "a five-year plan by its number (十四五)"),
        "shaped": Entry(PATTERN, "an unquoted numeral-led formula by its shape (七大攻坚)"),
        "honour": Entry(PATTERN, "an honour cue and the run after it"),
        "honour_by": Entry(PATTERN, "a strong cue with its awarder (被…授予) and the run"),
        "object": Entry(PATTERN, "an object noun after a quoted name", mode="match"),
        "number_name": Entry(PATTERN, "a system noun after a quoted number", mode="match"),
        "body": Entry(PATTERN, "the rest of a body's name after a campaign", mode="match"),
        "streak": Entry(PATTERN, "a quote counting a streak (“十一连增”)", mode="fullmatch"),
        "listed_object": Entry(PATTERN, "quoted names listed before 等 and a class of things",
                               mode="match"),
        "object_name": Entry(PATTERN, "a quote that names an object by its ending (…APP)"),
        "place_name": Entry(PATTERN, "a quote that names a place by its head (“中国光谷”)",
                            mode="fullmatch"),
        "indicator": Entry(PATTERN, "an indicator noun after a lexicon name (…等生态指标)",
                           mode="match"),
    },
    "indicator_settings": {
        "share": Entry(PATTERN, "the word that makes an indicator a share (占)"),
        "strip": Entry(PATTERN, "characters removed before indicators are matched"),
    },
}

#: Templates derived at load from the marker rules, never written by hand: each is the
#: alternation of one rule array's patterns, in file order, with their groups made
#: non-capturing; a rule with ``marker = false`` (a whole-line heading, a lead sentence, a
#: dash) is left out.  ``{measure_marker}`` is what opens an enumerated item (一是, 一要,
#: 第一，…), ``{heading_marker}`` a numbered heading (一、, （一）, 1., （1）, 第一部分).  Any
#: vocabulary entry may use them as it uses ``[templates]``; a rule may not (a rule is not
#: made of rules).  So one new ``[[measure]]`` rule (一抓) is a marker everywhere.
DERIVED_TEMPLATES: Mapping[str, str] = {"measure_marker": "measure", "heading_marker": "section"}

MAPS: Mapping[str, MapTable] = {
    "labels": MapTable("The words of the audit page, [labels.<lang>] (zh, en).", value=TABLE),
    "message": MapTable(
        "Audit messages: [message.<rule>.<case>] with zh, en and an example "
        "(checked by extractor/audit/messages.py).",
        value=TABLE,
    ),
    "templates": MapTable(
        "Named regex fragments: {name} in any pattern of any file stands for its fragment.",
        value=TEXT,
    ),
    "numeral_digits": MapTable(
        "Chinese digits and their values (〇 零 一 … 九, 两).", value=INT, script="both",
    ),
    "numeral_powers": MapTable("Powers of ten inside a Chinese numeral (十 百 千).", value=INT),
    "numeral_scales": MapTable(
        "Scales that group a Chinese numeral (万 亿).", value=INT, script="both",
    ),
    "unit_scales": MapTable(
        "Scales between a figure and its unit (万, 亿) and their factors.", value=FLOAT,
        script="both",
    ),
    "unit_per": MapTable(
        "What a unit may be divided by after a slash (元/千瓦时, 张/千人): the word as "
        "written and its base, which ends the compound's base unit (元/度 → 元/千瓦时).",
        value=TEXT,
    ),
    "shared_modifiers": MapTable(
        "A modifier that joins several (城乡: 城镇, 农村): figures shared out by 分别 take "
        "one each, in order.",
        fields={"items": WORDS, "examples": WORDS, "counterexamples": WORDS},
    ),
    "units": MapTable(
        "Units as written: base unit, factor to the base and dimension.",
        fields={"base": TEXT, "factor": FLOAT, "dim": TEXT, "not_before": WORDS,
                "not_after": WORDS, "chinese": BOOL, "scaled": BOOL, "clause_final": BOOL,
                # sentences in which the unit is read / must not be read (run by
                # tests/claims/test_units.py through the claim finder)
                "examples": WORDS, "counterexamples": WORDS},
        script="both",
    ),
}
# fmt: on


def vocabulary_of(path: tuple[str, ...]) -> str | None:
    """The vocabulary table a dotted TOML path names (``("kind", "plan")`` → ``kind.plan``)."""
    name = ".".join(path)
    return name if name in VOCABULARIES else None
