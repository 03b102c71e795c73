#!/usr/bin/env python3
"""Check the hand annotations in corpora/annotations/ against the corpus texts.

Standard library only.  Usage:

    python corpora/check_annotations.py            # check every annotation file
    python corpora/check_annotations.py 05_gbk     # only files whose name starts so

For every annotation it verifies that
  * the report decodes strictly with the stated encoding (BOM removed, CRLF -> LF);
  * the header fields are present and use the allowed values;
  * every section title, section marker and measure headline occurs verbatim;
  * every measure's `section` names an annotated section ("" allowed);
  * every anchor occurs in the text, uniquely or with a valid 1-based `occurrence`;
  * every claim's value_text / placeholder's text occurs inside its anchor, and the
    resolved spans of two claims (or two placeholders) never coincide;
  * `masked` agrees with value_text, placeholder text is made of mask characters,
    a claim without a value carries a change word in its anchor;
  * every run of mask characters in the text is annotated as a placeholder
    (the annotations are meant to be complete), a masked number whole (1X.X, 20XX: SPEC §2),
    or listed under `not_placeholders` (a trap: X光, XBRL, 3×4, 二○二一, 某种).
It prints per-file counts and exits 1 if anything failed.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ANN_DIR = os.path.join(HERE, "annotations")

MASK_CHARS = "XxＸ×＊*○□某"
MASK_RUN = re.compile("[" + re.escape(MASK_CHARS) + "]+")
# a masked number is one placeholder over the whole written number: 1X, 1X.X, 12.X, X,XXX, 20XX
_M, _D = "[" + re.escape(MASK_CHARS) + "]", "[0-9０-９]"
NUM_RUN = re.compile("(?:%s+[.．])?%s*%s(?:%s|%s)*(?:[,](?:%s|%s){3})*(?:[.．](?:%s|%s)+)?" % (_D, _D, _M, _M, _D, _M, _D, _M, _D))
DOC_TYPES = {"gov-work-report", "summary-and-plan", "summary", "plan", "other"}
KINDS = {"review", "plan", "problems", "other"}
STYLES = {"enumerated", "lead", "dash"}
PH_KINDS = {"figure", "date", "name"}
CHANGES = {"", "increase", "decrease", "flat"}
CHANGE_WORDS = ("持平", "增长", "下降", "提高", "减少", "增加", "降低", "上升", "回落", "压减", "压缩")
PERIOD_RE = re.compile(r"^\d{4}(?:H[12]|Q[1-4])?$")


def load_text(path, encoding):
    raw = open(path, "rb").read()
    text = raw.decode(encoding)  # strict: raises on bad bytes
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def resolve(text, anchor, occurrence, errors, what):
    """Return the start offset of the anchor in text, or None."""
    if not anchor:
        errors.append("%s: empty anchor" % what)
        return None
    starts = []
    i = text.find(anchor)
    while i >= 0:
        starts.append(i)
        i = text.find(anchor, i + 1)
    if not starts:
        errors.append("%s: anchor %r not found" % (what, anchor))
        return None
    if occurrence is None:
        if len(starts) > 1:
            errors.append("%s: anchor %r occurs %d times and has no occurrence" % (what, anchor, len(starts)))
            return None
        return starts[0]
    if not isinstance(occurrence, int) or not 1 <= occurrence <= len(starts):
        errors.append("%s: occurrence %r invalid for anchor %r (%d found)" % (what, occurrence, anchor, len(starts)))
        return None
    return starts[occurrence - 1]


def check_one(ann_path):
    errors = []
    ann = json.load(open(ann_path, encoding="utf-8"))
    name = os.path.basename(ann_path)
    for key in ("file", "encoding", "series", "title", "doc_type", "period", "sections", "measures", "placeholders"):
        if key not in ann:
            errors.append("missing key %r" % key)
    if errors:
        return name, errors, None
    txt_path = os.path.join(HERE, ann["file"])
    if os.path.splitext(name)[0] != os.path.splitext(ann["file"])[0]:
        errors.append("annotation name %s does not match file %s" % (name, ann["file"]))
    try:
        text = load_text(txt_path, ann["encoding"])
    except (OSError, UnicodeDecodeError, LookupError) as exc:
        return name, ["cannot read %s as %s: %s" % (ann["file"], ann["encoding"], exc)], None
    if "\ufffd" in text:
        errors.append("text contains U+FFFD replacement characters")
    if ann["doc_type"] not in DOC_TYPES:
        errors.append("bad doc_type %r" % ann["doc_type"])
    if not PERIOD_RE.match(ann["period"]):
        errors.append("bad period %r" % ann["period"])
    if ann["title"] and ann["title"] not in text:
        errors.append("title %r not in text" % ann["title"])

    # sections
    titles = set()
    for n, s in enumerate(ann["sections"]):
        what = "section %d (%s)" % (n, s.get("title"))
        for key in ("level", "marker", "ordinal", "title", "kind", "period"):
            if key not in s:
                errors.append("%s: missing %r" % (what, key))
        if s.get("level") not in (1, 2, 3, 4):
            errors.append("%s: bad level %r" % (what, s.get("level")))
        if s.get("kind") not in KINDS:
            errors.append("%s: bad kind %r" % (what, s.get("kind")))
        if not PERIOD_RE.match(str(s.get("period", ""))):
            errors.append("%s: bad period %r" % (what, s.get("period")))
        if not s.get("title") or s["title"] not in text:
            errors.append("%s: title not found verbatim" % what)
        elif s.get("marker") and (s["marker"] + s["title"]) not in text and s["marker"] not in text:
            errors.append("%s: marker %r not found" % (what, s["marker"]))
        if s.get("marker") == "" and s.get("ordinal") != 0:
            errors.append("%s: unnumbered section must have ordinal 0" % what)
        titles.add(s.get("title"))

    # measures
    for n, m in enumerate(ann["measures"]):
        what = "measure %d (%s)" % (n, m.get("headline", "")[:20])
        for key in ("section", "marker", "ordinal", "style", "headline", "slogan"):
            if key not in m:
                errors.append("%s: missing %r" % (what, key))
        if m.get("style") not in STYLES:
            errors.append("%s: bad style %r" % (what, m.get("style")))
        if m.get("section", "") not in titles and m.get("section", "") != "":
            errors.append("%s: section %r is not an annotated section" % (what, m.get("section")))
        if not m.get("headline") or m["headline"] not in text:
            errors.append("%s: headline not found verbatim" % what)
        if m.get("marker") and (m["marker"] not in text):
            errors.append("%s: marker %r not found" % (what, m["marker"]))
        if m.get("slogan") and m["slogan"] not in m.get("headline", ""):
            errors.append("%s: slogan %r not in headline" % (what, m["slogan"]))
        if m.get("style") == "lead" and m.get("marker") != "":
            errors.append("%s: a lead measure has an empty marker" % what)

    # claims
    claim_spans = set()
    for n, c in enumerate(ann.get("claims", [])):
        what = "claim %d (%s)" % (n, c.get("anchor"))
        for key in ("anchor", "value_text", "unit", "approx", "change", "indicator", "time_ref", "is_target", "masked"):
            if key not in c:
                errors.append("%s: missing %r" % (what, key))
        start = resolve(text, c.get("anchor", ""), c.get("occurrence"), errors, what)
        if start is None:
            continue
        anchor = c["anchor"]
        vt = c.get("value_text", "")
        if vt:
            k = anchor.find(vt)
            if k < 0:
                errors.append("%s: value_text %r not in anchor" % (what, vt))
                continue
            span = (start + k, start + k + len(vt))
            if c.get("unit") and c["unit"][0] not in "万亿千" and c["unit"] not in anchor[k + len(vt):] :
                errors.append("%s: unit %r not after the value in the anchor" % (what, c["unit"]))
        else:
            word = next((w for w in CHANGE_WORDS if w in anchor), None)
            if word is None:
                errors.append("%s: claim without value but no change word in anchor" % what)
                continue
            k = anchor.find(word)
            span = (start + k, start + k + len(word))
        if span in claim_spans:
            errors.append("%s: span %r annotated twice" % (what, span))
        claim_spans.add(span)
        if c.get("change") not in CHANGES:
            errors.append("%s: bad change %r" % (what, c.get("change")))
        masked = bool(vt) and MASK_RUN.search(vt) is not None
        if bool(c.get("masked")) != masked:
            errors.append("%s: masked=%r but value_text is %r" % (what, c.get("masked"), vt))
        if not isinstance(c.get("is_target"), bool):
            errors.append("%s: is_target must be a boolean" % what)

    # placeholders (and the traps that are none)
    ph_spans, trap_spans = set(), set()
    for key, spans in (("placeholders", ph_spans), ("not_placeholders", trap_spans)):
        for n, p in enumerate(ann.get(key, [])):
            what = "%s %d (%s)" % (key[:-1], n, p.get("anchor"))
            start = resolve(text, p.get("anchor", ""), p.get("occurrence"), errors, what)
            if start is None:
                continue
            t = p.get("text", "")
            if not t or not (NUM_RUN.fullmatch(t) or MASK_RUN.fullmatch(t)):
                errors.append("%s: text %r is not a (masked number's) run of mask characters" % (what, t))
                continue
            k = p["anchor"].find(t)
            if k < 0:
                errors.append("%s: text %r not in anchor" % (what, t))
                continue
            span = (start + k, start + k + len(t))
            if key == "placeholders":
                run = NUM_RUN.match(text, span[0])
                if run is None or run.end() != span[1] or (span[0] > 0 and NUM_RUN.match(text[span[0] - 1])):
                    errors.append("%s: %r is not a maximal mask run in the text" % (what, t))
                if p.get("kind") not in PH_KINDS:
                    errors.append("%s: bad kind %r" % (what, p.get("kind")))
            if span in ph_spans | trap_spans:
                errors.append("%s: span %r annotated twice" % (what, span))
            spans.add(span)
    covered = ph_spans | trap_spans
    for m in MASK_RUN.finditer(text):
        if not any(s <= m.start() and m.end() <= e for s, e in covered):
            ctx = text[max(0, m.start() - 8):m.end() + 8].replace("\n", " ")
            errors.append("mask run %r not annotated as a placeholder: …%s…" % (m.group(0), ctx))

    counts = dict(sections=len(ann["sections"]), measures=len(ann["measures"]),
                  claims=len(ann["claims"]) if "claims" in ann else None,
                  placeholders=len(ann["placeholders"]), chars=len(text))
    return name, errors, counts


def main(argv):
    names = sorted(f for f in os.listdir(ANN_DIR) if f.endswith(".json"))
    if argv:
        names = [n for n in names if any(n.startswith(a) for a in argv)]
    failed = 0
    print("%-34s %6s %8s %8s %6s %12s" % ("annotation", "chars", "sections", "measures", "claims", "placeholders"))
    for n in names:
        name, errors, counts = check_one(os.path.join(ANN_DIR, n))
        if counts:
            print("%-34s %6d %8d %8d %6s %12d" % (name, counts["chars"], counts["sections"], counts["measures"],
                                                  "-" if counts["claims"] is None else counts["claims"],
                                                  counts["placeholders"]))
        else:
            print("%-34s (unreadable)" % name)
        for e in errors:
            print("    ERROR", e)
        failed += bool(errors)
    # every corpus text has an annotation
    txts = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    for t in txts:
        if not argv and os.path.splitext(t)[0] + ".json" not in names:
            print("ERROR: %s has no annotation" % t)
            failed += 1
    print("%d annotation file(s) checked, %d with errors" % (len(names), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
