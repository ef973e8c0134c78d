import json, re, sys, glob, importlib.util
WS = re.compile(r"\s+")
def norm(t): return WS.sub(" ", t).strip()
def occurs(n, h): return re.search(r"(?<!\w)" + re.escape(norm(n)) + r"(?!\w)", h) is not None
out = []
for f in sorted(glob.glob("b[0-9]*.py"), key=lambda x: int(re.findall(r"\d+", x)[0])):
    spec = importlib.util.spec_from_file_location(f[:-3], f); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    out.extend(m.CASES)
bad = 0
lines = []
for i, c in enumerate(out, 1):
    kind, lang, roster, turns, go, stay = c
    cid = f"d{i:03d}"
    text = norm("\n".join(turns))
    ro = [{"identifier": r[0], "category": "person", "aliases": (r[1] if len(r) > 1 else "")} for r in roster]
    for x in go + stay:
        if not occurs(x, text): print(cid, "MISSING", repr(x)); bad += 1
    for g in go:
        for s in stay:
            if occurs(g, norm(s)) or occurs(s, norm(g)): print(cid, "OVERLAP", repr(g), repr(s)); bad += 1
    if len(set(go)) != len(go) or len(set(stay)) != len(stay): print(cid, "DUP"); bad += 1
    if not stay: print(cid, "NOSTAY"); bad += 1
    for t in turns:
        if not re.match(r"^\s*([^:\n]{1,40}):\s", t): print(cid, "NOLABEL", t[:40])
    for x in re.findall(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}", text):
        s = x.replace(" ", ""); 
        if s[:2] in ("DE","IL","GB","AT","CH"):
            s2 = s[4:] + s[:4]
            if int("".join(str(int(ch, 36)) for ch in s2)) % 97 != 1: print(cid, "BADIBAN", x); bad += 1
    lines.append(json.dumps({"id": cid, "kind": kind, "language": lang, "roster": ro, "turns": turns, "go": go, "stay": stay}, ensure_ascii=False))
open("../cases.jsonl", "w", encoding="utf-8").write("\n".join(lines) + "\n")
from collections import Counter
print(Counter(c[0] for c in out), "total", len(out), "go", sum(len(c[4]) for c in out), "stay", sum(len(c[5]) for c in out), "bad", bad)
