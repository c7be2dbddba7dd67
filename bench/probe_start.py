#!/usr/bin/env python3
"""Start to ready with and without the class-data archive (`inkstone train` under -XX:ArchiveClassesAtExit, see the
README), interleaved: each round starts Inkstone once with the archive and once without, on a fresh clone and data
folder, and prints seconds to the first 200 from /api/health and to the end of the first /api/nav; then the medians
and their ratio.

    python3 bench/probe_start.py [--pages 10000 --commits 20000] [--rounds 5] [--flag=-XX:...]

Uses target/inkstone.jar (records target/inkstone.jsa if it is missing or older than the jar).
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
    args = p.parse_args()
    run, source, _ = bench.probe_setup(args, "probe-start")
    archive = list(bench.CDS_FLAGS)
    if not archive:
        sys.exit("probe_start: no class-data archive (the training run failed; see above)")
    times = {"with": [], "without": []}
    for r in range(args.rounds):
        for name in (("with", "without") if r % 2 == 0 else ("without", "with")):
            bench.CDS_FLAGS[:] = archive if name == "with" else []
            folder = os.path.join(run, "round")
            subprocess.run(["rm", "-rf", folder])
            os.makedirs(folder)
            repo = bench.clone(source, os.path.join(folder, "repo.git"))
            ink = bench.Inkstone(args.jar, repo, os.path.join(folder, "data"), folder)
            try:
                health, nav = ink.ready()
            finally:
                ink.stop()
            times[name].append((health, nav))
            print("round %d, %-7s archive: %.2f s to health, %.2f s to the first nav" % (r + 1, name, health, nav),
                  flush=True)
            time.sleep(1)
    for i, what in enumerate(("health", "first nav")):
        with_ = statistics.median(t[i] for t in times["with"])
        without = statistics.median(t[i] for t in times["without"])
        print("median to %s: %.2f s with the archive, %.2f s without (%.2fx)" % (what, with_, without,
                                                                                 with_ / without))


if __name__ == "__main__":
    main()
