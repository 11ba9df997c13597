#!/usr/bin/env python3
"""Derives models/data/ from the project's own fixtures (run from the project root):
- clauses.tsv: split<TAB>category<TAB>clause, from test-docs/eval/*.txt (first label, or none), the examples embedded
  in src/main/resources/rules/*.yaml (positive: the rule's category; negative: none) and the lines of test-docs/src/*.md
  (a marked clause: its rule's category; any other line: none). The split (train/dev/test, 60/20/20) is fixed by a hash
  of the text, so reruns give the same split.
- sentences-train.txt: one sentence per line, documents separated by blank lines, from test-docs/src and rule examples.
The held-out boundary set, sentences-test.txt, is written by hand and is not derived here.
"""
import glob, hashlib, os, re
import yaml  # PyYAML

def split_of(text):
    h = int(hashlib.md5(text.encode('utf-8')).hexdigest(), 16) % 10
    return 'train' if h < 6 else 'dev' if h < 8 else 'test'

rule_cat = {}
rows = []
for f in sorted(glob.glob('src/main/resources/rules/*.yaml')):
    r = yaml.safe_load(open(f, encoding='utf-8'))
    rule_cat[r['id']] = r['category']
    for kind in ('positive', 'negative'):
        for e in r['examples'][kind]:
            t = e if isinstance(e, str) else e['text']
            t = t.replace('⟦', '').replace('⟧', '')
            rows.append((r['category'] if kind == 'positive' else 'none', t))
for f in sorted(glob.glob('test-docs/eval/*.txt')):
    for line in open(f, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        role, labels, text = line.split('|', 2)
        rows.append((labels.split(',')[0], text.replace('\\t', ' ')))
sentences_docs = []
for f in sorted(glob.glob('test-docs/src/*.md')):
    doc = []
    for line in open(f, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line == '---page---':
            continue
        marks = re.findall(r'⟦([A-Z0-9-]+)\|', line)
        plain = re.sub(r'⟦[A-Z0-9-]+\|([^⟧]+)⟧', r'\1', line).lstrip('# ').replace('|', ' ').strip()
        rows.append((rule_cat.get(marks[0], 'none') if marks else 'none', plain))
        doc.extend(s for s in re.findall(r'[^。！？]*[。！？]|[^。！？]+$', plain) if s.strip())
    sentences_docs.append(doc)
seen = set()
os.makedirs('models/data', exist_ok=True)
with open('models/data/clauses.tsv', 'w', encoding='utf-8') as out:
    out.write('# split\tcategory\tclause (derived by models/derive-data.py; do not edit by hand)\n')
    for cat, text in rows:
        if text in seen or not text.strip():
            continue
        seen.add(text)
        out.write(f'{split_of(text)}\t{cat}\t{text}\n')
with open('models/data/sentences-train.txt', 'w', encoding='utf-8') as out:
    for doc in sentences_docs:
        out.write('\n'.join(s.strip() for s in doc) + '\n\n')

# eval clauses in the train split also teach sentence boundaries; those in the test split are held out
extra = []
cur = []
for f in sorted(glob.glob('test-docs/eval/*.txt')):
    for line in open(f, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        text = line.split('|', 2)[2].replace('\\t', ' ')
        if split_of(text) != 'train':
            continue
        cur.extend(s for s in re.findall(r'[^。！？]*[。！？]|[^。！？]+$', text) if s.strip())
        if len(cur) >= 8:
            extra.append(cur)
            cur = []
if cur:
    extra.append(cur)
with open('models/data/sentences-train.txt', 'a', encoding='utf-8') as out:
    for doc in extra:
        out.write('\n'.join(s.strip() for s in doc) + '\n\n')
    # hand-written documents with EOS inside brackets and quotes, semicolon lists and numbered items
    out.write(open('models/data/sentences-train-tricky.txt', encoding='utf-8').read().strip() + '\n\n')
print(len(seen), 'clauses;', sum(len(d) for d in sentences_docs + extra), 'training sentences')
