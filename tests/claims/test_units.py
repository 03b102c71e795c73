"""Units: the table in patterns/units.toml, the unit after a figure, and user extensions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractor.claims.claims import find_claims
from extractor.claims.units import base_of, match_unit
from extractor.errors import RuleError
from extractor.rules.loader import default_patterns_dir, default_rules, load_rules
from extractor.text.fold import fold

# (unit as written, base unit, multiplier)
# fmt: off
BASES = [
    # counts
    ("人", "人", 1), ("人次", "人次", 1), ("户", "户", 1), ("家", "家", 1), ("个", "个", 1),
    ("项", "项", 1), ("件", "件", 1), ("处", "处", 1), ("名", "人", 1), ("位", "人", 1),
    ("例", "例", 1), ("辆", "辆", 1), ("条", "条", 1), ("份", "份", 1), ("所", "所", 1),
    ("座", "座", 1), ("套", "套", 1), ("次", "次", 1), ("宗", "宗", 1), ("口", "口", 1),
    ("株", "株", 1), ("头", "头", 1), ("只", "只", 1), ("篇", "篇", 1), ("场", "场", 1),
    ("支", "支", 1), ("间", "间", 1), ("栋", "栋", 1), ("台", "台", 1), ("艘", "艘", 1),
    ("架", "架", 1), ("列", "列", 1), ("张", "张", 1), ("册", "册", 1), ("部", "部", 1),
    ("门", "门", 1), ("岁", "岁", 1), ("批次", "批次", 1), ("人口", "人", 1),
    ("万人", "人", 1e4), ("万人次", "人次", 1e4), ("万户", "户", 1e4), ("亿人口", "人", 1e8),
    ("個", "个", 1),
    # money
    ("元", "元", 1), ("万元", "元", 1e4), ("亿元", "元", 1e8), ("万亿元", "元", 1e12),
    ("千万元", "元", 1e7), ("个亿", "元", 1e8), ("美元", "美元", 1), ("亿美元", "美元", 1e8),
    ("元/年", "元/年", 1), ("元/吨", "元/吨", 1), ("元/平方米", "元/平方米", 1), ("万元/人", "元/人", 1e4),
    # area and length
    ("平方米", "平方米", 1), ("㎡", "平方米", 1), ("平方公里", "平方米", 1e6),
    ("公顷", "平方米", 1e4), ("亩", "平方米", 666.6666666666667), ("万亩", "平方米", 6666666.666666667),
    ("公里", "米", 1000), ("千米", "米", 1000), ("米", "米", 1),
    # mass, volume, energy, power
    ("吨", "吨", 1), ("万吨", "吨", 1e4), ("亿吨", "吨", 1e8), ("斤", "吨", 0.0005),
    ("亿斤", "吨", 5e4), ("万亿斤", "吨", 5e8), ("公斤", "吨", 0.001), ("立方米", "立方米", 1),
    ("万立方米", "立方米", 1e4), ("千瓦时", "千瓦时", 1), ("亿千瓦时", "千瓦时", 1e8),
    ("度", "千瓦时", 1), ("千瓦", "千瓦", 1), ("万千瓦", "千瓦", 1e4), ("吉瓦", "千瓦", 1e6),
    ("吨标准煤", "吨标准煤", 1), ("微克/立方米", "微克/立方米", 1),
    ("克/千克", "克/千克", 1), ("斤/亩", "公斤/亩", 0.5),
    # time
    ("小时", "小时", 1), ("天", "天", 1), ("日", "天", 1), ("年", "年", 1), ("个月", "月", 1),
    ("个工作日", "工作日", 1), ("分钟", "小时", 0.0166666667),
    # rates and multiples
    ("%", "%", 1), ("％", "%", 1), ("‰", "%", 0.1), ("个百分点", "个百分点", 1),
    ("百分点", "个百分点", 1), ("倍", "倍", 1),
]
# (text after a figure, unit as written (folded), hedge, where the unit ends)
MATCHES = [
    ("万余口，", "万口", "余", 3), ("多万个", "万个", "多", 3), ("余人次", "人次", "余", 3),
    ("个亿", "个亿", "", 2), ("多个亿", "个亿", "多", 3), ("亿元以上项目", "亿元", "", 2),
    ("(仅为政府性投资数据)亿元", "亿元", "", 13), ("（仅为数据）亿元", "亿元", "", 8),
    (" 万人", "万人", "", 3), ("千瓦时", "千瓦时", "", 3), ("万千瓦", "万千瓦", "", 3),
    ("人口的大国", "人口", "", 2), ("万标箱", "万标箱", "", 3), ("％左右", "%", "", 1),
    ("个百分点", "个百分点", "", 4), ("人。", "人", "", 1), ("名湖北籍旅客", "名", "", 1),
    ("家乡镇卫生院", "家", "", 1), ("批发放", "批", "", 1),
]
# Not a unit here: the characters run on into another word.
NOT_UNITS = [
    "人数", "人员", "项目", "处理", "家庭", "条件", "部门", "年度", "年来", "年底", "万吨级",
    "个人", "天然气", "元素", "所有", "次会议", "口岸", "场所", "期间", "台湾", "例如",
    "倍增", "起来", "度过", "米粮", "万", "号", "", "级", "届",
]
# fmt: on


@pytest.mark.parametrize(("unit", "base", "multiplier"), BASES, ids=[u for u, *_ in BASES])
def test_base_unit_and_multiplier(unit, base, multiplier):
    found = base_of(fold(unit))
    assert found is not None, unit
    assert found[0] == base
    assert found[1] == pytest.approx(multiplier)


@pytest.mark.parametrize(("text", "unit", "hedge", "end"), MATCHES, ids=[m[0] for m in MATCHES])
def test_unit_after_a_figure(text, unit, hedge, end):
    found = match_unit(fold(text), 0)
    assert found is not None, text
    assert (found.text, found.hedge, found.end) == (unit, hedge, end)


@pytest.mark.parametrize("text", NOT_UNITS)
def test_not_a_unit_here(text):
    assert match_unit(fold(text), 0) is None


def test_every_unit_row_is_well_formed():
    units = default_rules().data["units"]
    assert len(units) >= 100
    for word, row in units.items():
        assert word and isinstance(row["base"], str) and row["base"], word
        assert float(row.get("factor", 1)) > 0, word
        assert all(isinstance(s, str) and s for s in row.get("not_before", ())), word


def test_unknown_keys_in_a_unit_row_are_an_error(tmp_path):
    (tmp_path / "units.toml").write_text('[units."个"]\nbase = "个"\nfactr = 2\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"units\.toml: \[units\] rule '个'.*factr"):
        base_of("个", rules=load_rules(tmp_path))


def test_a_user_adds_a_unit_in_their_own_pattern_directory(tmp_path: Path):
    for path in default_patterns_dir().glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "my_units.toml").write_text(
        '[units."标方"]\nbase = "立方米"\ndim = "volume"\n', encoding="utf-8"
    )
    rules = load_rules(tmp_path)
    claims = find_claims("全年供应天然气5万标方。", rules=rules)
    assert [(c.value_text, c.unit, c.base_unit, c.value) for c in claims] == [
        ("5", "万标方", "立方米", 5e4)
    ]
    # the shipped rules do not know it: only the scale is read, without a base unit
    shipped = find_claims("全年供应天然气5万标方。")
    assert [(c.value_text, c.unit, c.base_unit, c.value) for c in shipped] == [("5", "万", "", 5e4)]


@pytest.mark.parametrize(
    ("text", "unit", "base", "multiplier"),
    [
        # 个亿 holds a scale and takes none before it: 1.22万个亿元以上项目 counts projects
        ("万个亿元以上项目", "万个", "个", 1e4),
        ("个亿补助", "个亿", "元", 1e8),
        ("万平方公里", "万平方公里", "平方米", 1e10),
    ],
)
def test_a_unit_holding_a_scale_takes_none_before_it(text, unit, base, multiplier):
    found = match_unit(fold(text), 0)
    assert found is not None
    assert (found.text, found.base, found.multiplier) == (unit, base, multiplier)


def test_jieqi_is_no_count():
    assert match_unit(fold("节气等非遗"), 0) is None


# fmt: off
# Traditional-script units are derived from the simplified rows at load (OpenCC), with
# the same simplified base, and keep every word the simplified row rules out
# (个 blocks 税, 头, 子: so does 個).
TRADITIONAL = [
    ("個", "个"), ("億元", "元"), ("個百分點", "个百分点"), ("戶", "户"), ("噸", "吨"),
    ("萬畝", "平方米"), ("公頃", "平方米"), ("小時", "小时"), ("頭", "头"),
]
TRADITIONAL_NOT_UNITS = ["個人", "個稅", "個頭", "個子", "戶籍", "噸級", "頭部"]
# fmt: on


@pytest.mark.parametrize(("unit", "base"), TRADITIONAL, ids=[u for u, _ in TRADITIONAL])
def test_traditional_units_are_derived_with_their_simplified_base(unit, base):
    found = base_of(unit)
    assert found is not None and found[0] == base


@pytest.mark.parametrize("text", TRADITIONAL_NOT_UNITS)
def test_traditional_units_keep_what_the_simplified_row_rules_out(text):
    assert match_unit(text, 0) is None


def test_counts_and_rates_come_from_each_units_dimension():
    from extractor.claims.units import unit_table

    table = unit_table()
    assert {"个", "家", "人", "艘", "架", "人次"} <= table.bases("count")
    assert table.bases("rate", "multiple") == {"%", "个百分点", "倍"}


@pytest.mark.parametrize("count", ["个", "艘", "架", "台套"])
def test_a_negative_count_is_flagged_whatever_counts_it(count):
    # the audit's counts are the units of dim "count" (issue 16: -3艘 was not flagged)
    from extractor import parse

    report = parse(f"一、工作情况\n全年新增船舶-3{count}，完成改造任务。\n")
    negative = [f for f in report.findings if f.rule == "rate_out_of_range"]
    assert [f.text for f in negative] == [f"-3{count}"]


def test_a_users_count_unit_is_a_count_to_the_audit(tmp_path: Path):
    tmp_path = tmp_path / "patterns"
    shutil.copytree(default_patterns_dir(), tmp_path)
    (tmp_path / "my_units.toml").write_text(
        '[units."艇"]\nbase = "艇"\ndim = "count"\n', encoding="utf-8"
    )
    from extractor import parse

    report = parse("一、工作情况\n全年新增巡逻-2艇，完成改造任务。\n", rules=load_rules(tmp_path))
    assert [f.text for f in report.findings if f.rule == "rate_out_of_range"] == ["-2艇"]


def _unit_cases() -> list[tuple[str, str, bool]]:
    """(unit, sentence, whether the sentence reads a figure in that unit) for every row of
    units.toml that carries examples: the rows that rule words out (not_before), ranks
    (not_after) or count only at a clause's end (clause_final) show each trap."""
    cases = []
    for word, row in default_rules().map("units").items():
        cases += [(word, text, True) for text in row.get("examples", ())]
        cases += [(word, text, False) for text in row.get("counterexamples", ())]
    return cases


UNIT_CASES = _unit_cases()


@pytest.mark.parametrize(
    ("unit", "text", "reads"), UNIT_CASES, ids=[f"{u}-{t}" for u, t, _ in UNIT_CASES]
)
def test_each_unit_row_reads_its_examples_and_not_its_counterexamples(unit, text, reads):
    units = [c.unit for c in find_claims(text)]
    assert any(u.endswith(unit) for u in units) == reads, units


def test_every_unit_row_with_a_trap_has_examples():
    import tomllib

    written = tomllib.loads((default_patterns_dir() / "units.toml").read_text(encoding="utf-8"))
    traps = {"not_before", "not_after", "clause_final"}
    missing = [
        w for w, row in written["units"].items() if traps & set(row) and "examples" not in row
    ]
    assert not missing, missing
