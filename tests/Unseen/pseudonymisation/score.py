#!/usr/bin/env python3
"""Score the pseudonymiser CLI against the held-out cases in cases.jsonl.

Usage:
    python3 score.py --cli <path/to/pipeline.dll> [--cases cases.jsonl] [--kind K] [--details]

Prints aggregate figures only (no case text, strings or ids), unless --details is given.
--details is for the case author only; engineers must not use it (see README.md).
Standard library only.
"""
import argparse
import base64
import concurrent.futures
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import threading

# A fixed 32-byte key (base64 of the bytes 1..32), so that runs are repeatable. Test material only.
FIXED_KEY = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="

RUN_TIMEOUT_SECONDS = 180
WS = re.compile(r"\s+")
LABEL = re.compile(r"^\s*([^:\n]{1,40}):\s")


def norm(text):
    return WS.sub(" ", text).strip()


def occurs(needle, haystack_norm):
    """Word-boundary, case-sensitive occurrence of needle in an already normalised haystack."""
    n = norm(needle)
    if not n:
        return False
    return re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", haystack_norm) is not None


def input_words(turns):
    """Whitespace tokens of the input, excluding the speaker label at the start of each turn."""
    count = 0
    for turn in turns:
        m = LABEL.match(turn)
        body = turn[m.end():] if m else turn
        count += len(body.split())
    return count


def write_inputs(case, folder):
    with open(os.path.join(folder, "input.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(case["turns"]) + "\n")
    with open(os.path.join(folder, "roster.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["identifier", "category", "aliases"])
        for entry in case.get("roster", []):
            aliases = entry.get("aliases", "")
            if isinstance(aliases, list):
                aliases = ";".join(aliases)
            w.writerow([entry["identifier"], entry.get("category", "person"), aliases])


_REVIEW_UNSUPPORTED = threading.Event()


def run_case(cli, case):
    """Returns a result dict; never raises."""
    result = {"id": case["id"], "kind": case["kind"], "failed": False, "review": False,
              "leaked": [], "lost": [], "covered": [], "unsure": 0, "words": input_words(case["turns"]),
              "go": len(case["go"]), "stay": len(case["stay"]), "error": ""}
    env = dict(os.environ)
    env["PSEUDONYM_KEY"] = FIXED_KEY
    with tempfile.TemporaryDirectory(prefix="unseen-pseudo-") as folder:
        write_inputs(case, folder)
        base = ["dotnet", os.path.abspath(cli), "pseudonymise", "input.txt", "--roster", "roster.csv",
                "--out", "out.txt", "--language", case["language"]]
        try:
            if _REVIEW_UNSUPPORTED.is_set():
                p = subprocess.run(base, cwd=folder, env=env, capture_output=True, text=True,
                                   timeout=RUN_TIMEOUT_SECONDS)
                review_ok = False
            else:
                p = subprocess.run(base + ["--review", "review.json"], cwd=folder, env=env, capture_output=True,
                                   text=True, timeout=RUN_TIMEOUT_SECONDS)
                review_ok = p.returncode == 0
            if p.returncode != 0 and not _REVIEW_UNSUPPORTED.is_set():
                err = (p.stderr or "") + (p.stdout or "")
                low = err.lower()
                if "review" in low or "unknown option" in low or "unrecognized" in low or "unrecognised" in low:
                    # The CLI has no --review: remember it, so later cases run once, without it.
                    _REVIEW_UNSUPPORTED.set()
                    p = subprocess.run(base, cwd=folder, env=env, capture_output=True, text=True,
                                       timeout=RUN_TIMEOUT_SECONDS)
                    review_ok = False
            if p.returncode != 0 or not os.path.exists(os.path.join(folder, "out.txt")):
                result["failed"] = True
                result["error"] = ((p.stderr or "") + (p.stdout or "")).strip()[:500]
                return result
        except subprocess.TimeoutExpired:
            result["failed"] = True
            result["error"] = "timeout"
            return result
        except OSError as e:
            result["failed"] = True
            result["error"] = str(e)
            return result

        with open(os.path.join(folder, "out.txt"), encoding="utf-8", errors="replace") as f:
            out = norm(f.read())

        spans = []
        review_path = os.path.join(folder, "review.json")
        if review_ok and os.path.exists(review_path):
            try:
                with open(review_path, encoding="utf-8") as f:
                    data = json.load(f)
                spans = [norm(str(u.get("text", ""))) for u in data.get("unsure", []) if isinstance(u, dict)]
                result["review"] = True
                result["unsure"] = len(spans)
            except (ValueError, AttributeError, OSError):
                result["review"] = False

    for g in case["go"]:
        if occurs(g, out):
            result["leaked"].append(g)
            ng = norm(g)
            if any(s and (ng in s or s in ng) for s in spans):
                result["covered"].append(g)
    for s in case["stay"]:
        if not occurs(s, out):
            result["lost"].append(s)
    return result


def validate(cases, details):
    """Checks the case file itself; prints counts only (and, with --details, the offending case ids)."""
    problems = []
    ids = [c.get("id") for c in cases]
    if len(set(ids)) != len(ids):
        problems.append(("duplicate ids", None))
    for c in cases:
        text = norm("\n".join(c["turns"]))
        if not c["stay"]:
            problems.append(("case without stay strings", c["id"]))
        if c["language"] not in ("en", "de", "sw"):
            problems.append(("bad language", c["id"]))
        for x in c["go"] + c["stay"]:
            if not occurs(x, text):
                problems.append(("go/stay string not in turns", c["id"]))
    kinds = {}
    for c in cases:
        kinds.setdefault(c["kind"], [0, 0, 0])
        kinds[c["kind"]][0] += 1
        kinds[c["kind"]][1] += len(c["go"])
        kinds[c["kind"]][2] += len(c["stay"])
    for k, (n, g, st) in kinds.items():
        print(f"{k:<22}{n:>6} cases{g:>6} go{st:>6} stay" + ("" if n >= 25 else "   (fewer than 25)"))
    print(f"{'total':<22}{len(cases):>6} cases{sum(len(c['go']) for c in cases):>6} go"
          f"{sum(len(c['stay']) for c in cases):>6} stay" + ("" if len(cases) >= 220 else "   (fewer than 220)"))
    print(f"validation problems: {len(problems)}")
    if details:
        for what, cid in problems:
            print(f"  {cid}: {what}")


def pct(part, whole):
    return f"{100.0 * part / whole:5.1f}%" if whole else "   - "


def table(results, kinds):
    header = (f"{'kind':<22}{'cases':>6}{'go':>6}{'leaked':>8}{'leak%':>8}{'stay':>6}{'lost':>6}{'lost%':>8}"
              f"{'leak-not-unsure':>16}{'unsure':>8}{'uns/100w':>10}")
    lines = [header, "-" * len(header)]

    def row(name, rs):
        ok = [r for r in rs if not r["failed"]]
        go = sum(r["go"] for r in ok)
        leaked = sum(len(r["leaked"]) for r in ok)
        stay = sum(r["stay"] for r in ok)
        lost = sum(len(r["lost"]) for r in ok)
        not_unsure = sum(len(r["leaked"]) - len(r["covered"]) for r in ok)
        reviewed = [r for r in ok if r["review"]]
        if reviewed:
            unsure = sum(r["unsure"] for r in reviewed)
            words = sum(r["words"] for r in reviewed)
            uns, per = str(unsure), (f"{100.0 * unsure / words:.2f}" if words else "-")
        else:
            uns, per = "n/a", "n/a"
        lines.append(f"{name:<22}{len(rs):>6}{go:>6}{leaked:>8}{pct(leaked, go):>8}{stay:>6}{lost:>6}"
                     f"{pct(lost, stay):>8}{not_unsure:>16}{uns:>8}{per:>10}")

    for k in kinds:
        rs = [r for r in results if r["kind"] == k]
        if rs:
            row(k, rs)
    lines.append("-" * len(header))
    row("overall", results)
    return "\n".join(lines)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Score the pseudonymiser on the held-out cases (aggregates only).")
    ap.add_argument("--cli", help="path to pipeline.dll")
    ap.add_argument("--validate", action="store_true", help="check the case file only (counts; no CLI run)")
    ap.add_argument("--cases", default=os.path.join(here, "cases.jsonl"))
    ap.add_argument("--kind", default=None, help="score only this kind")
    ap.add_argument("--details", action="store_true",
                    help="print per-case failures (case author only; engineers must not use this)")
    ap.add_argument("--jobs", type=int, default=2, help="parallel CLI runs (at most 2)")
    args = ap.parse_args()

    cases = []
    with open(args.cases, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                cases.append(json.loads(line))
    kinds = list(dict.fromkeys(c["kind"] for c in cases))
    if args.kind:
        cases = [c for c in cases if c["kind"] == args.kind]
        kinds = [args.kind]
    if args.validate:
        validate(cases, args.details)
        return 0
    if not args.cli or not os.path.exists(args.cli):
        print(f"score.py: CLI not found: {args.cli}", file=sys.stderr)
        return 0
    jobs = max(1, min(2, args.jobs))

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda c: run_case(args.cli, c), cases))

    print(table(results, kinds))
    failed = sum(1 for r in results if r["failed"])
    reviewed = sum(1 for r in results if r["review"])
    print(f"cases whose CLI run failed: {failed} (excluded from the figures above)")
    print(f"cases with a review file: {reviewed} of {len(results) - failed}"
          + ("" if reviewed else " (review unavailable: unsure figures n/a; every leak counts as not unsure)"))

    if args.details:
        print("\n=== DETAILS (case author only) ===")
        for r in results:
            if r["failed"]:
                print(f"{r['id']} [{r['kind']}] FAILED: {r['error']}")
                continue
            if r["leaked"] or r["lost"]:
                cov = set(r["covered"])
                leaked = ", ".join(repr(g) + ("(unsure)" if g in cov else "") for g in r["leaked"])
                print(f"{r['id']} [{r['kind']}] leaked: {leaked or '-'} | lost: {', '.join(map(repr, r['lost'])) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
