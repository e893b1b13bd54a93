#!/usr/bin/env python3
"""Merges folders in NAB's layout into one (data/ linked, labels and published score rows merged), so that
functions/alert-evaluator/evaluate.sh --data OUT scores them as one corpus, e.g. NAB's 58 series from the 30 of the
subset (SUBSET, its folder) and this module's four sets:

  evaluation/alert-evaluator/assemble-nab.py /tmp/nab58 SUBSET evaluation/alert-evaluator/nab-realtraffic \
      evaluation/alert-evaluator/nab-realadexchange evaluation/alert-evaluator/nab-artificialnoanomaly \
      evaluation/alert-evaluator/nab-realtweets

A series or label named twice with different content is an error; a published detector's score files are merged
only when every folder has them. With a checkout of NAB itself, pass NAB's folder to evaluate.sh directly.
"""
import json, os, sys, shutil, csv
if len(sys.argv) < 3:
    sys.exit("usage: assemble-nab.py OUT DIR [DIR ...]")
out = sys.argv[1]; srcs = sys.argv[2:]
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out + "/data"); os.makedirs(out + "/labels"); os.makedirs(out + "/config")
wins, labs = {}, {}
dets = None
for s in srcs:
    for cat in os.listdir(s + "/data"):
        os.makedirs(out + "/data/" + cat, exist_ok=True)
        for f in os.listdir(s + "/data/" + cat):
            dst = out + "/data/" + cat + "/" + f
            assert not os.path.exists(dst), dst
            os.symlink(os.path.abspath(s + "/data/" + cat + "/" + f), dst)
    for name, acc in (("combined_windows.json", wins), ("combined_labels.json", labs)):
        d = json.load(open(s + "/labels/" + name))
        for k, v in d.items():
            assert k not in acc or acc[k] == v, k
            acc[k] = v
    here = set(os.listdir(s + "/reference-results")) if os.path.isdir(s + "/reference-results") else set()
    dets = here if dets is None else dets & here
json.dump(dict(sorted(wins.items())), open(out + "/labels/combined_windows.json", "w"), indent=4)
json.dump(dict(sorted(labs.items())), open(out + "/labels/combined_labels.json", "w"), indent=4)
shutil.copy(srcs[0] + "/config/profiles.json", out + "/config/profiles.json")
for det in sorted(dets):
    os.makedirs(out + "/reference-results/" + det)
    for prof in ("standard", "reward_low_FP_rate", "reward_low_FN_rate"):
        name = f"{det}_{prof}_scores.csv"
        rows, header = [], None
        for s in srcs:
            p = s + "/reference-results/" + det + "/" + name
            r = list(csv.reader(open(p)))
            header = header or r[0]
            assert r[0] == header, p
            rows += [x for x in r[1:] if x and x[2] != "" and "Totals" not in x[0] and "Totals" not in x[2]]
        with open(out + "/reference-results/" + det + "/" + name, "w", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n"); w.writerow(header); w.writerows(rows)
print("series", sum(len(os.listdir(out + "/data/" + c)) for c in os.listdir(out + "/data")), "windows keys", len(wins), "detectors", sorted(dets))
