#!/usr/bin/env python3
"""Where a commit's CPU goes: one Inkstone on a generated repository, N writers on distinct pages in phases of 10 s,
and per phase the commits/s, p50, the server's CPU per commit and the CPU of its JIT compiler threads (from
/proc/PID/task). Reuses bench.py's servers, flags and writers.

    python3 bench/probe_writes.py [--pages 1000 --commits 2000] [--writers 1] [--phases 5] [--flag=-XX:...]

--flag adds a JVM flag (repeatable): e.g. -XX:TieredStopAtLevel=1 (C1 only), -XX:+PrintCompilation, or
-XX:StartFlightRecording=filename=w.jfr,settings=profile for bench/jfr_top.py. Uses target/inkstone.jar.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402


def main():
    p = bench.probe_parser(__doc__)
    p.add_argument("--writers", type=int, default=1)
    p.add_argument("--phases", type=int, default=5)
    p.add_argument("--seconds", type=float, default=10)
    args = p.parse_args()
    run, source, facts = bench.probe_setup(args, "probe-writes")
    data = os.path.join(run, "data")
    token = bench.user_token(args.jar, data)
    repo = bench.clone(source, os.path.join(run, "repo.git"))
    ink = bench.Inkstone(args.jar, repo, data, run)
    try:
        print("flags:", " ".join(bench.JVM_FLAGS))
        print("start to ready (health / nav), s:", ink.ready())
        ink.background_done()
        pid = ink.proc.proc.pid
        pages = [bench.page_path(f) for f in facts.leaves[-(args.writers + 100):-100]]
        writer, clients = bench.inkstone_writer(ink.port, token, "distinct", pages)
        for phase in range(args.phases):
            before = bench.thread_cpu(pid)
            res = bench.Writers(args.writers, args.seconds, writer).run()
            after = bench.thread_cpu(pid)
            commits = res["rps"] * args.seconds
            cpu = sum(after.values()) - sum(before.values())

            def spent(name):
                return after.get(name, 0) - before.get(name, 0)
            print("phase %d: %.1f commits/s, p50 %.1f ms, server CPU %.1f ms per commit, C2 %.2f s, C1 %.2f s, "
                  "outcomes %s" % (phase, res["rps"], res["p50"] or 0, cpu / max(commits, 1) * 1000,
                                   spent("C2 CompilerThre"), spent("C1 CompilerThre"), res["outcomes"]), flush=True)
        for client in clients.values():
            client.close()
    finally:
        ink.stop()


if __name__ == "__main__":
    main()
