"""The crafted documents of issue 19, each in a batch beside a good report.

Each once stalled or took down a batch: a line of 40,000 ``X`` (48 s in one pattern), a
``.md`` of 40,000 ``[`` (14 s), Chinese numerals read by recursion or as one huge integer
(一亿 × 40,000: 3.2 GB; 一 × 200,000: ValueError; 一二三四 × 80: OverflowError).  Now each
is a parsed document and the good report's rows come out.  How their time grows with
their length is ``tests/test_adversarial.py``'s; the peak memory of the worst is measured
here in a fresh process.
"""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import CORPORA, run_measured
from typer.testing import CliRunner

from extractor.cli.main import app

runner = CliRunner()

# fmt: off
HOSTILE = {
    "masks.txt": "X" * 40_000,
    "brackets.md": "[" * 40_000,
    "links.md": "[](" * 20_000,
    "yi.txt": "一、工作\n" + "一亿" * 40_000,
    "ones.txt": "一、工作\n" + "一" * 200_000,
    "digits.txt": "一、工作\n完成" + "一二三四" * 80 + "元。\n",
    "dense.txt": "一、工作情况\n" + "增长5%，" * 16_000 + "。\n",
    "spaces.txt": "一、工作\n" + " \u3000" * 30_000 + "来源：\n",
}
# fmt: on


def test_each_crafted_document_is_parsed_beside_a_good_report(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes((CORPORA / "01_county_halfyear_2020.txt").read_bytes())
    for name, text in HOSTILE.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(folder), "--out", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    docs = pd.read_parquet(out / "documents.parquet").set_index("doc_id")
    assert set(docs.index) == {"good", *(n.rsplit(".", 1)[0] for n in HOSTILE)}
    assert docs["status"].eq("ok").all(), docs.loc[docs["status"] != "ok", "error"].to_dict()
    sections = pd.read_parquet(out / "sections.parquet")
    assert (sections["doc_id"] == "good").sum() > 0
    claims = pd.read_parquet(out / "claims.parquet")
    assert (claims["doc_id"] == "dense").sum() == 16_000
    assert not claims["value"].dropna().gt(1e16).any()  # no numeral read past a figure's size


@pytest.mark.parametrize("copies", [40_000, 200_000])  # 240 kB and 1.2 MB of 一亿
def test_yi_repeated_parses_in_little_memory(tmp_path, copies):
    path = tmp_path / "yi.txt"
    path.write_text("一、工作\n" + "一亿" * copies + "\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from extractor.batch.run import process_file\n"
        "doc = process_file(sys.argv[1]).document\n"
        "print(doc.status, doc.chars)\n"
    )
    out, peak_mb = run_measured(code, str(path))
    assert out.split()[0] == "ok"
    assert peak_mb < 300, f"peak RSS {peak_mb} MB (it was 3.2 GB at 240 kB, 24 GB at 1.2 MB)"
