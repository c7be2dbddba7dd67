#!/usr/bin/env python3
"""Where the memory goes after touching every page: RSS split into anonymous and file-backed, the JVM's native
memory tracking summary, and the heap after a full GC. Reuses bench.py's servers and flags.

    python3 bench/memory.py REPO.git [--xmx 160m] [--flag -XX:...] [--histogram 30] [--anonymous 20] [--no-nmt]
    (builds nothing: uses target/inkstone.jar, or --jar)

The other flags are bench.py's JVM_FLAGS (the README's production flags); --xmx replaces only the heap size, to
find the smallest heap that serves a repository. An OutOfMemoryError in the server log is reported.
"""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402


def file_rss(pid):
    """[(file, resident kB)] for every mapped file, largest first (Lucene's and JGit's memory-mapped files count
    in RSS although the kernel may drop their clean pages at any time)."""
    totals = {}
    name = None
    with open("/proc/%d/smaps" % pid) as f:
        for line in f:
            fields = line.split()
            if fields and "-" in fields[0] and len(fields) >= 5 and not fields[0].endswith(":"):
                name = fields[5] if len(fields) > 5 and fields[5].startswith("/") else None
                if name and "/" in name:
                    parent = os.path.dirname(name)
                    name = parent + "/*" if "/index" in name or "/objects/pack" in name or "/search" in name else name
            elif fields and fields[0] == "Rss:" and name:
                totals[name] = totals.get(name, 0) + int(fields[1])
    return sorted(totals.items(), key=lambda item: -item[1])


def anonymous_rss(pid, top):
    """The `top` largest anonymous mappings by resident kB: [(address range, size kB, resident kB)]. The Java heap,
    the code cache and metaspace are named by NMT; what remains is malloc (glibc arenas, zlib state) and thread stacks."""
    maps = []
    current = None
    with open("/proc/%d/smaps" % pid) as f:
        for line in f:
            fields = line.split()
            if fields and "-" in fields[0] and not fields[0].endswith(":"):
                current = [fields[0], 0, 0] if len(fields) < 6 or fields[5].startswith("[heap]") else None
                if current is not None:
                    maps.append(current)
            elif current is not None and fields and fields[0] == "Size:":
                current[1] = int(fields[1])
            elif current is not None and fields and fields[0] == "Rss:":
                current[2] = int(fields[1])
    return sorted(maps, key=lambda m: -m[2])[:top]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("repo")
    p.add_argument("--xmx")
    p.add_argument("--flag", action="append", default=[], help="one more JVM flag to try (repeatable)")
    p.add_argument("--histogram", type=int, default=0, metavar="N",
                   help="also print the N classes holding the most heap after the full GC (jcmd GC.class_histogram)")
    p.add_argument("--anonymous", type=int, default=0, metavar="N",
                   help="also print the N largest anonymous mappings by resident size (/proc/PID/smaps)")
    p.add_argument("--no-nmt", action="store_true",
                   help="without native memory tracking, whose own bookkeeping adds to the RSS (the figure bench/run "
                        "reports is taken without it)")
    p.add_argument("--no-archive", action="store_true",
                   help="start without the class-data archive (classes loaded from the jar into metaspace)")
    p.add_argument("--jar", default=os.path.join(bench.ROOT, "target", "inkstone.jar"))
    args = p.parse_args()
    if not args.no_archive:
        bench.class_archive(os.path.abspath(args.jar))
    if args.xmx:
        bench.JVM_FLAGS[:] = ["-Xmx" + args.xmx if f.startswith("-Xmx") else f for f in bench.JVM_FLAGS]
    bench.JVM_FLAGS.extend(args.flag)
    if not args.no_nmt:
        bench.JVM_FLAGS.append("-XX:NativeMemoryTracking=summary")
    run = os.path.join(bench.WORK, "memory")
    subprocess.run(["rm", "-rf", run])
    os.makedirs(run)
    repo = bench.clone(os.path.abspath(args.repo), os.path.join(run, "repo.git"))
    ink = bench.Inkstone(args.jar, repo, os.path.join(run, "data"), run)
    try:
        print("flags:", " ".join(bench.JVM_FLAGS))
        print("start to ready (health / nav), s:", ink.ready())
        print("search ready after, s:", ink.background_done())
        client = bench.Http(ink.port)
        status, flat = client.json("GET", "/api/nav?flat=true")
        paths = [page["path"] for page in flat["pages"]]
        for path in paths:
            client.request("GET", "/api/pages/" + bench.quote(path) if path else "/api/pages")
        client.close()
        with open("/proc/%d/status" % ink.proc.pid) as f:
            status = dict(line.split(":", 1) for line in f if ":" in line)
        print("touched %d pages;" % len(paths),
              ", ".join("%s %s" % (k, status[k].strip()) for k in ("VmRSS", "RssAnon", "RssFile", "VmHWM")))
        pid = str(ink.proc.pid)
        print("file-backed RSS by file (/proc/PID/smaps):")
        for name, kb in file_rss(ink.proc.pid)[:8]:
            print("  %6d kB  %s" % (kb, name))
        if args.anonymous:
            print("largest anonymous mappings (range, size kB, resident kB):")
            for address, size, rss in anonymous_rss(ink.proc.pid, args.anonymous):
                print("  %s  %8d  %8d" % (address, size, rss))
        nmt = "" if args.no_nmt else subprocess.run(["jcmd", pid, "VM.native_memory", "summary"],
                                                    stdout=subprocess.PIPE).stdout.decode()
        for line in nmt.splitlines():
            if "committed=" in line and line.strip().startswith(("Total", "-")):
                print("  " + line.strip())
        subprocess.run(["jcmd", pid, "GC.run"], stdout=subprocess.DEVNULL)
        heap = subprocess.run(["jcmd", pid, "GC.heap_info"], stdout=subprocess.PIPE).stdout.decode()
        print("heap after a full GC:\n" + "\n".join("  " + line for line in heap.splitlines()[1:]))
        if args.histogram:
            histogram = subprocess.run(["jcmd", pid, "GC.class_histogram"], stdout=subprocess.PIPE).stdout.decode()
            print("\n".join("  " + line for line in histogram.splitlines()[1:args.histogram + 3]))
    finally:
        ink.stop()
    with open(ink.proc.log_path, errors="replace") as f:
        if "OutOfMemoryError" in f.read():
            print("the server ran out of memory (OutOfMemoryError in %s)" % ink.proc.log_path)


if __name__ == "__main__":
    main()
