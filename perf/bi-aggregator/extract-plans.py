#!/usr/bin/env python3
# Prints the auto_explain plans of the objection and token queries logged since START ("YYYY-MM-DD HH:MM", server log time)
# from the machine PostgreSQL 15 server log (Debian path): python3 perf/bi-aggregator/extract-plans.py "2026-12-05 11:52"
import re, sys
log = open('/var/log/postgresql/postgresql-15-main.log', errors='replace').read().splitlines()
start = sys.argv[1]  # only entries at or after this timestamp prefix (YYYY-MM-DD HH:MM)
entries, cur = [], None
ts = re.compile(r'^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}')
for line in log:
    if ts.match(line):
        if cur: entries.append(cur)
        cur = [line]
    elif cur is not None:
        cur.append(line)
if cur: entries.append(cur)
entries = [e for e in entries if e[0][:16] >= start and 'plan:' in e[0]]
markers = {'objections (ObjectionReader, report)': 'WITH raised AS',
           'LLM tokens of turns and follow-ups (BotDayQuery, per location-day)': "'follow_up'"}
for title, marker in markers.items():
    hits = [e for e in entries if any(marker in l for l in e)]
    print(f'## {title}\n\n{len(hits)} executions over the run.')
    if not hits: continue
    durs = [float(re.search(r'duration: ([0-9.]+) ms', h[0]).group(1)) for h in hits]
    print(f'durations: min {min(durs):.3f} ms, median {sorted(durs)[len(durs)//2]:.3f} ms, max {max(durs):.3f} ms; the last:\n')
    last = hits[-1]
    print('```')
    print(re.sub(r'^.*?(duration: )', r'\1', last[0]))
    for l in last[1:]:
        print(l.replace('\t', '  ', 1).rstrip())
    print('```\n')
