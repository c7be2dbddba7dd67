#!/usr/bin/env python3
"""A cached page read, Inkstone beside the bare Javalin handler, with the same JVM flags plus any --flag: to see
what a flag does to the read path's ratio and to both absolute rates. Interleaved rounds of wrk, each printed with
the CPU Inkstone's C2 compiler used meanwhile (a read path still being compiled), then the medians.

    python3 bench/probe_reads.py [--pages 1000 --commits 2000] [--rounds 3] [--flag=-XX:TieredStopAtLevel=1]

Uses target/inkstone.jar and the BareJavalin class that bench/run compiles into bench/work/ceiling.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402


def main():
    p = bench.probe_parser(__doc__)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--seconds", type=int, default=3)
    args = p.parse_args()
    run, source, facts = bench.probe_setup(args, "probe-reads")
    repo = bench.clone(source, os.path.join(run, "repo.git"))
    ceiling = bench.compile_bare_javalin(args.jar)
    ink = bench.Inkstone(args.jar, repo, os.path.join(run, "data"), run)
    bare = None
    try:
        print("flags:", " ".join(bench.JVM_FLAGS))
        ink.ready()
        ink.background_done()
        url = "/api/pages/" + bench.quote(facts.page)
        _, body, _ = bench.get_ok(ink.port, url)
        page_file = bench.save_bytes(os.path.join(run, "www"), url, body)
        port = bench.free_port()
        bare = bench.Proc("bare-javalin", ["java", *bench.JVM_FLAGS, "-cp", "%s:%s" % (args.jar, ceiling),
                                           "BareJavalin", str(port), page_file], run, env=bench.JVM_ENV)
        bench.wait_http(port, url, bare.proc, 60)
        targets = {"inkstone": ink.port, "bare": port}
        for target in targets.values():
            bench.wrk("http://127.0.0.1:%d%s" % (target, url), 16, 5)
        samples = {}
        for r in range(args.rounds):
            names = list(targets) if r % 2 == 0 else list(reversed(list(targets)))
            for conns in (16, 64):
                for name in names:
                    before = bench.thread_cpu(ink.proc.proc.pid)
                    res = bench.wrk("http://127.0.0.1:%d%s" % (targets[name], url), conns, args.seconds)
                    after = bench.thread_cpu(ink.proc.proc.pid)
                    samples.setdefault((conns, name), []).append(res)
                    # The JIT still compiling shows as the compiler threads' CPU growing during Inkstone's turns.
                    c2 = sum(after.get(k, 0) - before.get(k, 0) for k in after if k.startswith("C2"))
                    print("round %d, %d conn, %s: %.0f/s, p99 %.2f ms; Inkstone's C2 compiler %.2f s" % (
                        r + 1, conns, name, res["rps"], res["p99"], c2))
        for conns in (16, 64):
            ink_rps = bench.median([s["rps"] for s in samples[(conns, "inkstone")]])
            bare_rps = bench.median([s["rps"] for s in samples[(conns, "bare")]])
            print("%d conn: Inkstone %.0f/s (p99 %.2f ms), bare Javalin %.0f/s (p99 %.2f ms), ratio %.2f" % (
                conns, ink_rps, bench.median([s["p99"] for s in samples[(conns, "inkstone")]]), bare_rps,
                bench.median([s["p99"] for s in samples[(conns, "bare")]]), ink_rps / bare_rps))
    finally:
        if bare:
            bare.stop()
        ink.stop()


if __name__ == "__main__":
    main()
