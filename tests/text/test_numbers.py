"""Numbers: Arabic and Chinese numerals, shares, doublings and ranges, read and scanned."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.text.fold import fold
from extractor.text.numbers import chinese_int, find_numbers, parse_number, read_number, small_int

# (text, value): parse_number reads one whole expression; scales (万, 亿) are applied and
# shares are per cent.
# fmt: off
VALUES = [
    # Arabic
    ("0", 0.0), ("7", 7.0), ("1352", 1352.0), ("12.5", 12.5), ("0.21", 0.21),
    ("1,352.6", 1352.6), ("1,132.92", 1132.92), ("12,345,678", 12345678.0),
    ("１３５２", 1352.0), ("１．５", 1.5), ("２０２０", 2020.0), ("  42 ", 42.0),
    # full-width thousands separators, as older reports write them
    ("２７，２０３，３１９，０００", 27203319000.0), ("33，212万", 332120000.0),
    # Arabic with a scale
    ("2万", 20000.0), ("1.3万亿", 1.3e12), ("3.9万亿", 3.9e12), ("4.06万亿", 4.06e12),
    ("126万亿", 1.26e14), ("5千万", 5e7), ("3千", 3000.0), ("1.5亿", 1.5e8),
    ("２．５万", 25000.0), ("60多万", 6e5), ("2万余", 2e4), ("10来", 10.0),
    # Chinese: digits, tens, hundreds, thousands
    ("〇", 0.0), ("零", 0.0), ("一", 1.0), ("两", 2.0), ("十", 10.0), ("十二", 12.0),
    ("二十", 20.0), ("二十一", 21.0), ("一百", 100.0), ("一百零八", 108.0),
    ("二百○八", 208.0), ("一千三百五十二", 1352.0), ("三千零五", 3005.0),
    ("三千五", 3500.0), ("一千零一十五", 1015.0), ("九千九百九十九", 9999.0),
    # Chinese with 万 and 亿 inside
    ("两万", 20000.0), ("一万五", 15000.0), ("一万零五", 10005.0), ("十九万五千", 195000.0),
    ("三十万", 300000.0), ("一亿三千万", 1.3e8), ("三万亿", 3e12),
    ("二十四亿一千四百八十万", 2414800000.0), ("七千二百万", 7.2e7), ("两萬", 20000.0),
    # Chinese decimals and positional years
    ("三点五", 3.5), ("一点九", 1.9), ("零点五", 0.5), ("二〇二〇", 2020.0),
    ("一九九八", 1998.0), ("二○二○", 2020.0),
    # shares, in per cent
    ("百分之六", 6.0), ("百分之四十", 40.0), ("百分之二十六点七", 26.7), ("百分之4.5", 4.5),
    ("千分之三", 0.3), ("三分之一", 33.3333333333), ("三分之二", 66.6666666667), ("二十分之一", 5.0),
    ("三成", 30.0), ("七成", 70.0), ("近三成", 30.0), ("九成以上", 90.0), ("3成", 30.0),
    ("过半", 50.0), ("一半", 50.0), ("半数", 50.0), ("超过半数", 50.0),
    ("1/3", 33.3333333333), ("1/10", 10.0), ("约1/4", 25.0), ("３／４", 75.0),
    # doublings and multiples
    ("翻一番", 2.0), ("翻两番", 4.0), ("翻三番", 8.0), ("翻番", 2.0), ("翻了一番", 2.0),
    ("1.5倍", 1.5), ("两倍", 2.0), ("一点九倍", 1.9),
    # percentages and hedges around a number
    ("6%", 6.0), ("６．５％", 6.5), ("3‰", 0.3), ("约3万", 30000.0), ("近14亿", 1.4e9),
    ("超过126万亿", 1.26e14), ("60%以上", 60.0), ("5%左右", 5.0), ("逾百分之八十", 80.0),
    # ranges: parse_number is the low end
    ("3-5", 3.0), ("3至5", 3.0), ("三到五", 3.0), ("6%－6.5%", 6.0), ("15%-20%", 15.0),
    ("5—10万", 50000.0), ("5万-10万", 50000.0), ("三四", 3.0), ("两三", 2.0),
]
NOT_NUMBERS = [
    "", "X", "XX", "某某", "年", "万", "亿", "百", "千万工程", "十几", "数十", "几百",
    "2020年", "3个", "一是", "abc", "PM2.5", "5G", "1.2.3", "一二三四五六七八九十一",
]
RANGES = [  # (text, low, high)
    ("3-5", 3.0, 5.0), ("3至5", 3.0, 5.0), ("3~5", 3.0, 5.0), ("3～5", 3.0, 5.0),
    ("三到五", 3.0, 5.0), ("三至五", 3.0, 5.0), ("6%－6.5%", 6.0, 6.5), ("15%-20%", 15.0, 20.0),
    ("5—10万", 5e4, 1e5), ("5万-10万", 5e4, 1e5), ("1-2", 1.0, 2.0), ("25—30", 25.0, 30.0),
    ("三四", 3.0, 4.0), ("七八", 7.0, 8.0),
    # two neighbouring digits before the second's power, approximate (state-council 1983, 1979)
    ("四、五十", 40.0, 50.0), ("二、三百", 200.0, 300.0), ("七、八千", 7000.0, 8000.0),
]
SCANS = [  # (text, [(token text, kind), ...]) in the folded text
    ("新增就业1100万人以上", [("1100", "arabic")]),
    ("增长6%－6.5%", [("6%-6.5", "range")]),
    ("3-5个主导产业", [("3-5", "range")]),
    ("三到五年", [("三到五", "range")]),
    ("降低百分之二十六点七", [("百分之二十六点七", "share")]),
    ("约占三分之一", [("三分之一", "share")]),
    ("近三成", [("三成", "share")]),
    ("实现翻一番", [("翻一番", "multiple")]),
    ("二○二○年", [("二○二○", "chinese")]),
    ("一成不变", [("一", "chinese")]),
    ("PM2.5平均浓度为28微克", [("28", "arabic")]),
    # a middle dot as the decimal point of older typesetting (state-council 1999)
    ("全年增长19·5%，", [("19·5", "arabic")]),
    ("“555X”产业", []),
    ("G20峰会", []),
    ("4A级景区", []),
    ("5G基站1260个", [("1260", "arabic")]),
    ("数十个项目", []),
    ("2024-12-01", [("2024", "arabic"), ("01", "arabic")]),  # not a range: the first number
    ("584宗27474㎡", [("584", "arabic"), ("27474", "arabic")]),
    ("稳定在全国1/3以上", [("1/3", "share")]),
    # a slash in a date, a path or a code, or a top-heavy pair, is no fraction
    ("2026/02/11", [("2026", "arabic"), ("02", "arabic"), ("11", "arabic")]),
    ("7×24与24/7服务", [("7", "arabic"), ("24", "arabic"), ("24", "arabic"), ("7", "arabic")]),
]
# Found in real reports: each once read wrong.
BUGS_CAUGHT = [
    ("二十四亿一千四百八十万", 2414800000.0),  # 1950s State Council: 万 after 亿 is not a scale
    ("十九万五千", 195000.0),  # read as 十九万五 × 千 by a lazy split
    ("二百○八", 208.0),  # ○ as zero inside a numeral, 1950s reports
    ("1.3万亿", 1.3e12),  # 粮食产量1.3万亿斤: both scales
    ("13.2万", 132000.0),  # float noise from the scale (132000.00000000001)
    ("百分之二十六点七", 26.7),  # a decimal inside a share
    ("二十分之一", 5.0),  # the numeral before 分之 is the denominator, not a number alone
]
SMALL_INTS = [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("九十九", 99), ("7", 7),
              ("12", 12), ("", None), ("百", None), ("十十", None), ("一二", None)]
# fmt: on


@pytest.mark.parametrize(("text", "value"), VALUES, ids=[t for t, _ in VALUES])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_a_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(("text", "low", "high"), RANGES, ids=[t for t, *_ in RANGES])
def test_ranges_keep_both_ends(text, low, high):
    number = read_number(text)
    assert number is not None and number.kind == "range"
    assert (number.low, number.high) == (pytest.approx(low), pytest.approx(high))
    assert number.value == number.low


@pytest.mark.parametrize(("text", "tokens"), SCANS, ids=[t for t, _ in SCANS])
def test_scanner(text, tokens):
    folded = fold(text)
    found = find_numbers(folded)
    assert [(n.text, n.kind) for n in found] == tokens
    assert all(folded[n.start : n.end] == n.text for n in found)


@pytest.mark.parametrize(("text", "value"), BUGS_CAUGHT, ids=[t for t, _ in BUGS_CAUGHT])
def test_bugs_caught(text, value):
    assert parse_number(text) == pytest.approx(value)
    assert repr(parse_number(text)) == repr(float(value))  # no float noise either


@pytest.mark.parametrize(("text", "value"), SMALL_INTS)
def test_small_int_reads_ordinals(text, value):
    assert small_int(text) == value


def test_shares_and_doublings_carry_their_unit():
    assert read_number("三成").unit == "%"
    assert read_number("翻两番").unit == "倍"
    assert read_number("12").unit == ""


def test_chinese_int_rejects_malformed_numerals():
    for text in ("十百", "一一", "万", "亿五", "千千", "一十十"):
        assert chinese_int(text) is None, text


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_round_trip(n):
    assert chinese_int(_to_chinese(n)) == n


@given(st.text(max_size=40))
def test_scanner_never_raises_and_spans_hold(text):
    folded = fold(text)
    for n in find_numbers(folded):
        assert folded[n.start : n.end] == n.text
    parse_number(text)


def _to_chinese(n: int) -> str:
    """A standard Chinese numeral (一千三百零五万二千零一十) for the round trip."""
    if n == 0:
        return "零"
    digits, out, zero = "零一二三四五六七八九", "", False
    for big, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        group, n = divmod(n, big)
        if not group:
            zero = zero or bool(out)
            continue
        for value, small in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d, group = divmod(group, value)
            if d:
                out += ("零" if zero else "") + digits[d] + small
                zero = False
            else:
                zero = zero or bool(out)
        out += name
        zero = False
    return out


def test_a_numeral_is_read_back_from_a_unit_that_opens_with_a_numeral_character():
    text = "发电能力四百零六万千瓦，每台二万五千千瓦，百万千瓦级，数十千瓦"
    before = frozenset("万千，")  # 瓦 opens no unit: the scan alone finds none of them
    assert find_numbers(text, before=before) == []
    got = [(n.text, n.value) for n in find_numbers(text, before=before, numeral_led=("千瓦",))]
    assert got == [("四百零六万", 4060000), ("二万五千", 25000)]


def test_the_numeral_templates_hold_only_numeral_characters():
    # text.toml's templates spell out digit classes that the time patterns use; they may
    # not drift from the numeral tables of numerals.toml
    from extractor.rules import default_rules

    rules = default_rules()
    known = {*rules.map("numeral_digits"), *rules.map("numeral_powers")}
    for name in ("cn_ordinal", "cn_count", "cn_year_digit"):
        inside = rules.template(name).split("[", 1)[1].split("]", 1)[0]
        assert set(inside) <= known, (name, set(inside) - known)


def test_a_rule_set_without_numeral_tables_reads_arabic_figures_only(tmp_path):
    from extractor.rules import load_rules

    (tmp_path / "units.toml").write_text('[units."个"]\nbase = "个"\n', encoding="utf-8")
    rules = load_rules(tmp_path)
    found = [(n.text, n.value) for n in find_numbers("新建12个，三个，百分之五", rules=rules)]
    assert found == [("12", 12.0)]
