"""Exact-set intent accuracy (CorpusEvaluation's: predicted set == labelled set) of the fine-tuned reader from its
probability files, alone and in union with the shipped understander (parsed from evaluate.sh --show-misses output).
OPT_OUT is taken from the label's optOut in every row marked 'fair' (the reader never predicts it).

  score.py choose PROBS_PREFIX EPOCHS PART...          grid of epoch x threshold on the dev parts (pooled)
  score.py final PROBS_FILE PART THRESHOLD [MISSES]    one part, one threshold: reader, union, shipped; en/es
  score.py final P1,P2 PART1,PART2 THRESHOLD --fresh  the same on dev parts, against the rules' fresh readings"""
import json
import re
import sys

from common import INTENTS, decode, consistent, load


def probs(path):
    with open(path) as f:
        return {d["id"]: d["probs"] for d in map(json.loads, f)}


def shipped(path, msgs):
    """The shipped understander's intents: its printed miss where it names one, else the label's set."""
    got = {m["id"]: set(m["intents"]) for m in msgs}
    cur = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            head = re.match(r"^(\S+) ", line)
            if head and head.group(1) in got:
                cur = head.group(1)
            found = re.search(r"intents \[([^\]]*)\] expected \[([^\]]*)\]", line)
            if found and cur:
                got[cur] = {s.strip() for s in found.group(1).split(",") if s.strip()}
    return got


def acc(rows):
    return sum(rows) / len(rows) if rows else float("nan")


def report(msgs, sets, name):
    ok = {lang: [sets[m["id"]] == set(m["intents"]) for m in msgs if lang in (None, m["lang"])] for lang in (None, "en", "es")}
    print(f"{name:58s} {acc(ok[None]):.3f} ({sum(ok[None])}/{len(ok[None])})  en {acc(ok['en']):.3f} ({len(ok['en'])})"
          f"  es {acc(ok['es']):.3f} ({len(ok['es'])})")


def fresh(parts):
    """The rules' fresh reading of a part (fresh-readings/*.tsv: the rules of main before any rule was written from it)."""
    import glob, os
    got = {}
    for p in parts:
        for path in glob.glob(os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "fresh-readings", p + "-*.tsv")):
            for line in open(path, encoding="utf-8"):
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 3 and cols[0] == p:
                    got[cols[1]] = {s for s in cols[2].split(",") if s}
    return got


if sys.argv[1] == "choose":
    prefix, epochs, parts = sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    msgs = [m for p in parts for m in load(p)]
    rules = fresh(parts)
    rules = {m["id"]: (rules[m["id"]] - {"OPT_OUT"}) | ({"OPT_OUT"} if m["optOut"] else set()) for m in msgs}
    for lang in ("en", "es", None):
        ok = [rules[m["id"]] == set(m["intents"]) for m in msgs if lang in (None, m["lang"])]
        print(f"fresh rules reading (fair) {lang or 'all'}: {acc(ok):.3f} ({len(ok)})")
    for e in range(1, epochs + 1):
        try:
            pr = {}
            for p in parts:
                pr.update(probs(f"{prefix}-{p}-e{e}.jsonl"))
        except FileNotFoundError:
            break
        cells = []
        for t in [x / 100 for x in range(20, 75, 5)]:
            ok = [decode(pr[m["id"]], t, m["optOut"]) == set(m["intents"]) for m in msgs]
            un = [consistent(rules[m["id"]] | decode(pr[m["id"]], t, m["optOut"]), dict(zip(INTENTS, pr[m["id"]])))
                  == set(m["intents"]) for m in msgs]
            cells.append(f"{t:.2f}:{acc(ok):.3f}/{acc(un):.3f}")
        print(f"epoch {e} (reader alone / union with fresh rules): " + " ".join(cells))
else:
    path, part, t = sys.argv[2], sys.argv[3], float(sys.argv[4])
    msgs = [m for p in part.split(",") for m in load(p)]  # several parts: comma-separated, probability files too
    pr = {}
    for f in path.split(","):
        pr.update(probs(f))
    reader = {m["id"]: decode(pr[m["id"]], t, m["optOut"]) for m in msgs}
    report(msgs, reader, f"(a) fine-tuned reader alone, t={t} (fair)")
    if len(sys.argv) > 5 and sys.argv[5] == "--fresh":
        rules = fresh(part.split(","))
        rules = {m["id"]: (rules[m["id"]] - {"OPT_OUT"}) | ({"OPT_OUT"} if m["optOut"] else set()) for m in msgs}
        report(msgs, {m["id"]: consistent(rules[m["id"]] | reader[m["id"]], dict(zip(INTENTS, pr[m["id"]]))) for m in msgs},
               "(b) union: fresh rules reading ∪ reader (fair)")
        report(msgs, rules, "(c) fresh rules reading alone (fair)")
    elif len(sys.argv) > 5:
        ship = shipped(sys.argv[5], msgs)
        fair = {m["id"]: (ship[m["id"]] - {"OPT_OUT"}) | ({"OPT_OUT"} if m["optOut"] else set()) for m in msgs}
        union = {}
        for m in msgs:
            p = dict(zip(INTENTS, pr[m["id"]]))
            u = consistent(fair[m["id"]] | reader[m["id"]], p)
            union[m["id"]] = u
        report(msgs, union, "(b) union: shipped ∪ reader (fair)")
        report(msgs, fair, "(c) shipped understander alone (fair)")
        report(msgs, ship, "(c') shipped understander alone, its own opt-outs")
