#!/usr/bin/env python3
"""Start to ready with and without the class-data archive (`inkstone train` under -XX:ArchiveClassesAtExit, see the
README), interleaved: each round starts Inkstone once with the archive and once without, on a fresh clone and data
folder, and prints seconds to the first 200 from /api/health and to the end of the first /api/nav; then the medians
and their ratio. With --against OTHER.jar it compares two jars instead, each with its own archive (a regression
between two builds: build the older one from a worktree of its commit).

    python3 bench/probe_start.py [--pages 10000 --commits 20000] [--rounds 5] [--flag=-XX:...] [--against OLD.jar]

Uses target/inkstone.jar, or --jar (records JAR.jsa if it is missing or older than the jar).
"""
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402


def main():
    p = bench.probe_parser(__doc__)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--against", metavar="OTHER.jar", help="compare --jar with this jar (both with their archives)")
    args = p.parse_args()
    run, source, _ = bench.probe_setup(args, "probe-start")
    archive = list(bench.CDS_FLAGS)
    if not archive:
        sys.exit("probe_start: no class-data archive (the training run failed; see above)")
    if args.against:
        other = os.path.abspath(args.against)
        if not bench.class_archive(other):
            sys.exit("probe_start: no class-data archive for %s (see above)" % other)
        runs = {"jar": (args.jar, archive), "against": (other, list(bench.CDS_FLAGS))}
        label = {"jar": os.path.relpath(args.jar), "against": os.path.relpath(other)}
    else:
        runs = {"with": (args.jar, archive), "without": (args.jar, [])}
        label = {"with": "with    archive", "without": "without archive"}
    names = list(runs)
    times = {name: [] for name in names}
    for r in range(args.rounds):
        for name in (names if r % 2 == 0 else names[::-1]):
            jar, bench.CDS_FLAGS[:] = runs[name][0], runs[name][1]
            folder = os.path.join(run, "round")
            subprocess.run(["rm", "-rf", folder])
            os.makedirs(folder)
            repo = bench.clone(source, os.path.join(folder, "repo.git"))
            ink = bench.Inkstone(jar, repo, os.path.join(folder, "data"), folder)
            try:
                health, nav = ink.ready()
            finally:
                ink.stop()
            times[name].append((health, nav))
            print("round %d, %s: %.2f s to health, %.2f s to the first nav" % (r + 1, label[name], health, nav),
                  flush=True)
            time.sleep(1)
    for i, what in enumerate(("health", "first nav")):
        first, second = (statistics.median(t[i] for t in times[name]) for name in names)
        print("median to %s: %.2f s %s, %.2f s %s (%.2fx)" % (what, first, label[names[0]], second,
                                                                label[names[1]], first / second))


if __name__ == "__main__":
    main()
