#!/usr/bin/env python3
"""Writes models/data/sentences-test.txt, the held-out boundary set: the hand-written tricky documents in
models/data/sentences-tricky.txt, the clauses of test-docs/eval outside the train split, and the rule examples
(neither is used for sentence training). Gold sentences end at 。！？ (outside brackets in the tricky set, checked
by hand) or at ；/; before a numbered item."""
import glob, hashlib, re, yaml

def split_of(text):
    h = int(hashlib.md5(text.encode('utf-8')).hexdigest(), 16) % 10
    return 'train' if h < 6 else 'dev' if h < 8 else 'test'

def sentences(text):
    return [s for s in re.findall(r'[^。！？]*[。！？]|[^。！？]+$', text) if s.strip()]

texts = []
for f in sorted(glob.glob('test-docs/eval/*.txt')):
    for line in open(f, encoding='utf-8'):
        line = line.rstrip('\n')
        if line and not line.startswith('#'):
            t = line.split('|', 2)[2].replace('\\t', ' ')
            if split_of(t) != 'train':
                texts.append(t)
for f in sorted(glob.glob('src/main/resources/rules/*.yaml')):
    r = yaml.safe_load(open(f, encoding='utf-8'))
    for kind in ('positive', 'negative'):
        for e in r['examples'][kind]:
            texts.append((e if isinstance(e, str) else e['text']).replace('⟦', '').replace('⟧', '').replace('\t', ' '))
docs, cur = [], []
for t in texts:
    cur.extend(sentences(t))
    if len(cur) >= 8:
        docs.append(cur)
        cur = []
if cur:
    docs.append(cur)
with open('models/data/sentences-test.txt', 'w', encoding='utf-8') as out:
    out.write(open('models/data/sentences-tricky.txt', encoding='utf-8').read().strip() + '\n\n')
    for d in docs:
        out.write('\n'.join(s.strip() for s in d) + '\n\n')
print(sum(1 for l in open('models/data/sentences-test.txt', encoding='utf-8') if l.strip()), 'test sentences')
