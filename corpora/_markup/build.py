#!/usr/bin/env python3
"""Regenerate corpora/NN_*.txt and corpora/annotations/NN_*.json from the marked-up
sources in corpora/_markup/src/ (python corpora/_markup/build.py [NN ...]).

The .txt and .json files are the corpus; this script is only the authoring aid they were
written with.  Derived fields (approx, change, indicator, time_ref, is_target, anchors,
placeholder kinds) are proposed by simple rules and overridden in the markup wherever
the rule was wrong, so the sources, not the rules, are authoritative.

Build corpus text + annotation JSON from marked-up sources.

Source file: first line JSON meta, then a line '---', then the body.
Markup:
  ⦗S k=v ...⦘   section heading starts here (kind=, period=, level= where not the marker's)
  ⦗/S⦘          explicit end of a section title (glued headings)
  ⦗M⦘ / ⦗L⦘    measure (enumerated/dash/seq) / lead measure starts here
  ⟦v|rest‖k=v;k=v⟧  claim: value_text v, then rest = [万亿千][余多]?unit (approx inside)
  ⟦v‖...⟧        claim with no unit
  ⟦=持平‖...⟧    change-only claim (value "" unit "", span = the word)
  ⦃text:kind⦄   placeholder with explicit kind (figure/date/name/none)
  〔em〕 -> U+2003, 〔nbsp〕 -> U+00A0 (a web page's &nbsp;)
"""
import json, re, sys, os, glob

PH = 'XxＸ×＊*○□某'
PH_RE = re.compile('[' + re.escape(PH) + ']+')
# a masked number is one placeholder over the whole written number (SPEC §2): 1X, 1X.X, 12.X, X,XXX
_M, _D = '[' + re.escape(PH) + ']', '[0-9０-９]'
NUM_RUN = re.compile('(?:%s+[.．])?%s*%s(?:%s|%s)*(?:[,](?:%s|%s){3})*(?:[.．](?:%s|%s)+)?' % (_D, _D, _M, _M, _D, _M, _D, _M, _D))
CN = {'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}


def cn2int(s):
    s = s.translate(str.maketrans('０１２３４５６７８９', '0123456789'))
    if s.isdigit():
        return int(s)
    if s == '十':
        return 10
    if s.startswith('十'):
        return 10 + CN[s[1]]
    if len(s) == 3 and s[1] == '十':
        return CN[s[0]] * 10 + CN[s[2]]
    if len(s) == 2 and s[1] == '十':
        return CN[s[0]] * 10
    return CN[s]


SEC_RES = [
    (1, re.compile(r'第([一二三四五六七八九十]+)部分')),
    (1, re.compile(r'([一二三四五六七八九十]+)、')),
    (2, re.compile(r'[（(]([一二三四五六七八九十]+)[）)]')),
    (4, re.compile(r'[（(]([0-9０-９]+)[）)]')),
    (3, re.compile(r'([0-9０-９]+)[.．、]')),
    (3, re.compile(r'([0-9]+)(?=\t)')),  # a table row's number cell
    (3, re.compile(r'([0-9]+)(?=\n)')),  # …or a cell per line: the task cell on the next
]
MEAS_RES = [
    ('enumerated', re.compile(r'([一二三四五六七八九十]+)[是要]')),
    ('enumerated', re.compile(r'第([一二三四五六七八九十]+)(?=[，,、：:])')),
    ('enumerated', re.compile(r'其([一二三四五六七八九十])(?=[，,、：:]|是)')),
    ('seq', re.compile(r'(首先|其次|再次|然后|最后)')),
    ('dash', re.compile(r'——')),
]

PRE_APPROX = ['超过', '不少于', '近', '约']
POST_APPROX = ['以上', '以下', '左右', '多']
CHANGE_WORDS = [
    ('增长', 'increase'), ('提高', 'increase'), ('提升', 'increase'), ('上升', 'increase'),
    ('增加', 'increase'), ('增幅', 'increase'), ('翻', 'increase'), ('扩大', 'increase'), ('上涨', 'increase'), ('涨幅', 'increase'),
    ('下降', 'decrease'), ('降低', 'decrease'), ('减少', 'decrease'), ('回落', 'decrease'),
    ('压减', 'decrease'), ('缩短', 'decrease'), ('压缩', 'decrease'), ('降幅', 'decrease'), ('缩减', 'decrease'),
]
TIME_RE = re.compile(
    r'截[至止](?:[^，。；：]{0,12}?日|[^，。；：]{0,12}?(?:底|末)|[^，。；：]{0,8}?月)|'
    r'[0-9０-９X]{1,2}[-—－至][0-9０-９X]{1,2}月份?|'
    r'(?:19|20)[0-9０-９]{2}年(?:[0-9X]{1,2}月(?:[0-9X]{1,2}日)?|度|底|末)?|'
    r'[２][０][０-９]{2}年(?:度|底|末)?|'
    r'[0-9０-９X]{1,2}月(?:[0-9０-９X]{1,2}日|底前?|份|末)?|'
    r'上半年|下半年|全年|一季度|前三季度|年内|年底前?|今年|过去五年|五年来|一年来|到20[0-9]{2}年')
TARGET_RE = re.compile('力争|争取|确保|目标|预期')
IND_STRIP_HEAD = re.compile(r'^(?:[一二三四五六七八九十]+[是要]|计划|力争|争取|确保|实现|完成|再完成|其中|全[县市省区镇]|我[县市省区镇局]|本[县市局]|累计|共计?|上半年|全年|今年|年内|此外|同时|并|和|及|以及|分别)+')
IND_STRIP_TAIL = re.compile(r'(?:同比|比上年|较上年|比去年|较去年|比上年同期|同比分别)?(?:分别)?(?:达到|达|为|到|至|突破|实现|完成|共|累计|超|有|了|约|近|超过|不少于|增长|提高|提升|下降|降低|减少|增加|上升|回落|压减|缩短|压缩|翻|涨幅|增幅|降幅|扩大|上涨|缩减|于|稳定在|保持在|保持|控制在|仅为|仅|力争|突破)*$')


def parse_src(path):
    raw = open(path, encoding='utf-8').read()
    head, body = raw.split('\n---\n', 1)
    meta = json.loads(head)
    body = body.rstrip('\n') + '\n'
    body = body.replace('〔em〕', '\u2003').replace('〔nbsp〕', '\u00a0')
    if meta.get('flatten'):
        lines = [l for l in body.split('\n') if l.strip() != '']
        out = lines[0]
        for l in lines[1:]:
            if l.startswith('〔nb〕'):
                out += ' ' + l[len('〔nb〕'):]
            else:
                out += ' \u3000\u3000' + l
        body = out
        if meta.get('trailing_newline'):
            body += '\n'
    return meta, body


TOKEN = re.compile(r'⦗(/?[SML0][^⦘]*)⦘|⟦([^⟧]*)⟧|⦃([^⦄]*)⦄')


def strip_markup(body):
    out = []
    pos = 0
    n = 0
    events = []
    for m in TOKEN.finditer(body):
        out.append(body[pos:m.start()])
        n += m.start() - pos
        pos = m.end()
        if m.group(1) is not None:
            tag = m.group(1)
            parts = tag.split()
            kv = dict(p.split('=', 1) for p in parts[1:])
            events.append(('tag', parts[0], n, kv))
        elif m.group(2) is not None:
            inner = m.group(2)
            opts = {}
            if '‖' in inner:
                inner, o = inner.split('‖', 1)
                for p in o.split(';'):
                    if p:
                        k, v = p.split('=', 1)
                        opts[k] = v
            if inner.startswith('='):
                word = inner[1:]
                events.append(('claim', n, n + len(word), '', '', opts, word))
                out.append(word)
                n += len(word)
            else:
                if '|' in inner:
                    v, rest = inner.split('|', 1)
                else:
                    v, rest = inner, ''
                events.append(('claim', n, n + len(v + rest), v, rest, opts, None))
                out.append(v + rest)
                n += len(v + rest)
        else:
            t, k = m.group(3).rsplit(':', 1)
            events.append(('ph', n, n + len(t), k))
            out.append(t)
            n += len(t)
    out.append(body[pos:])
    text = ''.join(out)
    assert not re.search('[⦗⦘⟦⟧⦃⦄‖〔〕]', text), re.search('.{0,20}[⦗⦘⟦⟧⦃⦄‖〔〕].{0,20}', text).group(0)
    return text, events


def sentence_bounds(text, p):
    s = p
    while s > 0 and text[s - 1] not in '。！？；\n':
        s -= 1
    e = p
    while e < len(text) and text[e] not in '。！？；\n':
        e += 1
    return s, e


def make_anchor(text, s, e, elem, minlen=8, maxlen=25):
    """Anchor containing [s,e) so that first occurrence of elem in anchor is at s."""
    # left context: up to 8 chars, not containing elem such that first occurrence is at s
    best = None
    for left in range(min(8, s), -1, -1):
        a0 = s - left
        # stop at newline
        if '\n' in text[a0:s]:
            continue
        seg_first = text[a0:e].find(elem) if elem else 0
        if elem and seg_first != left:
            continue
        best = a0
        break
    if best is None:
        best = s
    a0 = best
    a1 = e
    # extend right to at least minlen and until unique
    while True:
        anc = text[a0:a1]
        cnt = text.count(anc)
        if len(anc) >= minlen and cnt == 1:
            return anc, None
        if len(anc) >= maxlen or a1 >= len(text) or text[a1] == '\n':
            break
        a1 += 1
    anc = text[a0:a1]
    # occurrence
    occ = 0
    i = -1
    while True:
        i = text.find(anc, i + 1)
        if i < 0:
            break
        occ += 1
        if i == a0:
            return anc, (occ if text.count(anc) > 1 else None)
    raise RuntimeError('anchor failure')


def build(path, outdir):
    meta, body = parse_src(path)
    text, events = strip_markup(body)
    # ---- sections
    sections = []
    sec_starts = []  # (pos, idx)
    tags = [e for e in events if e[0] == 'tag']
    for ev in tags:
        _, name, p, kv = ev
        if name not in ('S', 'S0'):
            continue
        if name == 'S0':
            marker, ordinal, level, q = '', 0, 1, p
        else:
            for lvl, rx in SEC_RES:
                m = rx.match(text, p)
                if m:
                    break
            else:
                raise ValueError('no section marker at %r' % text[p:p + 20])
            marker, ordinal, level, q = m.group(0), cn2int(m.group(1)), lvl, m.end()
            level = int(kv.get('level', level))  # a list's parts under its unnumbered title
            if text[q:q + 1] == '\n':
                q += 1  # a number cell on a line of its own: the task cell below is the title
        # explicit end?
        ends = [e2[2] for e2 in tags if e2[1] == '/S' and e2[2] > p]
        cands = []
        nl = text.find('\n', q)
        cands.append(nl if nl >= 0 else len(text))
        dot = text.find('。', q)
        if dot >= 0:
            cands.append(dot)
        sp = text.find(' \u3000', q)
        if sp >= 0:
            cands.append(sp)
        if ends:
            cands.append(ends[0])
        tend = min(cands)
        title = text[q:tend].strip(' \u3000\u2003\u00a0\t').rstrip('。')
        # parent
        parent = None
        for j in range(len(sections) - 1, -1, -1):
            if sections[j]['level'] < level:
                parent = j
                break
        kind = kv.get('kind') or (sections[parent]['kind'] if parent is not None else None)
        period = kv.get('period') or (sections[parent]['period'] if parent is not None else None)
        assert kind and period, (path, title)
        sections.append(dict(level=level, marker=marker, ordinal=ordinal, title=title, kind=kind, period=period))
        sec_starts.append(p)

    def sec_at(p):
        idx = None
        for i, sp in enumerate(sec_starts):
            if sp <= p:
                idx = i
        return idx

    # ---- measures
    measures = []
    counters = {}
    seqpara = {}
    for ev in tags:
        _, name, p, kv = ev
        if name not in ('M', 'L'):
            continue
        si = sec_at(p)
        stitle = sections[si]['title'] if si is not None else ''
        if name == 'L':
            style, marker = 'lead', ''
            q = p
            key = (si, 'lead')
            counters[key] = counters.get(key, 0) + 1
            ordinal = counters[key]
            end = text.find('。', q)
            headline = text[q:end]
        else:
            for style, rx in MEAS_RES:
                m = rx.match(text, p)
                if m:
                    break
            else:
                raise ValueError('no measure marker at %r' % text[p:p + 20])
            if style == 'seq':
                marker = m.group(1)
                para = text.rfind('\n', 0, p)
                seqpara[para] = seqpara.get(para, 0) + 1
                ordinal = seqpara[para]
                q = m.end()
            elif style == 'dash':
                marker = '——'
                key = (si, 'dash')
                counters[key] = counters.get(key, 0) + 1
                ordinal = counters[key]
                q = m.end()
            else:
                g = m.group(0)
                marker = g if g[-1] in '是要' else g  # 一是 / 第一 / 其一
                ordinal = cn2int(m.group(1))
                q = m.end()
            style = 'enumerated' if style == 'seq' else style
            ends = [i for i in (text.find('。', q), text.find('；', q)) if i >= 0]
            end = min(ends)
            headline = text[q:end].lstrip('，,：:、 \u3000\u00a0')
        assert '\n' not in headline, headline
        qs = re.search('“([^”]*)”', headline)
        slogan = qs.group(1) if qs else ''
        measures.append(dict(section=stitle, marker=marker, ordinal=ordinal, style=style, headline=headline, slogan=slogan))

    # ---- claims
    claims = []
    claim_spans = []
    cl_events = [e for e in events if e[0] == 'claim']
    prev_ind = {}
    for ev in cl_events:
        _, s, e, v, rest, opts, word = ev
        claim_spans.append((s, e))
        si = sec_at(s)
        skind = sections[si]['kind'] if si is not None else 'other'
        ss, se = sentence_bounds(text, s)
        sent = text[ss:se]
        if word is not None:
            value_text, unit, approx = '', '', ''
            change = opts.get('c', 'flat')
            span_elem = word
        else:
            value_text = v
            approx = ''
            unit = rest
            mm = re.match(r'^([万亿千百十]?)(余|多)(.*)$', rest)
            if mm and rest:
                unit = mm.group(1) + mm.group(3)
                approx = mm.group(2)
            before = text[ss:s]
            for w in PRE_APPROX:
                if before.endswith(w):
                    if w == '约' and len(before) >= 2 and before[-2] in '节签制预公契合条和集':
                        continue
                    if w == '近' and len(before) >= 2 and before[-2] in '接附最靠将邻贴':
                        continue
                    approx = approx or w
                    break
            after = text[e:]
            for w in POST_APPROX:
                if w == '多':
                    continue
                if after.startswith(w):
                    approx = approx or w
                    break
            # change
            b = before
            for w in PRE_APPROX:
                if b.endswith(w):
                    b = b[:-len(w)]
                    break
            b = re.sub(r'(?:了|分别|均|达到|达|为|到|至|超)$', '', b)
            change = ''
            for w, c in CHANGE_WORDS:
                if b.endswith(w):
                    change = c
                    break
            span_elem = v
        # indicator
        if 'i' in opts:
            indicator = opts['i']
        else:
            cs = s
            while cs > ss and text[cs - 1] not in '，、：（(':
                cs -= 1
            pre = text[cs:s]
            # if pre ends with another claim in same clause, reuse indicator
            indicator = None
            for (ps, pe), pc in zip(claim_spans[:-1][::-1], claims[::-1]):
                if pe <= s and pe >= cs and re.fullmatch(r'(?:以上|以下|左右)?(?:和|、|，|及|与)?', text[pe:s]):
                    indicator = pc['indicator']
                    break
            if indicator is None:
                pre2 = TIME_RE.sub('', pre)
                pre2 = IND_STRIP_TAIL.sub('', pre2)
                pre2 = IND_STRIP_HEAD.sub('', pre2)
                indicator = pre2.strip(' \u3000\u2003')
                if not indicator and claims:
                    pc = claims[-1]
                    pss, pse = claim_spans[-2] if len(claim_spans) > 1 else (-1, -1)
                    if pss >= ss:
                        indicator = pc['indicator']
                if word is not None:
                    indicator = re.sub(r'(?:与|和|同)(?:去年|上年)同期$', '', indicator)
        # time_ref
        if 't' in opts:
            time_ref = opts['t']
        else:
            time_ref = ''
            for tm in TIME_RE.finditer(text, ss, s):
                time_ref = tm.group(0)
        if 'T' in opts:
            is_target = opts['T'] == '1'
        else:
            is_target = skind == 'plan' or bool(TARGET_RE.search(sent))
        if 'a' in opts:
            approx = opts['a']
        if 'c' in opts:
            change = opts['c']
        masked = bool(value_text) and bool(PH_RE.search(value_text))
        anchor_end = e + (len(text[e:]) - len(text[e:].lstrip()) if False else 0)
        # include post approx in anchor
        post = 0
        for w in ('以上', '以下', '左右'):
            if text.startswith(w, e):
                post = len(w)
        anc, occ = make_anchor(text, s, e + post, span_elem)
        c = dict(anchor=anc, value_text=value_text, unit=unit, approx=approx, change=change,
                 indicator=indicator, time_ref=time_ref, is_target=is_target, masked=masked)
        if occ:
            c['occurrence'] = occ
        claims.append(c)

    # ---- placeholders: every mask run (a masked number whole), unless marked none (a trap)
    ph_over = {e[1]: (e[2], e[3]) for e in events if e[0] == 'ph'}
    placeholders, not_placeholders = [], []
    marked = [(a, b) for a, (b, _) in ph_over.items()]
    runs = [m.span() for m in NUM_RUN.finditer(text)]
    runs = [(s, e) for s, e in runs if not any(a < e and s < b for a, b in marked)]
    runs = sorted(runs + marked)
    for s, e in runs:
        t = text[s:e]
        if s in ph_over:
            assert ph_over[s][0] == e, (text[s - 5:e + 5])
            kind = ph_over[s][1]
        elif any(cs <= s and e <= ce for cs, ce in claim_spans):
            kind = 'figure'
        elif re.match(r'[月日时号]', text[e:e + 1]) or (text[s - 1:s] in '月' and re.match('[日号]', text[e:e + 1] or ' ')):
            kind = 'date'
        else:
            kind = 'name'
        anc, occ = make_anchor(text, s, e, t)
        ph = dict(anchor=anc, text=t) if kind == 'none' else dict(anchor=anc, text=t, kind=kind)
        if occ:
            ph['occurrence'] = occ
        (not_placeholders if kind == 'none' else placeholders).append(ph)

    ann = dict(file=meta['file'], encoding=meta.get('encoding', 'utf-8'), series=meta['series'],
               title=meta['title'], doc_type=meta['doc_type'], period=meta['period'],
               sections=sections, measures=measures)
    if not meta.get('no_claims'):
        ann['claims'] = claims
    ann['placeholders'] = placeholders
    if not_placeholders:
        ann['not_placeholders'] = not_placeholders  # traps: mask characters that mask nothing
    for key in ('split', 'annotator', 'notes'):
        if key in meta:
            ann[key] = meta[key]
    enc = meta.get('encoding', 'utf-8')
    data = text.encode(enc)
    open(os.path.join(outdir, meta['file']), 'wb').write(data)
    os.makedirs(os.path.join(outdir, 'annotations'), exist_ok=True)
    jpath = os.path.join(outdir, 'annotations', meta['file'][:-4] + '.json')
    with open(jpath, 'w', encoding='utf-8') as f:
        json.dump(ann, f, ensure_ascii=False, indent=1)
        f.write('\n')
    return meta, text, ann


def report(meta, text, ann, verbose=True):
    cjk = len(re.findall(r'[\u4e00-\u9fff]', text))
    print('=== %s  cjk=%d chars=%d  S=%d M=%d C=%d P=%d' % (meta['file'], cjk, len(text), len(ann['sections']), len(ann['measures']), len(ann.get('claims', [])), len(ann['placeholders'])))
    if not verbose:
        return
    for s in ann['sections']:
        print('  S', s['level'], s['marker'], s['ordinal'], s['title'], s['kind'], s['period'])
    for m in ann['measures']:
        print('  M', m['section'][:12], '|', m['marker'], m['ordinal'], m['style'], '|', m['headline'][:40], '|', m['slogan'])
    for c in ann.get('claims', []):
        print('  C %-22s %-10s %-6s %-3s %-8s %-16s %-10s %s %s' % (c['anchor'], c['value_text'], c['unit'], c['approx'], c['change'], c['indicator'], c['time_ref'], 'T' if c['is_target'] else '-', 'M' if c['masked'] else ''))
    for p in ann['placeholders']:
        print('  P %-22s %-4s %s' % (p['anchor'], p['text'], p['kind']))


if __name__ == '__main__':
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = os.path.dirname(here)  # corpora/
    srcs = sorted(glob.glob(os.path.join(here, 'src', '*.src')))
    pick = sys.argv[1:] 
    for sp in srcs:
        base = os.path.basename(sp)
        if pick and not any(base.startswith(p) for p in pick):
            continue
        meta, text, ann = build(sp, outdir)
        report(meta, text, ann, verbose=bool(pick))
