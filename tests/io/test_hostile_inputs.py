"""Hostile and odd inputs, each beside a good report whose rows must come out.

Every input problem is a documents row (an error saying why, or a parsed document with a
warning), never a traceback that takes the batch down and never a silent skip: link loops,
broken links, links out of the input folder, file names that are not valid UTF-8,
folders that cannot be listed, FIFOs and devices, files that vanish between listing and
reading, a byte-order mark that contradicts the body, a character cut off at the end.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pandas as pd
import pytest
from conftest import CORPORA
from typer.testing import CliRunner

import extractor.io.reading as reading
from extractor.batch.run import run_batch
from extractor.cli.main import app
from extractor.errors import InputError
from extractor.io.reading import DEFAULT_MAX_CHARS, iter_inputs, read_document

pytestmark = pytest.mark.skipif(os.name != "posix", reason="links and FIFOs as POSIX has them")
runner = CliRunner()
GOOD = CORPORA / "01_county_halfyear_2020.txt"


def folder_with_good(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD.read_bytes())
    return folder


def extract(folder: Path, out: Path, *args: str, fmt: str = "parquet") -> pd.DataFrame:
    """Run ``workreport extract`` in one process; the documents table, by doc id."""
    result = runner.invoke(
        app, ["extract", str(folder), "--out", str(out), "-j", "1", "-f", fmt, *args]
    )
    assert result.exit_code == 0, result.output
    sections = _read(out / f"sections.{fmt}", fmt)
    docs = _read(out / f"documents.{fmt}", fmt).set_index("doc_id")
    assert docs.loc["good", "status"] == "ok"
    assert (sections["doc_id"] == "good").sum() > 0  # the good report's rows came out
    return docs


def _read(path: Path, fmt: str) -> pd.DataFrame:
    if fmt == "parquet":
        return pd.read_parquet(path)
    if fmt == "csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if fmt == "xlsx":
        return pd.read_excel(path, dtype=str).fillna("")
    return pd.read_json(path, lines=True, dtype=False)


def test_a_symbolic_link_loop_is_an_error_row(tmp_path):
    folder = folder_with_good(tmp_path)
    (folder / "loop").mkdir()
    (folder / "loop" / "a.txt").symlink_to("a.txt")  # ln -s a.txt loop/a.txt
    (folder / "self.txt").symlink_to("other.txt")
    (folder / "other.txt").symlink_to("self.txt")
    docs = extract(folder, tmp_path / "out")
    for doc_id in ("loop/a", "self", "other"):
        assert docs.loc[doc_id, "status"] == "error"
        assert "symbolic link loop" in docs.loc[doc_id, "error"]


def test_a_folder_linked_back_to_its_parent_is_walked_once(tmp_path):
    folder = folder_with_good(tmp_path)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")  # a loop through a folder
    (folder / "sub" / "b.txt").write_bytes((CORPORA / "02_city_annual_2021.txt").read_bytes())
    found = [f.relative_to(folder).as_posix() for f, _ in iter_inputs([folder])]
    assert found == ["good.txt", "sub/b.txt"]


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl", "xlsx"])
def test_a_file_name_that_is_not_utf8_is_read_and_shown_with_escapes(tmp_path, fmt):
    folder = folder_with_good(tmp_path)
    name = "工作总结.txt".encode("gbk")  # copied from an old Windows share or zip
    path = os.path.join(os.fsencode(folder), name)
    with open(path, "wb") as handle:
        handle.write((CORPORA / "02_city_annual_2021.txt").read_bytes())
    docs = extract(folder, tmp_path / "out", fmt=fmt)
    escaped = "工作总结".encode("gbk").decode("utf-8", "backslashreplace")  # \xb9\xa4…
    assert escaped.startswith(r"\xb9\xa4")
    assert docs.loc[escaped, "status"] == "ok"
    assert docs.loc[escaped, "path"].endswith(escaped + ".txt")
    assert "not valid UTF-8" in docs.loc[escaped, "warning"]


def test_a_folder_that_cannot_be_listed_is_an_error_row(tmp_path, monkeypatch):
    folder = folder_with_good(tmp_path)
    locked = folder / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_bytes(GOOD.read_bytes())
    # tests run as root (CI too), whom chmod 000 does not stop: the listing is refused here
    real_scandir, real_listdir = os.scandir, os.listdir

    def refuse(real):
        def listing(path=".", *args):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, *args)

        return listing

    monkeypatch.setattr(os, "scandir", refuse(real_scandir))
    monkeypatch.setattr(os, "listdir", refuse(real_listdir))
    docs = extract(folder, tmp_path / "out")
    assert docs.loc["locked", "status"] == "error"
    assert "cannot be listed (Permission denied)" in docs.loc["locked", "error"]


def test_a_linked_folder_inside_is_walked_and_one_outside_is_not_followed(tmp_path):
    folder = folder_with_good(tmp_path)
    (folder / "real").mkdir()
    (folder / "real" / "a.txt").write_bytes((CORPORA / "02_city_annual_2021.txt").read_bytes())
    (folder / "alias").symlink_to("real")  # inside: the same files, listed once
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "b.txt").write_bytes((CORPORA / "03_province_gwr_2023.txt").read_bytes())
    (folder / "linked").symlink_to(outside)
    docs = extract(folder, tmp_path / "out")
    assert docs.loc["real/a", "status"] == "ok" and "alias/a" not in docs.index
    assert docs.loc["linked", "status"] == "error"
    assert "symbolic link to a folder outside the input folder" in docs.loc["linked", "error"]
    assert "--follow-links" in docs.loc["linked", "error"]
    followed = extract(folder, tmp_path / "out2", "--follow-links")
    assert followed.loc["linked/b", "status"] == "ok"
    assert str(outside) in followed.loc["linked/b", "warning"]


def test_a_file_link_out_of_the_folder_gives_no_document_unless_followed(tmp_path):
    folder = folder_with_good(tmp_path)
    secret = tmp_path / "private" / "passwd.txt"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n一、机密\n", encoding="utf-8")
    (folder / "x.txt").symlink_to(secret)  # x.txt -> /etc/passwd, as the issue found
    out = tmp_path / "out"
    docs = extract(folder, out, "--with-text")
    row = docs.loc["x"]
    assert row["status"] == "error" and row["sha256"] in ("", None)  # not even read to hash
    assert f"a symbolic link to a file outside the input folder ({secret})" in row["error"]
    assert "root:x" not in (out / "documents.parquet").read_bytes().decode("utf-8", "replace")
    followed = extract(folder, tmp_path / "out2", "--with-text", "--follow-links")
    assert followed.loc["x", "status"] == "ok"
    assert f"a symbolic link to {secret}" in followed.loc["x", "warning"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifos_and_devices_are_error_rows_not_hangs(tmp_path):
    folder = folder_with_good(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")  # a device, reached by a followed link
    docs = extract(folder, tmp_path / "out", "--follow-links")
    for doc_id in ("pipe", "zero"):
        assert docs.loc[doc_id, "status"] == "error"
        assert "not a regular file" in docs.loc[doc_id, "error"]


def test_a_file_that_vanishes_between_listing_and_reading_is_an_error_row(tmp_path):
    folder = folder_with_good(tmp_path)
    gone = folder / "gone.txt"
    gone.write_bytes((CORPORA / "02_city_annual_2021.txt").read_bytes())
    inputs = iter_inputs([folder])
    gone.unlink()
    reports = {r.document.doc_id: r.document for r in run_batch(inputs)}
    assert reports["good"].status == "ok"
    assert reports["gone"].status == "error" and "No such file" in reports["gone"].error


# --- bounded input ---------------------------------------------------------------------


def sparse(path: Path, size: int, head: bytes = b"") -> Path:
    with path.open("wb") as handle:
        handle.write(head)
        handle.truncate(size)
    return path


def test_there_is_a_default_size_bound_checked_before_reading(tmp_path):
    folder = folder_with_good(tmp_path)
    sparse(folder / "huge.txt", 300 << 20, "一、工作\n".encode())  # 300 MB, not read
    docs = extract(folder, tmp_path / "out")
    assert docs.loc["huge", "status"] == "error"
    assert f"too long for the limit of {DEFAULT_MAX_CHARS} characters" in docs.loc["huge", "error"]
    assert "--max-chars" in docs.loc["huge", "error"]
    bigger = extract(folder, tmp_path / "out2", "--max-chars", "0")  # 0: no bound
    assert "binary file" in bigger.loc["huge", "error"]  # read, and refused for its NULs


def test_a_gigabyte_of_nul_bytes_is_refused_from_its_first_bytes(tmp_path, monkeypatch):
    path = sparse(tmp_path / "nul.txt", (1 << 30) - 1)
    read: list[int] = []
    real_open = Path.open

    def counting_open(self, *args, **kwargs):
        handle = real_open(self, *args, **kwargs)
        if self == path:
            real_read = handle.read
            handle = _Spy(handle, lambda n=-1: read.append(len(data := real_read(n))) or data)
        return handle

    monkeypatch.setattr(Path, "open", counting_open)
    with pytest.raises(InputError, match="binary file"):
        read_document(path)
    assert sum(read) <= 1 << 16


class _Spy:
    def __init__(self, handle, read):
        self._handle, self.read = handle, read

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._handle.close()

    def __getattr__(self, name):
        return getattr(self._handle, name)


# --- decoding -----------------------------------------------------------------------------

REPORT = GOOD.read_text(encoding="utf-8")


def test_a_utf16_mark_before_a_utf8_body_is_refused_not_read_as_mojibake(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xff\xfe" + REPORT.encode("utf-8"))
    with pytest.raises(InputError, match=r"byte-order mark.*contradicts the body"):
        read_document(path)


def test_shift_jis_is_not_read_as_gb18030(tmp_path):
    japanese = "政府は本日、新たな経済対策を閣議決定した。総額は約三十兆円に上る。\n" * 20
    path = tmp_path / "ja.txt"
    path.write_bytes(japanese.encode("shift_jis"))
    with pytest.raises(InputError, match="cannot be decoded"):
        read_document(path)


@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "utf-16"])
def test_a_character_cut_off_at_the_end_is_dropped_with_a_warning(tmp_path, codec):
    data = REPORT.rstrip("\n").encode(codec)
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:-1])  # the last character loses its last byte
    doc = read_document(path)
    assert doc.text == REPORT.rstrip("\n")[:-1]
    assert "ends inside a character" in doc.warning and "dropped" in doc.warning
    folder = folder_with_good(tmp_path)
    (folder / "cut.txt").write_bytes(data[:-1])
    docs = extract(folder, tmp_path / "out")
    assert docs.loc["cut", "status"] == "ok" and "ends inside" in docs.loc["cut", "warning"]
    assert docs.loc["good", "warning"] in ("", None)


def test_a_flipped_bit_in_utf8_text_is_one_flagged_replacement(tmp_path):
    data = bytearray(REPORT.encode("utf-8"))
    at = REPORT.encode("utf-8").index("镇".encode()) + 1
    data[at] ^= 0x40  # a continuation byte no longer is one
    path = tmp_path / "flip.txt"
    path.write_bytes(bytes(data))
    doc = read_document(path)
    assert doc.encoding == "utf-8" and doc.text.count("\ufffd") >= 1
    assert len(doc.text) <= len(REPORT) + 2
    assert "damaged UTF-8 byte sequence" in doc.warning and str(at - 1) in doc.warning


def test_a_html_text_node_over_ten_megabytes_is_read(tmp_path):
    from extractor.io.formats.html import read_html

    page = "<html><body><p>一、工作</p><p>" + "发展" * (6 << 20) + "</p></body></html>"
    text, _ = read_html(page.encode("utf-8"), "big.html")
    assert text.startswith("一、工作\n发展") and len(text) > 12 << 20


def test_a_deeply_nested_page_is_read_or_an_error_row_never_a_crash(tmp_path):
    folder = folder_with_good(tmp_path)
    for depth in (1_500, 5_000):  # past Python's recursion limit; past libxml2's depth
        (folder / f"deep{depth}.html").write_text(
            "<div>" * depth + "一、工作情况" + "</div>" * depth, encoding="utf-8"
        )
    docs = extract(folder, tmp_path / "out")
    assert docs.loc["deep1500", "status"] == "ok"
    assert docs.loc["deep5000", "status"] == "error"
    assert "passes the parser's limits (Excessive depth" in docs.loc["deep5000", "error"]


def test_unreadable_file_mode_is_an_error_row_when_the_os_refuses(tmp_path, monkeypatch):
    folder = folder_with_good(tmp_path)
    path = folder / "secret.txt"
    path.write_bytes(GOOD.read_bytes() + b"\n")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anyway: refuse it as the OS would
        real = reading.read_bytes

        def refuse(file, *args, **kwargs):
            if file == path:
                raise PermissionError(13, "Permission denied", str(file))
            return real(file, *args, **kwargs)

        monkeypatch.setattr(reading, "read_bytes", refuse)
    docs = extract(folder, tmp_path / "out")
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert docs.loc["secret", "status"] == "error"
    assert "Permission denied" in docs.loc["secret", "error"]
