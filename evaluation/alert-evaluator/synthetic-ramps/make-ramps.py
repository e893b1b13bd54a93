#!/usr/bin/env python3
"""Synthetic one-minute metrics that ramp towards a threshold, in NAB's layout (data/, labels/, config/).

Deterministic: each series is drawn from random.Random(seed) alone, so the files are the same on every machine.
Usage: make-ramps.py  (rewrites data/, labels/, tuning.txt, heldout.txt and thresholds.json beside this script).

Each series is three days of one-minute points (4,320 minutes, a few minutes missing in gaps) of one of four
kinds of metric: a latency (p99-like, multiplicative noise), a queue age, an error count (Poisson) rising towards
an upper threshold, or a throughput falling towards a lower one. Around a daily seasonal baseline it carries:
- 2 incidents (labelled): the metric ramps from its current level to the threshold over 15 to 60 minutes
  (linear or accelerating), overshoots it by 5-30 %, stays beyond it 10-45 minutes, recovers in 2-10 minutes;
- 1 near miss (not labelled): a ramp that stops at 50-75 % of the way to the threshold and recovers;
- 1-2 level shifts (not labelled): a lasting step of 10-25 % of the level, away from or towards the threshold;
- 1 flat line (not labelled): a stuck exporter repeating one value for 30-180 minutes;
- 2-4 gaps (not labelled): 3-90 missing minutes, never inside an incident's window;
- 0-3 lone spikes (not labelled) up to 80 % of the way to the threshold.
Labels are the breaches only: the anomaly point (combined_labels.json) is the minute the noiseless ramp reaches
the threshold; the window (combined_windows.json) is NAB's: 10 % of the series' length shared by its anomalies,
centred on the point (216 minutes here, so it opens 108 minutes before the crossing, before any ramp starts).
Nothing happens in the first 15 % of a series (NAB's probation, 648 minutes). thresholds.json gives each series'
threshold and direction (an operator's line; NAB's format has no place for it).

Seeds: tuning 1-12, held out 1001-1012 (tuning.txt / heldout.txt list the series for evaluate.sh --series).
The held-out seeds are written with the rest but are not scored until the detector's settings are final.
"""
import json, math, os, random

MINUTES = 3 * 1440
PROBATION = int(0.15 * MINUTES)
START = (2026, 1, 5)  # a Monday; the stamps are plain minutes from its midnight
TUNING = list(range(1, 13))
HELDOUT = list(range(1001, 1013))
KINDS = ("latency", "queue_age", "error_count", "throughput")
CATEGORY = "syntheticRamps"


def stamp(minute, fraction=False):
    day, rest = divmod(minute, 1440)
    text = "%04d-%02d-%02d %02d:%02d:00" % (START[0], START[1], START[2] + day, rest // 60, rest % 60)
    return text + (".000000" if fraction else "")


def place(rng, taken, length, margin=120):
    """A start minute after probation for an event of this length, at least `margin` minutes from every other."""
    for _ in range(10000):
        s = rng.randrange(PROBATION + margin, MINUTES - length - margin)
        if all(s + length + margin <= a or s >= b + margin for a, b in taken):
            taken.append((s, s + length))
            return s
    raise RuntimeError("no room")


def series(seed):
    rng = random.Random(seed)
    kind = KINDS[seed % len(KINDS)]
    up = kind != "throughput"
    level = {"latency": rng.uniform(300, 1200), "queue_age": rng.uniform(2000, 20000),
             "error_count": rng.uniform(4, 20), "throughput": rng.uniform(200, 2000)}[kind]
    amplitude = rng.uniform(0.0, 0.4)          # daily seasonality, share of the level
    phase = rng.uniform(0, 1440)
    noise = rng.uniform(0.03, 0.12)            # Gaussian noise, share of the level (the counts are Poisson)
    peak = level * (1 + amplitude) if up else level * (1 - amplitude)
    threshold = peak * rng.uniform(1.6, 2.4) if up else peak * rng.uniform(0.3, 0.55)

    base = [level * (1 + amplitude * math.sin(2 * math.pi * (m - phase) / 1440)) for m in range(MINUTES)]
    extra = [0.0] * MINUTES                    # incident / near-miss / spike shapes, added to the baseline
    taken, windows, labels, protected = [], [], [], []

    for _ in range(2):                         # incidents: ramp, overshoot, hold, recover
        ramp = rng.randint(15, 60)
        hold = rng.randint(10, 45)
        recover = rng.randint(2, 10)
        accelerating = rng.random() < 0.5
        overshoot = rng.uniform(1.05, 1.3)
        onset = place(rng, taken, ramp + hold + recover + 110, margin=150) + 110 - 60  # room for the window's left half
        crossing = onset + ramp
        for m in range(onset, crossing + hold + recover):
            b = base[m]
            target = threshold * overshoot if up else threshold / overshoot
            if m < crossing:
                x = (m - onset) / ramp
                x = x * x if accelerating else x
                value = b + (threshold - b) * x
            elif m < crossing + hold:
                value = threshold + (target - threshold) * min(1, (m - crossing) / 5)
            else:
                value = target + (b - target) * (m - crossing - hold + 1) / recover
            extra[m] = value - b
        labels.append(crossing)
        protected.append((onset, crossing + hold + recover))
    half = int(0.10 * MINUTES / len(labels)) // 2
    windows = [(c - half, c + half) for c in sorted(labels)]

    near = rng.randint(15, 60)                 # near miss: stops short of the threshold
    stop = rng.uniform(0.5, 0.75)
    hold = rng.randint(10, 30)
    start = place(rng, taken, near + hold + 10)
    for m in range(start, start + near + hold + 10):
        b = base[m]
        if m < start + near:
            share = stop * (m - start) / near
        elif m < start + near + hold:
            share = stop
        else:
            share = stop * (1 - (m - start - near - hold + 1) / 10)
        extra[m] = (threshold - b) * share

    shift = [0.0] * MINUTES                    # lasting level shifts (a deploy, more traffic)
    for _ in range(rng.randint(1, 2)):
        at = place(rng, taken, 1, margin=150)
        size = rng.choice((-1, 1)) * rng.uniform(0.10, 0.25) * level
        for m in range(at, MINUTES):
            shift[m] += size

    for _ in range(rng.randint(0, 3)):         # lone spikes, short of the threshold
        at = place(rng, taken, 1, margin=60)
        extra[at] = (threshold - base[at]) * rng.uniform(0.4, 0.8)

    values = []
    for m in range(MINUTES):
        mean = max(base[m] + shift[m], 0.05 * level) + extra[m]
        if kind == "error_count":
            # Poisson (Knuth's method is fine at these rates; beyond ~30 a rounded Gaussian)
            v = float(poisson(rng, mean))
        else:
            v = max(0.0, mean * (1 + noise * rng.gauss(0, 1)))
        values.append(v)

    flat_len = rng.randint(30, 180)            # a stuck exporter
    flat = place(rng, taken, flat_len, margin=60)
    for m in range(flat, flat + flat_len):
        values[m] = values[flat]

    missing = set()
    for _ in range(rng.randint(2, 4)):         # gaps: minutes with no point at all
        length = rng.randint(3, 90)
        for _ in range(1000):
            at = rng.randrange(PROBATION, MINUTES - length)
            # never inside an incident, nor on a window's edge (NAB's windows start and end on a data row)
            if all(at + length <= a - 30 or at >= b for a, b in protected) and \
                    all(at + length <= a - 1 or at > b + 1 for a, b in windows):
                missing.update(range(at, at + length))
                break

    name = "%s/%s_seed%04d.csv" % (CATEGORY, kind, seed)
    rows = ["timestamp,value"] + ["%s,%s" % (stamp(m), fmt(v, kind)) for m, v in enumerate(values) if m not in missing]
    return name, rows, windows, labels, {"threshold": round(threshold, 3), "direction": "ABOVE" if up else "BELOW", "kind": kind}


def poisson(rng, mean):
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def fmt(v, kind):
    return "%d" % v if kind == "error_count" else "%.2f" % v


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    windows, labels, thresholds = {}, {}, {}
    names = {}
    for seed in TUNING + HELDOUT:
        name, rows, w, l, t = series(seed)
        path = os.path.join(here, "data", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as out:
            out.write("\n".join(rows) + "\n")
        windows[name] = [[stamp(a, True), stamp(b, True)] for a, b in w]
        labels[name] = [stamp(c) for c in sorted(l)]
        thresholds[name] = t
        names[seed] = name
    os.makedirs(os.path.join(here, "labels"), exist_ok=True)
    with open(os.path.join(here, "labels", "combined_windows.json"), "w") as out:
        json.dump(windows, out, indent=1, sort_keys=True)
    with open(os.path.join(here, "labels", "combined_labels.json"), "w") as out:
        json.dump(labels, out, indent=1, sort_keys=True)
    with open(os.path.join(here, "thresholds.json"), "w") as out:
        json.dump(thresholds, out, indent=1, sort_keys=True)
    for file, seeds in (("tuning.txt", TUNING), ("heldout.txt", HELDOUT)):
        with open(os.path.join(here, file), "w") as out:
            out.write("".join(names[s] + "\n" for s in seeds))
    print(len(TUNING), "tuning,", len(HELDOUT), "held out")


if __name__ == "__main__":
    main()
