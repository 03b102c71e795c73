"""Reading files: encodings, empty and binary files, newline normalisation, batch inputs."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.errors import InputError
from extractor.io.reading import (
    decode_bytes,
    doc_id_for,
    iter_inputs,
    read_document,
    unique_doc_ids,
)

SAMPLE = (
    "青山镇2021年工作总结\n"
    "一、主要成效\n"
    "一是产业发展提速。全镇新增市场主体86户，同比增长12.5%。\n"
    "二是民生保障有力。发放救助资金XX万元，惠及困难群众X户。\n"
    "二、存在的问题\n"
    "财政收支矛盾仍较突出。\n"
)

# fmt: off
ENCODINGS = [
    # (how the file is written, the label read_document reports)
    (lambda t: t.encode("utf-8"), "utf-8"),
    (lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
    (lambda t: t.encode("gbk"), "gb18030"),
    (lambda t: t.encode("gb18030"), "gb18030"),
    (lambda t: b"\xff\xfe" + t.encode("utf-16-le"), "utf-16-le"),
    (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16-be"),
    (lambda t: t.encode("utf-16"), "utf-16-le"),  # Python's codec writes a little-endian BOM
]
ENCODING_IDS = ["utf-8", "utf-8-bom", "gbk", "gb18030", "utf-16-le", "utf-16-be", "utf-16-native"]

NOT_TEXT = [
    # (bytes, what the message must say)
    (b"", "empty"),
    (b"  \n\r\n\t \n", "empty"),
    ("\ufeff  \r\n".encode(), "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ("2021年报告\n".encode("utf-16-le"), "UTF-16 without a byte-order mark"),
    (bytes(range(1, 32)) * 20 + "正文".encode(), "binary"),
    (b"\x80abc", "cannot be decoded"),
    (b"\xfe\xa1" * 40 + "正文".encode("gb18030"), "unlikely characters"),  # private-use area
    ("正文内容".encode() + b"\xff", "cannot be decoded"),
    (b"\xef\xbb\xbf\xff\xfe\xfd", "not valid utf-8-sig"),
]
# fmt: on


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("encode", "label"), ENCODINGS, ids=ENCODING_IDS)
def test_encodings(tmp_path, encode, label):
    data = encode(SAMPLE)
    doc = read_document(write(tmp_path, "2021.txt", data))
    assert doc.text == SAMPLE
    assert doc.encoding == label
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(("data", "message"), NOT_TEXT)
def test_not_text_is_an_input_error(tmp_path, data, message):
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError, match=message) as info:
        read_document(path)
    assert str(path) in str(info.value)


def test_crlf_and_cr_become_newlines_and_offsets_follow(tmp_path):
    raw = SAMPLE.replace("\n", "\r\n").replace("二、存在的问题\r\n", "二、存在的问题\r")
    doc = read_document(write(tmp_path, "crlf.txt", b"\xef\xbb\xbf" + raw.encode()))
    assert doc.text == SAMPLE
    assert "\r" not in doc.text and not doc.text.startswith("\ufeff")
    start = doc.text.index("二、存在的问题")
    assert doc.text[start : start + 7] == "二、存在的问题"
    assert doc.text[start - 1] == "\n" and doc.text[start + 7] == "\n"


def test_a_few_stray_control_characters_are_still_text(tmp_path):
    doc = read_document(write(tmp_path, "ok.txt", (SAMPLE * 3 + "\x1a\x0c").encode()))
    assert doc.text.startswith("青山镇")


@pytest.mark.parametrize("name", ["report.odt", "report.rtf2", "notes"])
def test_unsupported_formats_name_the_supported_ones(tmp_path, name):
    with pytest.raises(InputError, match=r"unsupported format.*\.docx.*\.pdf.*\.txt"):
        read_document(write(tmp_path, name, SAMPLE.encode()))


@pytest.mark.parametrize(("name", "reason"), [("report.doc", "legacy Word"), ("r.wps", "WPS")])
def test_refused_formats_say_why(tmp_path, name, reason):
    with pytest.raises(InputError, match=reason):
        read_document(write(tmp_path, name, SAMPLE.encode()))


def test_doc_id_and_series_come_from_the_batch_root(tmp_path):
    path = write(tmp_path, "state-council/2003.txt", SAMPLE.encode())
    doc = read_document(path, tmp_path)
    assert doc.doc_id == "state-council/2003"
    assert doc.series == "state-council"
    assert read_document(path).doc_id == "2003"
    assert doc_id_for(path, tmp_path / "elsewhere") == "2003"


def test_iter_inputs_walks_folders_sorted_and_skips_hidden_and_annotations(tmp_path):
    for name in ["b/2021.txt", "a/2020.md", "a/2019.TXT", "a/notes.docx", ".hidden.txt",
                 ".git/x.txt", "annotations/2020.json", "a/image.png"]:  # fmt: skip
        write(tmp_path, name, SAMPLE.encode())
    single = write(tmp_path.parent / f"{tmp_path.name}-single", "odd.dat", b"x")
    found = iter_inputs([tmp_path, single, tmp_path / "b" / "2021.txt"])
    names = [f.relative_to(root).as_posix() for f, root in found]
    assert names == ["a/2019.TXT", "a/2020.md", "a/notes.docx", "b/2021.txt", "odd.dat"]


def test_iter_inputs_refuses_a_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        iter_inputs([tmp_path / "missing"])


def test_unique_doc_ids_within_a_batch(tmp_path):
    one = write(tmp_path, "x/2020.txt", b"a")
    two = write(tmp_path, "y/2020.txt", b"b")
    three = write(tmp_path, "y/2020.md", b"c")
    inputs = [(one, one.parent), (two, two.parent), (three, three.parent)]
    assert unique_doc_ids(inputs) == ["2020", "2020~2", "2020~3"]


@given(st.text(min_size=1).filter(lambda t: t.strip() and "\x00" not in t))
def test_utf8_round_trip_keeps_the_normalised_text(text):
    try:
        decoded, encoding = decode_bytes(text.encode("utf-8"))
    except InputError as exc:  # text made mostly of control characters
        assert "binary" in str(exc) or "empty" in str(exc)
        return
    expected = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert decoded == expected
    assert encoding == ("utf-8-sig" if text.startswith("\ufeff") else "utf-8")


TRADITIONAL = (
    "臺北市2021年工作總結\n一、主要成效\n一是產業發展提速。新增市場主體86戶，同比增長12.5%。\n"
)


@pytest.mark.parametrize("codec", ["big5", "cp950"])
def test_big5_is_detected(tmp_path, codec):
    doc = read_document(write(tmp_path, "trad.txt", TRADITIONAL.encode(codec)))
    assert (doc.text, doc.encoding) == (TRADITIONAL, "big5")


def test_files_are_measured_before_they_are_read(tmp_path, monkeypatch):
    import extractor.io.reading

    path = write(tmp_path, "big.txt", SAMPLE.encode())
    monkeypatch.setattr(extractor.io.reading, "MAX_FILE_BYTES", 100)
    with pytest.raises(InputError, match=r"big\.txt: \d+ bytes, more than the limit of 100"):
        read_document(path)


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs a FIFO (POSIX)")
def test_a_fifo_is_not_read(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block for ever
    with pytest.raises(InputError, match="not a regular file"):
        read_document(fifo)


def test_a_broken_link_is_listed_and_says_so(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    assert [f for f, _ in iter_inputs([link])] == [link]
    assert [f for f, _ in iter_inputs([tmp_path])] == [link]
    with pytest.raises(InputError, match="broken symbolic link"):
        read_document(link)


def test_lone_surrogates_become_replacement_characters(tmp_path):
    # a damaged PDF's text layer can hold a lone surrogate: no UTF-8 table (nor the
    # Aho-Corasick lexicon) can take one; offsets stay, one character for one
    from extractor import parse
    from extractor.io.reading import normalise_text

    text = "推进乡村振兴\udb67和扫黑除恶。"
    clean = normalise_text(text)
    assert clean == "推进乡村振兴\ufffd和扫黑除恶。" and len(clean) == len(text)
    # and parse() handed one directly still finds its campaigns where they stand
    report = parse(text)
    assert [(c.text, text[c.start : c.end]) for c in report.campaigns] == [
        ("乡村振兴", "乡村振兴"), ("扫黑除恶", "扫黑除恶"),
    ]  # fmt: skip
