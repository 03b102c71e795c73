"""A report in traditional script reads as the same report in simplified script.

The fold (extractor/text/fold.py) reads the traditional characters simplified text never
writes as their simplified forms, so every pattern matched on the folded text reads both
scripts.  The self-consistency check converts a text to traditional with OpenCC (mainland,
Taiwan and Hong Kong standards: s2t, s2tw, s2hk, each one character for one) and compares
the two parses element by element: offsets, levels, kinds, periods, values, units, changes,
targets, with every string field read through OpenCC's t2s (a title or an indicator is cut
from the text itself, in the document's own script).

Run as a script it counts the differences over our samples and the real reports that no
split holds out: ``PYTHONPATH=$PWD python tests/text/test_traditional.py`` (what
docs/elements.md records, before and after the fold took traditional characters).
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CORPORA, SHARED, SHARED_REASON  # noqa: E402

from extractor import parse  # noqa: E402
from extractor.io.reading import read_document  # noqa: E402
from extractor.text.fold import FOLD_TABLE, fold  # noqa: E402

KINDS = ("sections", "measures", "claims", "placeholders", "campaigns")
CONFIGS = ("s2t", "s2tw", "s2hk")
HELDOUT_LIST = Path("/tmp/s19/heldout.txt")


@cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def convert(text: str, config: str) -> str:
    return str(_converter(config).convert(text))


#: Fields not compared: ids (one element found in one script only renumbers those after
#: it) and the slices of the text their offsets already place (OpenCC's t2s does not undo
#: every s2tw form: 着 → 著, which simplified text writes too).
_UNCOMPARED = frozenset({"id", "text", "sentence", "title"})


def _plain(value: object) -> object:
    """A field as compared: strings in simplified script, records field by field."""
    if isinstance(value, str):
        return convert(value, "t2s")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple(
            _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in _UNCOMPARED and not f.name.endswith("_id")
        )
    if isinstance(value, (list, tuple)):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((str(k), repr(_plain(v))) for k, v in value.items()))
    return value


def elements(text: str) -> dict[str, Counter[str]]:
    """Each kind's elements of the parse of ``text``, string fields in simplified script."""
    report = parse(text)
    out = {kind: Counter(repr(_plain(e)) for e in getattr(report, kind)) for kind in KINDS}
    out["document"] = Counter([repr(_plain(report.document))])
    return out


def differences(text: str, config: str) -> tuple[Counter[str], Counter[str]] | None:
    """Per kind, the elements of ``text``'s parse and how many of them the parse of its
    traditional form does not give alike (missing, or changed in a field); None where the
    conversion moved an offset."""
    trad = convert(text, config)
    if len(trad) != len(text):
        return None
    a, b = elements(text), elements(trad)
    total, differ = Counter[str](), Counter[str]()
    for kind, found in a.items():
        total[kind] = sum(found.values())
        differ[kind] = max(sum((found - b[kind]).values()), sum((b[kind] - found).values()))
    return total, differ


def held_out() -> set[str]:
    """The real reports any split holds out (relative to corpora/real, no suffix)."""
    names: set[str] = set()
    if HELDOUT_LIST.is_file():
        names |= set(re.findall(r"[a-z][a-z0-9-]*/\d[0-9a-z-]*", HELDOUT_LIST.read_text()))
    for path in (CORPORA / "annotations" / "real").rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("split") == "heldout":
            names.add(str(data.get("source", "")).removeprefix("real/").removesuffix(".txt"))
    return names


# --- our traditional samples -------------------------------------------------------------

#: A report in traditional script (written here, in the genre): headings, leads, targets.
SAMPLE = (
    "關於印發二〇二五年工作總結的通知\n"
    "一、二〇二五年工作回顧\n"
    "（一）經濟運行穩中向好。全年地區生產總值增長5.2%，"
    "一般公共預算收入達到36.5億元，同比增長3.1%。"
    "城鎮和農村居民人均可支配收入分別增長4.5%和6.1%。\n"
    "（二）掃黑除惡常態化開展。一是健全長效機制，二是強化線索核查。\n"
    "二、二〇二六年工作安排\n"
    "預期目標是：地區生產總值增長5%左右，城鎮新增就業1.2萬人以上。\n"
)


def _simplified_sample() -> str:
    return convert(SAMPLE, "t2s")


def test_the_fold_reads_traditional_characters_as_simplified() -> None:
    folded = fold("我國經濟增長，億元，掃黑除惡")
    assert folded == "我国经济增长，亿元，扫黑除恶"
    # characters GB2312 holds are written in simplified text too and stay (乾坤, 宫商角徵羽),
    # but for the function words 於 and 後
    assert fold("關於以後乾坤徵") == "关于以后乾坤徵"
    assert all(len(fold(chr(c))) == 1 for c in FOLD_TABLE)


def test_the_fold_file_is_what_opencc_derives() -> None:
    from extractor.rules.script import FOLD_FILE, fold_file_text

    assert FOLD_FILE.read_text(encoding="utf-8") == fold_file_text(), (
        "extractor/text/traditional.txt is stale: rewrite it as its first lines say"
    )


def test_a_traditional_sample_parses_as_its_simplified_form() -> None:
    simplified = _simplified_sample()
    assert simplified != SAMPLE and len(simplified) == len(SAMPLE)
    a, b = parse(SAMPLE), parse(simplified)
    assert [(s.level, s.start, s.end, s.kind, s.period) for s in a.sections] == [
        (s.level, s.start, s.end, s.kind, s.period) for s in b.sections
    ]
    assert len(a.sections) >= 4
    assert a.document.title == SAMPLE[: SAMPLE.index("\n")]
    assert (a.document.doc_type, a.document.period) == (b.document.doc_type, b.document.period)
    assert [s.kind for s in a.sections][:2] == ["review", "review"]
    assert [s.kind for s in a.sections][-1] == "plan"
    assert [(m.start, m.end) for m in a.measures] == [(m.start, m.end) for m in b.measures]
    assert len(a.measures) >= 2
    got = [(c.start, c.end, c.value, c.change, c.is_target) for c in a.claims]
    assert got == [(c.start, c.end, c.value, c.change, c.is_target) for c in b.claims]
    assert any(c.is_target for c in a.claims) and any(not c.is_target for c in a.claims)
    # titles and indicators are the document's own characters
    for s in a.sections:
        assert s.title == SAMPLE[s.title_start : s.title_end].strip()
    assert "經濟運行穩中向好" in [s.title for s in a.sections]
    for c in a.claims:  # composed of the document's characters (城鎮 + 居民…), none simplified
        assert set(c.indicator) <= set(SAMPLE) and SAMPLE[c.start : c.end] == c.text
    assert "一般公共預算收入" in [c.indicator for c in a.claims]
    assert "城鎮居民人均可支配收入" in [c.indicator for c in a.claims]


#: The share of our samples' elements (2,653) whose traditional parse agrees with the
#: simplified one, per OpenCC standard: before the fold took traditional characters s2t
#: 0.584, s2tw 0.584, s2hk 0.583 → after 0.997, 0.996, 0.993.
SAMPLE_FLOORS = {"s2t": 0.99, "s2tw": 0.99, "s2hk": 0.99}


@pytest.mark.parametrize("config", CONFIGS)
def test_our_samples_read_alike_in_each_traditional_standard(config: str) -> None:
    total, differ = Counter[str](), Counter[str]()
    for path in sorted(CORPORA.glob("*.txt")):
        found = differences(read_document(path).text, config)
        assert found is not None, f"{config} moved an offset in {path.name}"
        total += found[0]
        differ += found[1]
    agreement = 1 - sum(differ.values()) / sum(total.values())
    assert agreement >= SAMPLE_FLOORS[config], dict(differ)


#: Real reports (by path) read in traditional script (s2t): the share of elements whose
#: traditional parse agrees with the simplified one, before the fold took traditional
#: characters → after: fujian 2026 0.737 → 1.000, hailar 2015 0.679 → 0.975, pingtan-county
#: 2023 0.674 → 0.992 (every non-held-out report: 0.662 → 0.978).
REAL = {"fujian/2026.txt": 0.99, "hailar/2015.txt": 0.97, "pingtan-county/2023.txt": 0.98}


@pytest.mark.parametrize("name", REAL)
def test_real_reports_read_alike_in_traditional_script(name: str) -> None:
    path = SHARED / "real" / name
    if not path.is_file():
        pytest.skip(SHARED_REASON if not SHARED.is_dir() else f"{name} is not in ../shared")
    assert name.removesuffix(".txt") not in held_out()
    found = differences(path.read_text(encoding="utf-8"), "s2t")
    assert found is not None
    total, differ = found
    agreement = 1 - sum(differ.values()) / sum(total.values())
    assert agreement >= REAL[name], dict(differ)


def main() -> None:
    held = held_out()
    paths = [(p, "s") for p in sorted(CORPORA.glob("*.txt"))]
    paths += [
        (p, "r")
        for p in sorted((SHARED / "real").rglob("*.txt"))
        if str(p.relative_to(SHARED / "real")).removesuffix(".txt") not in held
    ]
    configs = CONFIGS if "--all" in sys.argv else ("s2t",)
    grand_total, grand_differ = Counter[str](), Counter[str]()
    for path, where in paths:
        text = read_document(path).text
        for config in configs if where == "s" else ("s2t",):
            found = differences(text, config)
            if found is None:
                print(f"{path.name} {config}: offsets moved, skipped")
                continue
            total, differ = found
            grand_total += total
            grand_differ += differ
            if sum(differ.values()):
                rel = path.relative_to(SHARED) if where == "r" else path.name
                print(f"{rel} {config}: {dict(differ)} of {sum(total.values())}")
    for kind in ("document", *KINDS):
        print(f"{kind:12} {grand_differ[kind]:5d} differ of {grand_total[kind]:6d}")
    n, d = sum(grand_total.values()), sum(grand_differ.values())
    print(f"ALL {d} of {n}: agreement {1 - d / max(n, 1):.4f}")


if __name__ == "__main__":
    main()
