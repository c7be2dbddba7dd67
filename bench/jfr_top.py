#!/usr/bin/env python3
"""Summarise a JFR recording's CPU samples: the hottest methods by self time and by total (inclusive) time.

    python3 bench/jfr_top.py recording.jfr [--thread REGEX] [--top 25] [--prefix dev.inkstone.] [--skip S] [--span S]
    python3 bench/jfr_top.py recording.jfr --events jdk.ObjectAllocationSample --weight weight   (bytes allocated)
    python3 bench/jfr_top.py recording.jfr --callers dev.inkstone.render.FrontMatterParser.parse   (who calls it)
    python3 bench/jfr_top.py recording.jfr --callees dev.inkstone.render.MarkdownRenderer.render   (what it calls)

Uses `jfr print --json --events jdk.ExecutionSample` (the JDK's own tool). Inclusive counts a method once per
sample however often it recurs; --prefix adds a table of the hottest frames of that package (inclusive), which is
where a fix would go. Standard library only.
"""

import argparse
import collections
import datetime
import json
import re
import subprocess
import sys


def frames_of(event):
    stack = event["values"].get("stackTrace") or {}
    out = []
    for frame in stack.get("frames", []):
        method = frame["method"]
        cls = method["type"]["name"].replace("/", ".")
        out.append("%s.%s" % (cls, method["name"]))
    return out


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("recording")
    p.add_argument("--thread", help="only samples of threads whose name matches this regex")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--prefix", default="dev.inkstone.")
    p.add_argument("--events", default="jdk.ExecutionSample")
    p.add_argument("--weight", help="sum this field of each event instead of counting events (for allocation "
                   "samples: weight, the bytes each sample stands for)")
    p.add_argument("--skip", type=float, default=0, help="leave out the first S seconds of the recording")
    p.add_argument("--span", type=float, default=0, help="then keep only S seconds (0: to the end)")
    p.add_argument("--callers", metavar="METHOD", help="also: the samples with METHOD on their stack, by the chain "
                   "of up to four --prefix frames that called it (share of all samples)")
    p.add_argument("--callees", metavar="METHOD", help="also: the samples with METHOD on their stack, by the frame "
                   "METHOD called (share of all samples)")
    args = p.parse_args(argv)
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "128", "--events", args.events, args.recording],
                         stdout=subprocess.PIPE, check=True).stdout
    events = json.loads(raw)["recording"]["events"]
    stamps = [datetime.datetime.fromisoformat(e["values"]["startTime"][:26].rstrip("Z")) for e in events]
    if events and (args.skip or args.span):
        first = min(stamps)
        lo = first + datetime.timedelta(seconds=args.skip)
        hi = lo + datetime.timedelta(seconds=args.span) if args.span else max(stamps)
        events = [e for e, t in zip(events, stamps) if lo <= t <= hi]
    self_count, total_count, own_count = collections.Counter(), collections.Counter(), collections.Counter()
    threads = collections.Counter()
    callers, callees = collections.Counter(), collections.Counter()
    n = 0
    for event in events:
        values = event["values"]
        thread = (values.get("sampledThread") or values.get("eventThread") or {}).get("javaName") or "?"
        if args.thread and not re.search(args.thread, thread):
            continue
        frames = frames_of(event)
        if not frames:
            continue
        w = values.get(args.weight, 0) if args.weight else 1
        n += w
        threads[re.sub(r"-\d+$", "-N", thread)] += w
        self_count[frames[0]] += w
        for f in set(frames):
            total_count[f] += w
        own = next((f for f in frames if f.startswith(args.prefix)), None)
        if own:
            own_count[own] += w
        for method, counter, pick in ((args.callers, callers, lambda i: " <- ".join(
                [f for f in frames[i + 1:] if f.startswith(args.prefix) and "ambda" not in f][:4]) or "(none)"),
                                      (args.callees, callees, lambda i: frames[i - 1] if i else "(self)")):
            if method and method in frames:
                counter[pick(frames.index(method))] += w
    unit = "bytes (%s)" % args.weight if args.weight else "samples"
    print("%d %s%s" % (n, unit, " (threads matching %s)" % args.thread if args.thread else ""))
    print("\nthreads:")
    for name, c in threads.most_common(8):
        print("  %5.1f%%  %s" % (100.0 * c / n, name))
    print("\nself (top of stack):")
    for name, c in self_count.most_common(args.top):
        print("  %5.1f%%  %s" % (100.0 * c / n, name))
    print("\ninclusive:")
    for name, c in total_count.most_common(args.top):
        print("  %5.1f%%  %s" % (100.0 * c / n, name))
    print("\nnearest %s frame (inclusive of everything it calls):" % args.prefix)
    for name, c in own_count.most_common(args.top):
        print("  %5.1f%%  %s" % (100.0 * c / n, name))
    for method, counter, what in ((args.callers, callers, "called from"), (args.callees, callees, "calling")):
        if method:
            print("\n%s, %5.1f%% in all, %s:" % (method, 100.0 * sum(counter.values()) / n, what))
            for name, c in counter.most_common(args.top):
                print("  %5.2f%%  %s" % (100.0 * c / n, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
