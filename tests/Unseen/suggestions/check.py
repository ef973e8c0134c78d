#!/usr/bin/env python3
"""Validate the unseen suggestion passages (structure only; prints no passage text).

Usage: python3 check.py [CODEBOOK_DIR]   (default /work/shared/codebooks)
Checks, for every codebook: <name>.jsonl and <name>.multi.jsonl exist; every line is
{"text","code","speaker"} with non-empty strings; every code is a leaf id of that
codebook; single-label file has >= 40 passages, >= 6 per leaf and covers every leaf, no
duplicate texts; multi-label file has >= 8 passages, each with 2-3 distinct codes.
Prints counts per codebook and per code. Exit status 1 on any problem.
"""
import json, os, sys
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
CB_DIR = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/codebooks"
problems = []

def leaves_of(path):
    codes = json.load(open(path, encoding="utf-8"))["codes"]
    parents = {c["parent"] for c in codes if c.get("parent")}
    return [c["id"] for c in codes if c["id"] not in parents]

def read_rows(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except ValueError as e:
                problems.append(f"{os.path.basename(path)}:{n}: bad JSON ({e})")
                continue
            if set(r) != {"text", "code", "speaker"} or not all(isinstance(r[k], str) and r[k].strip() for k in r):
                problems.append(f"{os.path.basename(path)}:{n}: need exactly non-empty text, code, speaker")
                continue
            rows.append((n, r))
    return rows

for cb in sorted(f for f in os.listdir(CB_DIR) if f.endswith(".json")):
    name = cb[:-5]
    leaves = leaves_of(os.path.join(CB_DIR, cb))
    single = os.path.join(HERE, name + ".jsonl")
    multi = os.path.join(HERE, name + ".multi.jsonl")
    for p in (single, multi):
        if not os.path.exists(p):
            problems.append(f"missing {os.path.basename(p)}")
    if not os.path.exists(single) or not os.path.exists(multi):
        continue
    rows = read_rows(single)
    counts = Counter()
    texts = Counter(r["text"] for _, r in rows)
    for n, r in rows:
        if r["code"] not in leaves:
            problems.append(f"{name}.jsonl:{n}: '{r['code']}' is not a leaf of {name}")
        counts[r["code"]] += 1
    for t, k in texts.items():
        if k > 1:
            problems.append(f"{name}.jsonl: a text occurs {k} times")
    if len(rows) < 40:
        problems.append(f"{name}.jsonl: {len(rows)} passages (< 40)")
    for leaf in leaves:
        if counts[leaf] < 6:
            problems.append(f"{name}.jsonl: leaf '{leaf}' has {counts[leaf]} passages (< 6)")
    mrows = read_rows(multi)
    groups = OrderedDict()
    mcounts = Counter()
    for n, r in mrows:
        if r["code"] not in leaves:
            problems.append(f"{name}.multi.jsonl:{n}: '{r['code']}' is not a leaf of {name}")
        groups.setdefault(r["text"], []).append(r)
        mcounts[r["code"]] += 1
    for t, rs in groups.items():
        codes = [r["code"] for r in rs]
        if len(set(codes)) != len(codes) or not 2 <= len(codes) <= 3:
            problems.append(f"{name}.multi.jsonl: a passage has codes {codes} (need 2-3 distinct)")
        if len({r["speaker"] for r in rs}) != 1:
            problems.append(f"{name}.multi.jsonl: a passage has differing speakers")
    if len(groups) < 8:
        problems.append(f"{name}.multi.jsonl: {len(groups)} passages (< 8)")
    print(f"{name}: {len(rows)} single-label passages over {len(leaves)} leaves; "
          f"multi: {len(groups)} passages, {len(mrows)} lines")
    for leaf in leaves:
        print(f"  {leaf:26s} single {counts[leaf]:3d}   multi {mcounts[leaf]:2d}")

if problems:
    print("\nPROBLEMS:")
    for p in problems:
        print("  " + p)
    sys.exit(1)
print("\nOK")
