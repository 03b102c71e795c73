"""A series of sibling headings read together where a text lost its line breaks
(extractor/outline/series.py): a title run on into its own lead ends where its siblings
say.

Every text here is our own, written in the genre's style; none is copied from a report.
"""

from __future__ import annotations

from extractor import parse

BODY = "各单位认真贯彻上级部署，细化工作举措，压紧压实责任，各项任务有序推进。" * 6


def titles(text: str, level: int) -> list[str]:
    report = parse(text)
    for s in report.sections:
        assert report.text[s.title_start : s.title_end] == s.title
    return [s.title for s in report.sections if s.level == level]


def test_a_title_holding_its_series_shared_ending_ends_after_it():
    # four of six close with 上提高质量; two ran on into their lead
    items = [
        "1.突出政治统领，在党的全面领导上提高质量。",
        "2.强化理论武装，在学习教育上提高质量在学深悟透上下功夫。",
        "3.夯实基层基础，在组织体系建设上提高质量。",
        "4.深化融合发展，在服务中心工作上提高质量抓好重点任务落地。",
        "5.锤炼过硬作风，在干部队伍建设上提高质量。",
        "6.坚持全面从严，在政治生态建设上提高质量。",
    ]
    text = "县供电公司党委2021年党建工作总结\n" + BODY + "一、主要工作。" + BODY
    text += "".join(item + BODY for item in items)
    assert titles(text, 3) == [  # 1. is the third level (SPEC §2)
        "突出政治统领，在党的全面领导上提高质量",
        "强化理论武装，在学习教育上提高质量",
        "夯实基层基础，在组织体系建设上提高质量",
        "深化融合发展，在服务中心工作上提高质量",
        "锤炼过硬作风，在干部队伍建设上提高质量",
        "坚持全面从严，在政治生态建设上提高质量",
    ]


def test_an_ending_only_two_siblings_share_cuts_nothing():
    # 高质量发展 closes two of three titles: too few to be the series' closing words
    items = [
        "一、立足全省大局，推动能源电力高质量发展。",
        "二、服务地方经济，助力区域经济高质量发展。",
        "三、坚持党建引领，为企业高质量发展提供坚强保障。",
    ]
    text = "省电力公司2021年工作情况的报告\n" + "".join(item + BODY for item in items)
    assert titles(text, 1)[-1] == "坚持党建引领，为企业高质量发展提供坚强保障"


def test_a_last_phrase_twice_its_siblings_length_is_two_phrases():
    # the siblings' last phrases are all eight characters; two hold sixteen: phrase + lead
    items = [
        "（一）坚持党建引领、融合赋能，基层堡垒更加坚强。",
        "（二）坚持挖潜力、添动能，经济运行稳中有进重点项目推进有力。",
        "（三）坚持人民至上，民生福祉持续增进兜底保障有力有效。",
        "（四）坚持防风险、守底线，社会大局和谐稳定。",
    ]
    text = "片区管理局2024年工作总结\n" + BODY + "一、2024年工作开展情况" + BODY
    text += "".join(item + BODY for item in items)
    assert titles(text, 2) == [
        "坚持党建引领、融合赋能，基层堡垒更加坚强",
        "坚持挖潜力、添动能，经济运行稳中有进",
        "坚持人民至上，民生福祉持续增进",
        "坚持防风险、守底线，社会大局和谐稳定",
    ]


def test_a_longer_last_phrase_that_is_not_twice_stays_whole():
    # 12 characters against siblings of 8: no two phrases of the series' shape
    items = [
        "（一）深化改革促开放，发展环境持续向好。",
        "（二）统筹城乡强协调，宜居环境提质升级。",
        "（三）用心用情惠民生，群众获得感幸福感不断增强。",
        "（四）净化生态转作风，政府效能不断提升。",
    ]
    text = "县人民政府2022年工作总结\n" + BODY + "一、2022年工作回顾" + BODY
    text += "".join(item + BODY for item in items)
    assert titles(text, 2)[2] == "用心用情惠民生，群众获得感幸福感不断增强"


def test_titles_on_lines_of_their_own_are_not_read_as_a_series():
    # a document that kept its line breaks: each title is its line (SPEC §2)
    lines = [
        "一、主要工作",
        "（一）突出政治统领，在党的全面领导上提高质量",
        BODY,
        "（二）强化理论武装，在学习教育上提高质量在学深悟透上下功夫",
        BODY,
        "（三）夯实基层基础，在组织体系建设上提高质量",
        BODY,
        "（四）锤炼过硬作风，在干部队伍建设上提高质量",
        BODY,
    ]
    text = "县供电公司党委2021年党建工作总结\n" + "\n".join(lines) + "\n"
    assert titles(text, 2)[1] == "强化理论武装，在学习教育上提高质量在学深悟透上下功夫"


def test_items_numbered_through_groups_end_before_the_words_their_bodies_open_with():
    # an indicator analysis crawled as one line: 1.…5. numbered on through the groups, each
    # body opening with the same words before its figures
    groups = [
        ("（一）安全指标", ["供水水质合格率", "管网运行安全水平"]),
        ("（二）服务指标", ["用户服务满意指数"]),
        ("（三）效益指标", ["管网漏损控制率", "水费回收周期"]),
    ]
    body = "指标最优值98.60%，平均值96.20%。指标分析：各单位完成较好，部分单位仍有差距。" * 2
    text = "市水务集团2023年上半年指标分析报告" + BODY + "一、指标总体情况" + BODY
    text += "二、各项指标完成情况"
    number = 0
    for group, items in groups:
        text += group
        for item in items:
            number += 1
            text += f"{number}.{item}{body}"
    assert titles(text, 3) == [item for _, items in groups for item in items]
