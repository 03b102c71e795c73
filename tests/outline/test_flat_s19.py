"""Session 19: more classes of one-line reading (issue 18) — a sample of our own per class,
and the real reports that showed it, by path under ../shared."""

from __future__ import annotations

import pytest
from conftest import outline, real_report

from extractor import parse
from extractor.analysis.real import flatten

OPENING = "云溪县政府工作报告各位代表：现在，我代表县人民政府向大会报告工作，请予审议。"
FLAT_BODY = (
    "全县上下坚持稳中求进工作总基调，统筹发展和安全，经济社会发展保持总体平稳、"
    "稳中有进的良好态势，各项工作取得新的成效。"
) * 12


def _flat_titles(path: str, level: int) -> tuple[list[str], list[str]]:
    """The titles of one level of a real report, as written and flattened."""
    text = real_report(path)
    written, flat = (
        [s.title for s in parse(t).sections if s.level == level] for t in (text, flatten(text)[0])
    )
    return written, flat


# --- a preposition the body's frame opens with ends no title --------------------------------


def test_a_frames_preposition_ends_no_title_flattened():
    text = (
        OPENING + "一、五年来的工作和今后的任务从第五届全国人民代表大会以来，全县人民团结奋斗。"
        + FLAT_BODY
    )  # fmt: skip
    assert outline(text) == [(1, "一、", "五年来的工作和今后的任务")]


# --- an adverb before the body's first verb opens the body with it ---------------------------


def test_an_adverb_before_the_bodys_verb_opens_the_body_flattened():
    text = (
        OPENING + "一、2025年工作安排" + FLAT_BODY
        + "（一）加快建设现代化产业体系一体推进教育科技人才发展。加力实施强科技行动。"
        + FLAT_BODY
        + "（二）着力推动消费转型升级迭代完善促消费政策举措。深入实施提振消费专项行动。"
        + FLAT_BODY
    )  # fmt: skip
    assert [t for _, _, t in outline(text)[1:]] == [
        "加快建设现代化产业体系",
        "着力推动消费转型升级",
    ]


# --- a time of speaking opens a body's first sentence (当今世界…, 现在我…) -----------------------


def test_a_time_of_speaking_opens_the_body_flattened():
    text = (
        OPENING + "一、关于对外工作当今世界处于复杂而深刻的变动之中。" + FLAT_BODY
        + "二、关于同周边国家的关系现在我来说一说同周边国家的关系。" + FLAT_BODY
        + "三、体现在推动高质量发展上的改革成效全县改革取得新的成效。" + FLAT_BODY
    )  # fmt: skip
    titles = [t for _, _, t in outline(text)]
    assert titles[:2] == ["关于对外工作", "关于同周边国家的关系"]
    assert titles[2].startswith("体现在推动")  # 体现在: no time, no body's start


# --- a five-year plan's years, or the years since a plenum, open the body -------------------


def test_a_plans_years_named_in_full_open_the_body_flattened():
    text = (
        OPENING + "一、今后五年的主要任务" + FLAT_BODY
        + "（一）关于对外经济技术交流的扩大第六个五年计划期间，我们要继续按照平等互利的原则，"
        "进一步扩大对外贸易和经济技术交流，计划规定进出口总额有较大增长。" + FLAT_BODY
        + "二、坚持长期稳定发展经济的方针党的十一届三中全会以来的八年，总的来看，"
        "全县经济保持了平稳增长，群众收入逐年提高。" + FLAT_BODY
    )  # fmt: skip
    assert [t for _, _, t in outline(text)[1:]] == [
        "关于对外经济技术交流的扩大",
        "坚持长期稳定发展经济的方针",
    ]


# --- an authority pair, or a plan by its name, before what it does opens the body ------------


def test_an_authority_pair_or_a_plan_by_name_opens_the_body_flattened():
    text = (
        OPENING + "一、规划纲要的说明" + FLAT_BODY
        + "（一）规划纲要的编制过程和主要特点县委、县政府对制定规划纲要工作高度重视，"
        "早在前年就开始部署相关准备工作，组织有关部门和各方面专家开展了前期研究。" + FLAT_BODY
        + "（二）今后五年的战略重点和主要任务《纲要（草案）》对今后五年的产业发展、城乡建设、"
        "民生保障逐项作了安排，明确了责任单位和完成时限。" + FLAT_BODY
    )  # fmt: skip
    assert [t for _, _, t in outline(text)[1:]] == [
        "规划纲要的编制过程和主要特点",
        "今后五年的战略重点和主要任务",
    ]


# --- a lead glued to a title opens as the section's other leads open -------------------------


def test_a_glued_lead_opens_as_its_siblings_open_flattened():
    body = "围绕重点产业链精准招商，全年引进项目一批，推动产业集群发展壮大。"
    text = (
        OPENING + "一、2025年工作安排" + FLAT_BODY
        + "（一）聚力构建现代化产业体系壮大先进制造业。" + body + "壮大数字经济。" + body
        + "壮大海洋经济。" + body + "提升服务业能级。" + body + FLAT_BODY
    )  # fmt: skip
    assert outline(text)[1] == (2, "（一）", "聚力构建现代化产业体系")


# --- a verb whose object must follow ends no title --------------------------------------------


def test_a_verb_whose_object_follows_ends_no_title_flattened():
    text = (
        OPENING + "一、2025年工作安排" + FLAT_BODY
        + "二、加强政府自身建设，全面提升依法行政能力做好今年工作，任务非常艰巨。" + FLAT_BODY
    )  # fmt: skip
    assert outline(text)[1] == (1, "二、", "加强政府自身建设，全面提升依法行政能力")


# --- the real reports that showed each class --------------------------------------------

# fmt: off
REAL = [
    # a preposition the body's frame opens with
    ("state-council/1978.txt", 1, "三年来的斗争和新时期的总任务"),  # …从第四届…以来
    ("state-council/1993.txt", 1, "改革开放和现代化建设取得伟大成就的五年"),  # …从第七届…
    ("state-council/2006.txt", 2, "继续保持经济平稳较快发展"),  # …从当前…形势看
    ("state-council/1982.txt", 2, "关于工农业生产的发展速度和经济效益"),  # …在提高…前提下
    # an adverb before the body's first verb
    ("gansu/2026.txt", 2, "加快建设现代化产业体系"),  # …一体推进…
    ("zhejiang/2026.txt", 2, "着力推动消费转型升级"),  # …迭代完善…
    # two phrases, as its sure siblings are (series), the second before 一体推进…
    ("xinjiang/2026.txt", 2, "坚持创新驱动，加快培育壮大新质生产力"),
    # a five-year plan's years named in full, the years since a plenum
    ("state-council/1982.txt", 2, "关于基本建设的规模、重点和企业的技术改造"),
    ("state-council/1982.txt", 2, "关于对外经济技术交流的扩大"),  # …的扩大: a noun
    ("state-council/1982.txt", 2, "关于人民生活的改善和控制人口的增长"),
    ("state-council/1986.txt", 1, "“七五”时期的基本任务和主要建设方针"),  # …第七个五年计划时期，是
    ("state-council/1987.txt", 1, "坚持长期稳定发展经济的方针"),  # …三中全会以来的八年，
    # an authority pair, a plan by its name
    ("state-council/2006.txt", 2, "“十一五”规划《纲要（草案）》的编制过程和主要特点"),
    ("state-council/2006.txt", 2, "“十一五”时期的战略重点和主要任务"),
    # a lead opening as the section's other leads do
    ("fujian/2026.txt", 2, "着力促进文化繁荣兴盛，八闽气韵风采生动展现"),  # …|文化精品不断涌现。
    # a verb whose object must follow
    ("hailar/2016.txt", 2, "加强自身建设，全面提升依法行政能力"),  # …|做好今年工作，
    ("state-council/2020.txt", 1, "今年发展主要目标和下一阶段工作总体部署"),  # …|做好今年政府工作
    # a time of speaking
    ("state-council/1995.txt", 1, "关于外交工作"),  # …当今世界处于…
    ("state-council/1988.txt", 2, "不失时机地加快实施沿海地区经济发展战略，进一步扩大对外开放"),
    ("state-council/1955.txt", 2, "关于苏联和各人民民主国家同我国建设的关系"),  # …现在我…
]
# fmt: on


@pytest.mark.parametrize(("path", "level", "title"), REAL)
def test_a_real_reports_title_flattened_as_written(path: str, level: int, title: str) -> None:
    written, flat = _flat_titles(path, level)
    assert title in written
    assert title in flat
