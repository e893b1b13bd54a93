#!/usr/bin/env python3
"""Splits the series of a NAB labels file into a tuning part and a held-out part: a third of each
category held out (rounded), chosen by a seeded shuffle, so the split is the same on every machine.
Usage: make-split.py LABELS_FILE  (writes tuning.txt and heldout.txt beside this script)."""
import json, os, random, sys

SEED = 17  # issue 17; fixed before any detector code was written
names = sorted(json.load(open(sys.argv[1])))
rng = random.Random(SEED)
tuning, heldout = [], []
for category in sorted({n.split('/')[0] for n in names}):
    members = [n for n in names if n.split('/')[0] == category]
    rng.shuffle(members)
    k = round(len(members) / 3)
    heldout += members[:k]
    tuning += members[k:]
here = os.path.dirname(os.path.abspath(__file__))
for file, part in (("tuning.txt", tuning), ("heldout.txt", heldout)):
    with open(os.path.join(here, file), "w") as out:
        out.write("".join(n + "\n" for n in sorted(part)))
print(len(tuning), "tuning,", len(heldout), "held out")
