"""Exact-set intent accuracy (CorpusEvaluation's: predicted set == labelled set) of the fine-tuned reader from its
probability files, alone and in union with the shipped understander (parsed from evaluate.sh --show-misses output).
OPT_OUT is taken from the label's optOut in every row marked 'fair' (the reader never predicts it).

  score.py choose PROBS_PREFIX EPOCHS PART...          grid of epoch x threshold on the dev parts (pooled)
  score.py final PROBS_FILE PART THRESHOLD [MISSES]    one part, one threshold: reader, union, shipped; en/es
  score.py final P1,P2 PART1,PART2 THRESHOLD --fresh  the same on dev parts, against the rules' fresh readings
  score.py edit PROBS_PREFIX EPOCH PART...             the reader editing the rules' fresh set, as the understander does
                                                       (FineTunedIntentReader.decide): a grid of add and drop thresholds
  score.py optout PROBS_PREFIX EPOCH PART...           the learned OPT_OUT as a second opinion beside the rules' fresh
                                                       opt-outs: requests to stop caught and false ones by threshold
  score.py fresh-slots MISSES CORPUS_FILE PART COMMIT  the slots an older understander read (its evaluate.sh --corpus
                                                       CORPUS_FILE --show-misses output, with CORPUS_FILE as it labelled
                                                       then) as fresh-readings/slots/PART-COMMIT.tsv
  score.py slots PROBS_PREFIX EPOCH PART...            the reader editing the rules' fresh slots, as the understander does
                                                       (FineTunedIntentReader.slots): micro slot F1 by add and drop
                                                       threshold, then the best cell per slot"""
import json
import re
import sys

from collections import Counter

from common import INTENTS, REPEATING, SLOT_LABELS, SLOT_VALUES, decode, consistent, load, slot_key


def probs(path):
    with open(path) as f:
        return {d["id"]: d["probs"] for d in map(json.loads, f)}


def part_probs(prefix, epoch, parts):
    """The probabilities lora.py --score wrote for each part after an epoch, by message id."""
    pr = {}
    for p in parts:
        pr.update(probs(f"{prefix}-{p}-e{epoch}.jsonl"))
    return pr


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


def fresh_rows(parts):
    """The rules' fresh reading of a part (fresh-readings/*.tsv: the rules of main before any rule was written from it): by
    message id, its columns (part, id, intents, opt-out)."""
    import glob, os
    got = {}
    for p in parts:
        for path in glob.glob(os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "fresh-readings", p + "-*.tsv")):
            for line in open(path, encoding="utf-8"):
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 4 and cols[0] == p:
                    got[cols[1]] = cols
    return got


def fresh(parts):
    """The fresh reading's intents of each message."""
    return {i: {s for s in cols[2].split(",") if s} for i, cols in fresh_rows(parts).items()}


def fresh_opt_outs(parts):
    """The fresh reading's opt-out verdict of each message."""
    return {i: cols[3] == "true" for i, cols in fresh_rows(parts).items()}


STAGE_MOVING = {"WANTS_CALL", "WANTS_SHOWING", "AFFIRMATIVE", "NEGATIVE", "HAS_AGENT", "NOT_INTERESTED", "NOT_NOW", "ANGRY",
                "WRONG_NUMBER"}
CLOSING = {"NOT_INTERESTED", "HAS_AGENT", "WRONG_NUMBER", "NOT_NOW", "ANGRY", "NEGATIVE"}
FORWARD = {"WANTS_CALL", "WANTS_SHOWING", "AFFIRMATIVE", "SELLING", "BUYING"}  # sides route the lead
SPECIFIC = {"WANTS_CALL", "WANTS_SHOWING", "ASKS_HOME_VALUE", "OFF_LIMITS_QUESTION"}


def words(text):
    return len(re.findall(r"[^\W_]+", text))


def edit(p, rules, m, add_closing, add_forward, add_other, drop):
    """FineTunedIntentReader.decide with its thresholds: an intent the rules did not name is added at add_closing,
    add_forward or add_other by its kind (never OTHER), one they named is dropped under drop, the rules' set where that
    leaves nothing; then the guards (the slots are the label's:
    CONTACT_TIME for the answer test, MOTIVATION for the closing one; the soon-timeline test is left out), the label's
    opt-out and the consistency rules."""
    pr = dict(zip(INTENTS, p))
    slots = {sl[0] for sl in m.get("slots", [])}
    out = set()
    for i in INTENTS:
        if i in rules:
            if pr[i] >= drop:
                out.add(i)
        elif i != "OTHER" and pr[i] >= (add_closing if i in CLOSING else add_forward if i in FORWARD else add_other):
            out.add(i)
    if not out:
        out = set(rules)
    if words(m["text"]) < 6 or "CONTACT_TIME" in slots:
        out = (out - STAGE_MOVING) | (rules & STAGE_MOVING)
    if rules & {"OFF_LIMITS_QUESTION", "JUST_LOOKING"}:
        out = (out - {"SELLING", "BUYING"}) | (rules & {"SELLING", "BUYING"})
    if "MOTIVATION" in slots:
        out -= CLOSING - rules
    out.discard("OPT_OUT")
    if m["optOut"]:
        out = (out | {"OPT_OUT"}) - {"SELLING", "BUYING", "WANTS_CALL"}
    if out & SPECIFIC:
        out.discard("QUESTION")
    out = consistent(out, pr)
    return out or {"OTHER"}


SLOTS_DIR = __import__("os").path.join(__import__("os").path.dirname(__file__), "..", "src", "main", "resources",
                                       "fresh-readings", "slots")


def fresh_slot_rows(misses, corpus_file):
    """An older understander's slots of each message: the part's labels then, less what it missed, plus what it added."""
    with open(corpus_file, encoding="utf-8") as f:
        msgs = [json.loads(line) for line in f if line.strip()]
    got = {m["id"]: Counter(slot_key(n, v) for n, v in m["slots"]) for m in msgs}
    cur = None
    with open(misses, encoding="utf-8") as f:
        for line in f:
            head = re.match(r"^(\S+) ", line)
            if head and head.group(1) in got:
                cur = head.group(1)
            elif cur and line.startswith("    "):
                for problem in line.strip().split("; "):
                    kind, _, key = problem.partition(" ")
                    if kind == "missed":
                        got[cur][key] -= 1
                    elif kind == "extra" and "=" in key:
                        got[cur][key] += 1
    return {i: +c for i, c in got.items()}


def fresh_slots(parts):
    import glob, os
    got = {}
    for p in parts:
        for path in glob.glob(os.path.join(SLOTS_DIR, p + "-*.tsv")):
            for line in open(path, encoding="utf-8"):
                cols = line.rstrip("\n").split("\t")
                if cols[0] == p:
                    got[cols[1]] = Counter(k for k in cols[2].split(";") if k)
    return got


def edit_slots(p, rules, opt_out, add, drop):
    """FineTunedIntentReader.slots: the rules' slots (a Counter of 'NAME=value') edited by the head's slot outputs: a value
    of a categorical slot the rules read is dropped under `drop`, one they did not is added from `add`; a slot that holds one
    value keeps the most probable; values outside the head stay; nothing is edited on a request to stop."""
    if opt_out:
        return rules
    pr = dict(zip(SLOT_LABELS, p[len(INTENTS):]))
    out = Counter({k: n for k, n in rules.items() if k not in pr or pr[k] >= drop})
    for k in SLOT_LABELS:
        if k not in rules and pr[k] >= add:
            out[k] = 1
    for name in SLOT_VALUES:
        if name in REPEATING:
            continue
        held = [k for k in out if k.split("=", 1)[0] == name]
        for k in sorted(held, key=lambda k: -pr.get(k, 1.0))[1:]:
            del out[k]
    return out


def slot_counts(msgs, read, names=None):
    tp = fp = fn = 0
    for m in msgs:
        want = Counter(slot_key(n, v) for n, v in m["slots"])
        got = read[m["id"]]
        for k in set(want) | set(got):
            if names is None or k.split("=", 1)[0] in names:
                hit = min(want[k], got[k])
                tp, fp, fn = tp + hit, fp + got[k] - hit, fn + want[k] - hit
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else float("nan")
    return f1, tp, fp, fn


if sys.argv[1] == "fresh-slots":
    import os
    misses, corpus_file, part, commit = sys.argv[2:6]
    rows = fresh_slot_rows(misses, corpus_file)
    os.makedirs(SLOTS_DIR, exist_ok=True)
    with open(os.path.join(SLOTS_DIR, f"{part}-{commit}.tsv"), "w", encoding="utf-8") as f:
        for i, c in rows.items():
            f.write(f"{part}\t{i}\t{';'.join(sorted(c.elements()))}\n")
    print(f"{len(rows)} messages, {sum(sum(c.values()) for c in rows.values())} slots")
    sys.exit(0)

if sys.argv[1] == "slots":
    prefix, epoch, parts = sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    msgs = [m for p in parts for m in load(p)]
    rules = fresh_slots(parts)
    pr = part_probs(prefix, epoch, parts)
    base = slot_counts(msgs, rules)
    print(f"fresh rules: micro slot F1 {base[0]:.3f} (tp {base[1]}, fp {base[2]}, fn {base[3]}); "
          f"categorical only {slot_counts(msgs, rules, SLOT_VALUES)[0]:.3f}")
    best = None
    adds = [x / 100 for x in range(50, 100, 5)]
    drops = [0.0, 0.02, 0.05, 0.1, 0.2, 0.3]
    print("addSlot \\ dropSlot " + " ".join(f"{'never' if d == 0 else d:>6}" for d in drops))
    for a in adds:
        row = []
        for d in drops:
            f1 = slot_counts(msgs, {m["id"]: edit_slots(pr[m["id"]], rules[m["id"]], m["optOut"], a, d) for m in msgs})[0]
            row.append(f"{f1:.4f}")
            if best is None or f1 > best[0] + 1e-12 or (abs(f1 - best[0]) <= 1e-12 and (a > best[1] or (a == best[1] and d < best[2]))):
                best = (f1, a, d)
        print(f"{a:.2f}              " + " ".join(f"{x:>6}" for x in row))
    f1, a, d = best
    print(f"chosen (the declared rule): addSlot {a:.2f}, dropSlot {'never' if d == 0 else d}: micro slot F1 {f1:.4f}")
    read = {m["id"]: edit_slots(pr[m["id"]], rules[m["id"]], m["optOut"], a, d) for m in msgs}
    for name in SLOT_VALUES:
        r0, r1 = slot_counts(msgs, rules, {name}), slot_counts(msgs, read, {name})
        print(f"  {name:22s} F1 {r0[0]:.3f} -> {r1[0]:.3f}  (tp/fp/fn {r0[1]}/{r0[2]}/{r0[3]} -> {r1[1]}/{r1[2]}/{r1[3]})")
    for lang in ("en", "es"):
        sub = [m for m in msgs if m["lang"] == lang]
        print(f"  {lang}: {slot_counts(sub, rules)[0]:.3f} -> {slot_counts(sub, read)[0]:.3f} ({len(sub)})")
    sys.exit(0)

if sys.argv[1] == "edit":
    prefix, epoch, parts = sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    msgs = [m for p in parts for m in load(p)]
    rules = fresh(parts)
    rules = {m["id"]: rules[m["id"]] - {"OPT_OUT"} for m in msgs}
    pr = part_probs(prefix, epoch, parts)
    print("add_closing add_forward add_other drop: accuracy (en, es), closing intents added right/wrong")
    for a_c in (0.65, 0.8, 0.9, 1.01):
        for a_f in (0.5, 0.65, 0.8):
            for a_o in (0.35, 0.5):
                for d in (0.02, 0.05, 0.1, 0.2):
                    got = {m["id"]: edit(pr[m["id"]], rules[m["id"]], m, a_c, a_f, a_o, d) for m in msgs}
                    ok = {lang: [got[m["id"]] == set(m["intents"]) for m in msgs if lang in (None, m["lang"])]
                          for lang in (None, "en", "es")}
                    added = [(got[m["id"]] - rules[m["id"]]) & CLOSING <= set(m["intents"]) for m in msgs
                             if (got[m["id"]] - rules[m["id"]]) & CLOSING]
                    print(f"{a_c:.2f} {a_f:.2f} {a_o:.2f} {d:.2f}: {acc(ok[None]):.3f} ({acc(ok['en']):.3f}, {acc(ok['es']):.3f})"
                          f"  {sum(added)}/{len(added) - sum(added)}")
    sys.exit(0)

if sys.argv[1] == "optout":
    prefix, epoch, parts = sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    msgs = [m for p in parts for m in load(p)]
    rules = fresh_opt_outs(parts)
    k = INTENTS.index("OPT_OUT")
    pr = part_probs(prefix, epoch, parts)
    stops = [m for m in msgs if m["optOut"]]
    missed = [m for m in stops if not rules[m["id"]]]
    print(f"{len(msgs)} messages, {len(stops)} requests to stop; the fresh rules miss {len(missed)} and stop "
          f"{sum(rules[m['id']] and not m['optOut'] for m in msgs)} that are not")
    print("threshold: the reader alone caught/false; beside the rules: misses caught, new false opt-outs")
    for t in (0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995):
        alone = sum(pr[m["id"]][k] >= t for m in stops)
        false_alone = sum(pr[m["id"]][k] >= t for m in msgs if not m["optOut"])
        caught = sum(pr[m["id"]][k] >= t for m in missed)
        new_false = sum(pr[m["id"]][k] >= t and not rules[m["id"]] for m in msgs if not m["optOut"])
        print(f"{t:.3f}: {alone}/{false_alone}; {caught} of {len(missed)}, {new_false}")
    sys.exit(0)

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
