"""A learned indicator boundary, measured against the rules (issue 17; session 17).

Can a model trained on the annotated tuning claims decide where an indicator begins and ends
better than the rules of ``extractor.claims``?  Two models, both cross-validated over the
tuning claims grouped by report (5 folds, fixed seed), both judged with the project's own
lenient comparison (``extractor.analysis.evaluate._loosely``, as ``meaning.judge`` does):

``ranker``  a linear scorer (logistic regression, scikit-learn) over the spans around the rules'
            own span in the window before the figure: its start moved up to 10 characters either
            way, its end 8 back or 6 on; features of each bound (the characters at and around
            it, the rjieba word starting or ending there and its part of speech, punctuation,
            distance to the figure and to the rules' bound, the unit).
``crf``     a linear-chain CRF (python-crfsuite) tagging each character of the window in or out
            of the indicator, so that a name with words dropped (…开展定性检测覆盖率 →
            定性检测覆盖率) can be learned too; its tagging replaces the rules' only where it is
            confident (its probability at least ``tau``, the rules' tagging under half of it).

The rules were tuned on these very claims, so their output here is better than on unseen text
(indicator 0.894 on tuning, 0.837 on the held-out set).  ``--rules first`` therefore gives the
models, as feature and as the baseline, the *first reading* of each report: the indicators the
parser gave before that report's annotation was committed (the parent of the commit that added
the file), regenerated from git history into ``--cache`` by ``first-readings``.

Only files whose split is not ``heldout`` are read; nothing of a held-out file is printed.
Needs ``pip install scikit-learn python-crfsuite`` (training only: nothing here runs at parse).

    python benchmarks/indicator_boundary.py first-readings       # ~3 min, once
    python benchmarks/indicator_boundary.py shapes               # what the errors look like
    python benchmarks/indicator_boundary.py ranker --rules first
    python benchmarks/indicator_boundary.py crf --rules first [--apply now]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

import rjieba  # noqa: E402

from extractor.analysis.evaluate import _loosely, read_text  # noqa: E402
from extractor.analysis.meaning import (  # noqa: E402
    _occurrence,
    annotation_files,
    holding,
    shared_corpora,
)
from extractor.pipeline import parse  # noqa: E402

FOLDS, SEED = 5, 0
WINDOW, STOPS = 60, frozenset("。；;！？!?\n")
LEFT, RIGHT_BACK, RIGHT_ON = 10, 8, 6
PUNCT = frozenset('，,、：:（）()“”"《》〈〉【】—·…　 \t')
_DUMP = """
import json, sys
from pathlib import Path
from extractor.pipeline import parse
out = {}
for src, enc in json.loads(sys.argv[2]):
    p = Path(sys.argv[3]) / src
    try:
        from extractor.analysis.evaluate import read_text
        text = read_text(p, enc)
    except ImportError:
        text = p.read_text(encoding="utf-8")
    try:
        report = parse(text, doc_id=src, path=str(p), series=p.parent.name)
    except TypeError:  # before parse took a path and a series
        report = parse(text, doc_id=src)
    out[src] = [(c.start, c.end, c.indicator) for c in report.claims]
Path(sys.argv[1]).write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
"""


@dataclass
class Item:
    """One tuning claim the parser found: its report, the words before its figure, the gold
    indicator, the rules' (now, and at first reading) and the unit."""

    doc: str
    seg: str
    gold: str
    now: str
    first: str | None
    unit: str


def _tuning() -> Iterator[tuple[Path, dict[str, Any]]]:
    for path in annotation_files():
        meta = json.loads(path.read_text(encoding="utf-8"))
        if meta.get("split") != "heldout":
            yield path, meta


def first_readings(cache: Path) -> None:
    """Parse every tuning report with the parser as it stood before its annotation was added."""
    by_commit: dict[str, list[tuple[str, str]]] = {}
    for path, meta in _tuning():
        log = ["git", "-C", str(ROOT), "log", "--diff-filter=A", "--format=%H", "--", str(path)]
        commit = subprocess.run(log, capture_output=True, text=True, check=True).stdout.split()[-1]
        by_commit.setdefault(commit, []).append((meta["source"], str(meta.get("encoding", ""))))
    cache.mkdir(parents=True, exist_ok=True)
    for commit, sources in sorted(by_commit.items()):
        with tempfile.TemporaryDirectory() as tmp:
            archive = subprocess.run(
                ["git", "-C", str(ROOT), "archive", f"{commit}^"], capture_output=True, check=True
            ).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            out = cache / f"{commit[:12]}.json"
            args = [
                sys.executable,
                "-c",
                _DUMP,
                str(out),
                json.dumps(sources),
                str(shared_corpora()),
            ]
            subprocess.run(
                args, cwd=tmp, env={"PYTHONPATH": tmp, "PATH": "/usr/bin:/bin"}, check=True
            )
        print(f"{commit[:12]}: {len(sources)} reports", file=sys.stderr)


def window_start(text: str, pos: int) -> int:
    lo = pos
    while lo > 0 and pos - lo < WINDOW and text[lo - 1] not in STOPS:
        lo -= 1
    return lo


def items(cache: Path | None) -> list[Item]:
    """Every tuning claim the parser finds, with its first reading when ``cache`` is given."""
    first: dict[str, list[Any]] = {}
    for f in sorted(cache.glob("*.json")) if cache else ():
        first.update(json.loads(f.read_text(encoding="utf-8")))
    out = []
    for _, meta in _tuning():
        source = shared_corpora() / meta["source"]
        text = read_text(source, str(meta.get("encoding", "")))
        claims = parse(text, doc_id=meta["source"], path=str(source), series=source.parent.name)
        for entry in meta["claims"]:
            where = _occurrence(text, entry)
            claim = holding(claims.claims, *where) if where else None
            if claim is None:
                continue
            old = [
                c for c in first.get(meta["source"], ()) if c[0] <= where[0] and where[1] <= c[1]
            ]  # type: ignore[index]
            old_ind = min(old, key=lambda c: c[1] - c[0])[2] if old else None
            seg = text[window_start(text, claim.start) : claim.start]
            out.append(
                Item(
                    meta["source"],
                    seg,
                    str(entry.get("indicator", "")),
                    claim.indicator,
                    old_ind,
                    claim.unit,
                )
            )
    return out


def folds(docs: set[str]) -> dict[str, int]:
    order = sorted(docs)
    random.Random(SEED).shuffle(order)
    return {d: i % FOLDS for i, d in enumerate(order)}


# --- features ------------------------------------------------------------------------------


def _words(seg: str) -> tuple[dict[int, tuple[str, str]], dict[int, tuple[str, str]]]:
    starts, ends, at = {}, {}, 0
    for word, pos in rjieba.tag(seg):
        starts[at] = (word, pos)
        at += len(word)
        ends[at] = (word, pos)
    return starts, ends


def _kind(ch: str) -> str:
    if not ch:
        return "none"
    return (
        "punct" if ch in PUNCT else "digit" if ch.isdigit() else "latin" if ch.isascii() else "han"
    )


def bound_features(
    seg: str, unit: str, s: int, e: int, rule: tuple[int, int] | None, words: Any
) -> list[str]:
    """The ranker's features of the span ``seg[s:e]``."""
    starts, ends = words
    span = seg[s:e]
    f = [
        "L1=" + seg[s - 1 : s], "L0=" + seg[s : s + 1], "L01=" + seg[s : s + 2],
        "L21=" + seg[max(0, s - 2) : s], "Lk=" + _kind(seg[s - 1 : s]) + _kind(seg[s : s + 1]),
        "Ltok=" + str(s in starts), "Lw=" + starts.get(s, ("", ""))[0],
        "Lp=" + starts.get(s, ("", ""))[1], "Lbp=" + ends.get(s, ("", ""))[1],
        "R1=" + seg[e - 1 : e], "R0=" + (seg[e : e + 1] or "FIG"), "R21=" + seg[max(0, e - 2) : e],
        "R01=" + seg[e : e + 2], "Rk=" + _kind(seg[e - 1 : e]) + _kind(seg[e : e + 1]),
        "Rtok=" + str(e in ends), "Rw=" + ends.get(e, ("", ""))[0],
        "Rp=" + ends.get(e, ("", ""))[1],
        "Rap=" + starts.get(e, ("", ""))[1], "Rgap=" + str(min(len(seg) - e, 8)),
        "Rgapw=" + (seg[e:] if len(seg) - e <= 4 else "LONG"), "RU=" + unit + "|" + seg[e - 1 : e],
        "N=" + str(min(e - s, 20) // 2), "list=" + str(min(span.count("、"), 2)),
        "comma=" + str(min(span.count("，"), 2)), "de=" + str("的" in span),
        "quote=" + str(span.count("“") - span.count("”")),
    ]  # fmt: skip
    if rule is not None:
        f += [
            "Ld=" + str(max(-LEFT, min(LEFT, s - rule[0]))), "Lrule=" + str(s == rule[0]),
            "Rd=" + str(max(-RIGHT_BACK, min(RIGHT_ON, e - rule[1]))), "Rrule=" + str(e == rule[1]),
        ]  # fmt: skip
    return f


def _lexicon() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The project's names of measures: indicators.toml's aliases and the claim words'
    indicator tails (收入, 增加值, 覆盖率…)."""
    from extractor.claims.indicators import indicator_table
    from extractor.claims.words import claim_words

    aliases = tuple(a for ind in indicator_table().indicators for a in ind.aliases)
    return aliases, tuple(claim_words().indicator_tails)


LEXICON: tuple[tuple[str, ...], tuple[str, ...]] | None = None


def _marks(seg: str) -> list[str]:
    """Per character: whether an alias (A) or an indicator tail (T) covers it, and whether it
    ends one (A$, T$)."""
    out = [""] * len(seg)
    for tag, names in zip("AT", LEXICON or ((), ()), strict=True):
        for name in names:
            at = seg.find(name)
            while at >= 0:
                for i in range(at, at + len(name)):
                    out[i] += tag
                out[at + len(name) - 1] += tag + "$"
                at = seg.find(name, at + 1)
    return out


def char_features(seg: str, unit: str, rule: tuple[int, int] | None) -> list[list[str]]:
    """The CRF's features of each character of the window."""
    marks = _marks(seg) if LEXICON else None
    info = []
    for w, p in rjieba.tag(seg):
        for k in range(len(w)):
            b = "S" if len(w) == 1 else "B" if k == 0 else "E" if k == len(w) - 1 else "M"
            info.append((w, p, b))
    out = []
    for i, ch in enumerate(seg):
        w, p, b = info[i]
        f = [
            "c=" + ch, "c-1=" + seg[i - 1 : i], "c+1=" + seg[i + 1 : i + 2],
            "c-21=" + seg[max(0, i - 2) : i], "c01=" + seg[i : i + 2],
            "c-10=" + seg[max(0, i - 1) : i + 1],
            "w=" + w, "p=" + p, "bp=" + b + p, "pos=" + b, "fig=" + str(min(len(seg) - i, 20)),
            "punct=" + str(ch in PUNCT), "U=" + unit,
        ]  # fmt: skip
        if i >= len(seg) - 3:
            f.append("tail=" + seg[i:] + "|" + unit)
        if marks is not None:
            f += [
                "lex=" + "".join(sorted(set(marks[i]))),
                "lex+1=" + "".join(sorted(set(marks[i + 1] if i + 1 < len(seg) else ""))),
            ]
        if rule is not None:
            inside = rule[0] <= i < rule[1]
            near = {d: str(d) if abs(d) <= 3 else "far" for d in (i - rule[0], rule[1] - 1 - i)}
            f += ["r=" + str(inside), "rb=" + near[i - rule[0]], "re=" + near[rule[1] - 1 - i]]
            f += ["r&c=" + str(inside) + ch, "r&p=" + str(inside) + p]
        out.append(f)
    return out


def _labels(gold: str, seg: str) -> list[str] | None:
    """Gold as characters of the window: its last occurrence, else a subsequence from the right."""
    lab = ["O"] * len(seg)
    at = seg.rfind(gold) if gold else -1
    if at >= 0:
        lab[at : at + len(gold)] = ["I"] * len(gold)
        return lab
    j = len(seg) - 1
    for ch in reversed(gold):
        while j >= 0 and seg[j] != ch:
            j -= 1
        if j < 0:
            return None
        lab[j], j = "I", j - 1
    return lab if gold else None


# --- the two models ------------------------------------------------------------------------


def _rule_span(seg: str, indicator: str | None) -> tuple[int, int] | None:
    at = seg.rfind(indicator) if indicator else -1
    return (at, at + len(indicator)) if indicator and at >= 0 else None


def ranker(data: list[Item], which: str, use_rule: bool, lenient: bool) -> Counter[str]:
    """Candidates around the rules' span, scored; trained to find gold's own span, or with
    ``lenient`` every candidate the lenient comparison takes (the score itself)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = []
    for it in data:
        rule = _rule_span(it.seg, it.now if which == "now" else it.first)
        if rule is None:
            continue
        cands = [
            (s, e)
            for e in range(max(1, rule[1] - RIGHT_BACK), min(len(it.seg), rule[1] + RIGHT_ON) + 1)
            for s in range(max(0, rule[0] - LEFT), min(e - 1, rule[0] + LEFT) + 1)
        ]
        words = _words(it.seg)
        feats = [
            bound_features(it.seg, it.unit, s, e, rule if use_rule else None, words)
            for s, e in cands
        ]
        gold = _rule_span(it.seg, it.gold)
        rows.append((it, rule, cands, feats, gold))
    fold = folds({r[0].doc for r in rows})
    res: Counter[str] = Counter()
    for k in range(FOLDS):
        x, y = [], []
        for it, _, cands, feats, gold in rows:
            if fold[it.doc] != k and (lenient or gold in cands):
                x += [dict.fromkeys(f, 1) for f in feats]
                y += [
                    int(_loosely(it.gold, it.seg[c[0] : c[1]]) if lenient else c == gold)
                    for c in cands
                ]
        vec = DictVectorizer()
        model = LogisticRegression(max_iter=500).fit(vec.fit_transform(x), y)
        for it, rule, cands, feats, _ in rows:
            if fold[it.doc] == k:
                scores = model.decision_function(
                    vec.transform([dict.fromkeys(f, 1) for f in feats])
                )
                s, e = cands[int(scores.argmax())]
                _tally(res, it, it.seg[rule[0] : rule[1]], it.seg[s:e])
    return res


def crf(data: list[Item], which: str, apply: str, taus: tuple[float, ...]) -> Counter[str]:
    import pycrfsuite

    rows = []
    for it in data:
        train_rule = _rule_span(it.seg, it.now if which == "now" else it.first)
        test_rule = _rule_span(it.seg, it.now if apply == "now" else it.first)
        if train_rule is None or test_rule is None:
            continue
        x_train = char_features(it.seg, it.unit, train_rule)
        x_test = x_train if test_rule == train_rule else char_features(it.seg, it.unit, test_rule)
        rows.append((it, test_rule, x_train, x_test, _labels(it.gold, it.seg)))
    fold = folds({r[0].doc for r in rows})
    res: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(FOLDS):
            trainer = pycrfsuite.Trainer(verbose=False)
            for it, _, x, _, y in rows:
                if fold[it.doc] != k and y is not None:
                    trainer.append(x, y)
            trainer.set_params({"c1": 0.0, "c2": 0.1, "max_iterations": 200})
            trainer.train(f"{tmp}/{k}.crfsuite")
            tagger = pycrfsuite.Tagger()
            tagger.open(f"{tmp}/{k}.crfsuite")
            for it, rule, _, x, _ in rows:
                if fold[it.doc] != k:
                    continue
                tagger.set(x)
                best = tagger.tag()
                mine = ["I" if rule[0] <= i < rule[1] else "O" for i in range(len(it.seg))]
                p_best, p_rule = tagger.probability(best), tagger.probability(mine)
                got = "".join(ch for ch, lab in zip(it.seg, best, strict=True) if lab == "I")
                ruled = it.seg[rule[0] : rule[1]]
                _tally(res, it, ruled, got or ruled)
                for tau in taus:
                    sure = bool(got) and p_best >= tau and p_rule < p_best / 2
                    _tally(res, it, ruled, got if sure else ruled, f"tau{tau}:")
    return res


def _tally(res: Counter[str], it: Item, rule: str, got: str, key: str = "") -> None:
    a, b = _loosely(it.gold, rule), _loosely(it.gold, got)
    res[key + "n"] += 1
    res[key + "rules"] += a
    res[key + "model"] += b
    res[key + "fixed"] += b and not a
    res[key + "broke"] += a and not b


def report(res: Mapping[str, int]) -> None:
    for key in sorted({k.rpartition(":")[0] for k in res}):
        p = key + ":" if key else ""
        n = res[p + "n"]
        rules, model = res[p + "rules"] / n, res[p + "model"] / n
        print(
            f"{key or 'model':<10} n={n} rules {rules:.4f} model {model:.4f}"
            f" (fixed {res[p + 'fixed']}, broke {res[p + 'broke']})"
        )


def shapes(data: list[Item], which: str) -> None:
    """How the rules' wrong indicators relate to the gold (counts only, tuning only)."""
    count: Counter[str] = Counter()
    for it in data:
        got = it.now if which == "now" else it.first
        if got is None:
            continue
        if _loosely(it.gold, got):
            count["right"] += 1
            continue
        rule = "rule contiguous" if _rule_span(it.seg, got) else "rule not contiguous"
        if not it.gold:
            gold = "gold empty"
        elif it.gold in it.seg:
            gold = "gold contiguous in window"
        elif _labels(it.gold, it.seg) is not None:
            gold = "gold = window with words dropped"
        elif sum(ch in it.seg for ch in it.gold) >= 0.6 * len(it.gold):
            gold = "gold mostly window words, some added"
        else:
            gold = "gold mostly not in window"
        count[f"{gold} / {rule}"] += 1
        # the most a model of the window could do: a stretch of it (or its characters in
        # order, words dropped: the CRF's reach) that the lenient comparison takes
        n = len(it.seg)
        if any(_loosely(it.gold, it.seg[s:e]) for e in range(n, 0, -1) for s in range(e)):
            count["(fixable by a stretch of the window)"] += 1
        elif _labels(it.gold, it.seg) is not None:
            count["(fixable only with words dropped)"] += 1
    for key, n in count.most_common():
        print(f"{n:>6}  {key}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["first-readings", "shapes", "ranker", "crf"])
    ap.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "workreport-first-readings"
    )
    ap.add_argument("--rules", choices=["now", "first"], default="first")
    ap.add_argument("--apply", choices=["now", "first"], default=None, help="crf: rules at test")
    ap.add_argument("--no-rule-features", action="store_true", help="ranker: bounds alone")
    ap.add_argument("--lenient", action="store_true", help="ranker: trained on the lenient score")
    ap.add_argument("--lexicon", action="store_true", help="crf: the project's measure names too")
    args = ap.parse_args()
    if args.what == "first-readings":
        first_readings(args.cache)
        return
    if args.lexicon:
        global LEXICON
        LEXICON = _lexicon()
    data = items(args.cache if args.rules == "first" or args.apply == "first" else None)
    if args.what == "shapes":
        shapes(data, args.rules)
    elif args.what == "ranker":
        report(ranker(data, args.rules, not args.no_rule_features, args.lenient))
    else:
        report(crf(data, args.rules, args.apply or args.rules, (0.5, 0.7, 0.9)))


if __name__ == "__main__":
    main()
