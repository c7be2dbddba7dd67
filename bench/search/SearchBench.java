import dev.inkstone.content.Revision;
import dev.inkstone.content.SiteService;
import dev.inkstone.git.GitContentStore;
import dev.inkstone.git.RepositorySetup;
import dev.inkstone.render.FlexmarkEngine;
import dev.inkstone.search.SearchRequest;
import dev.inkstone.search.SearchResults;
import dev.inkstone.search.SearchService;
import dev.inkstone.search.SearchSettings;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The search benchmark of issue 5, on a generated repository: full build, incremental update after a one-page
 * commit, and query latency beside {@code git grep -i} for the same words, in one run so the ratios are fair.
 *
 * <pre>java -cp target/inkstone.jar bench/search/SearchBench.java REPO [RESULTS.md]</pre>
 */
public final class SearchBench {

    /** Words the generator writes (bench/gen_repo.py's word lists), so every query has many hits. */
    static final List<String> WORDS = List.of(
            "注意力", "梯度", "索引", "渲染", "缓存", "冲突", "部署", "同步", "监控", "知识",
            "attention", "gradient", "commit", "branch", "cache", "inference", "matrix", "deploy", "protocol",
            "queue");
    static final int WARMUP_ROUNDS = 30;
    static final int ROUNDS = 5;
    static final int SEARCHES_PER_GREP = 10;
    static final int COMMITS = 30;
    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path repoDir = Path.of(args[0]).toAbsolutePath();
        Path results = args.length > 1 ? Path.of(args[1]) : null;
        Path folder = Files.createTempDirectory("inkstone-search-bench");
        StringBuilder out = new StringBuilder();
        out.append("# Search benchmark, ").append(LocalDate.now()).append("\n\n");
        out.append(machine()).append("\n\n");
        try (Repository repository = RepositorySetup.open(repoDir)) {
            SiteService sites = new SiteService(new GitContentStore(repository, "main"), new FlexmarkEngine());
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            try (SearchService search = new SearchService(sites, new SearchSettings(folder, Runnable::run))) {
                search.start();
                double buildMs = millis(System.nanoTime() - start);
                double buildCpuMs = millis(processCpuNanos() - cpuStart);
                int pages = sites.site(sites.resolve(null)).pages().size();
                out.append(String.format(Locale.ROOT, "Repository: `%s`, %d pages at `%s`.%n%n", repoDir.getFileName(),
                        pages, sites.resolve(null).commit().substring(0, 12)));
                out.append(String.format(Locale.ROOT,
                        "## Full build%n%n%.1f s for %d pages (%.2f ms a page: render, analyse, index; %.1f s of CPU "
                                + "on all threads), index %.1f MiB on disk.%n%n", buildMs / 1000, pages,
                        buildMs / pages, buildCpuMs / 1000, size(folder) / 1048576.0));
                System.out.print(out);
                out.append(incremental(repoDir, sites, search));
                out.append(queries(repoDir, search));
            }
        } finally {
            deleteRecursively(folder);
        }
        out.append("\nLoad at the end: ").append(Files.readString(Path.of("/proc/loadavg")).trim()).append("\n");
        System.out.println(out.substring(out.indexOf("## Incremental")));
        if (results != null) {
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, out.toString());
            System.out.println("written to " + results);
        }
    }

    /**
     * One-page commits made with the git CLI, each then advanced into the index (what a new commit triggers). The
     * update's time ends when the index publishes the new revision to searches; the durable Lucene commit that may
     * follow in the same call (at most every 10 s) is timed on its own line.
     */
    static String incremental(Path repoDir, SiteService sites, SearchService search) throws Exception {
        List<String> files = Arrays.stream(git(repoDir, "ls-files", "*.md").split("\n"))
                .filter(f -> f.contains("page-")).sorted().toList();
        List<Double> updateMs = new ArrayList<>();
        List<Double> updateCpuMs = new ArrayList<>();
        List<Double> callMs = new ArrayList<>();
        long[] published = new long[2];
        String[] publishedRevision = new String[1];
        search.onIndexed(revision -> {
            published[0] = System.nanoTime();
            published[1] = CPU.getCurrentThreadCpuTime();
            publishedRevision[0] = revision;
        });
        String loadBefore = load();
        for (int i = 0; i < COMMITS; i++) {
            String file = files.get((i * 7919) % files.size());
            String token = "benchtoken" + i + "x" + System.nanoTime();
            Files.writeString(repoDir.resolve(file), "\nEdited by the search benchmark: " + token + ".\n",
                    java.nio.file.StandardOpenOption.APPEND);
            git(repoDir, "commit", "-q", "-a", "-m", "bench edit " + i);
            String tip = git(repoDir, "rev-parse", "HEAD");
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            search.tipMoved(tip);
            callMs.add(millis(System.nanoTime() - t0));
            if (!tip.equals(publishedRevision[0])) {
                throw new IllegalStateException("the update was not published: " + publishedRevision[0]);
            }
            updateMs.add(millis(published[0] - t0));
            updateCpuMs.add(millis(published[1] - c0));
            SearchResults found = search.search(new SearchRequest(token, "", 10, null));
            if (found.total() != 1 || !found.revision().equals(tip)) {
                throw new IllegalStateException("the edit is not searchable: " + found);
            }
        }
        return String.format(Locale.ROOT, """
                ## Incremental update after a one-page commit (%d commits made with the git CLI)

                From the notice of the new tip until searches see it: tree diff from the indexed commit, the changed
                page looked up and rendered, its document replaced, the searcher reopened near-real-time. Wall
                time, and the CPU time of the thread doing it (what it costs, whatever else the machine runs). The
                durable Lucene commit (fsync) follows once the update is searchable, at most every 10 s; the last
                line is the whole call including it. With %d updates, p99 is the slowest.

                | | median | p95 | p99 |
                |---|---|---|---|
                | until searchable, wall | **%s** | %s | %s |
                | until searchable, CPU | %s | %s | %s |
                | whole call incl. durable commit, wall | %s | %s | %s |

                Load average (1, 5, 15 min) before the updates %s, after %s.

                """, COMMITS, COMMITS, ms(pct(updateMs, 50)), ms(pct(updateMs, 95)), ms(pct(updateMs, 99)),
                ms(pct(updateCpuMs, 50)), ms(pct(updateCpuMs, 95)), ms(pct(updateCpuMs, 99)),
                ms(pct(callMs, 50)), ms(pct(callMs, 95)), ms(pct(callMs, 99)), loadBefore, load());
    }

    static String load() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    /** Each word searched (limit 10, snippets and all) and grepped, interleaved, so both see the same machine. */
    static String queries(Path repoDir, SearchService search) throws Exception {
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            for (String word : WORDS) {
                search.search(new SearchRequest(word, "", 10, null));
            }
        }
        List<Double> all = new ArrayList<>();
        List<Double> allCpu = new ArrayList<>();
        List<Double> allGrep = new ArrayList<>();
        Map<String, List<Double>> byWord = new java.util.LinkedHashMap<>();
        Map<String, List<Double>> grepByWord = new java.util.LinkedHashMap<>();
        Map<String, Long> hits = new java.util.HashMap<>();
        Map<String, Integer> grepFiles = new java.util.HashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (String word : WORDS) {
                long g0 = System.nanoTime();
                String grep = git(repoDir, "grep", "-i", "-c", "-e", word, "HEAD", "--");
                double grepMs = millis(System.nanoTime() - g0);
                grepFiles.put(word, grep.isEmpty() ? 0 : grep.split("\n").length);
                grepByWord.computeIfAbsent(word, w -> new ArrayList<>()).add(grepMs);
                allGrep.add(grepMs);
                for (int i = 0; i < SEARCHES_PER_GREP; i++) {
                    long c0 = CPU.getCurrentThreadCpuTime();
                    long s0 = System.nanoTime();
                    SearchResults results = search.search(new SearchRequest(word, "", 10, null));
                    double searchMs = millis(System.nanoTime() - s0);
                    allCpu.add(millis(CPU.getCurrentThreadCpuTime() - c0));
                    hits.put(word, results.total());
                    byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(searchMs);
                    all.add(searchMs);
                }
            }
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, """
                ## Query latency (%d words × %d searches, limit 10 with snippets; `git grep -i -c -e WORD HEAD --` \
                × %d)

                | | median | p99 |
                |---|---|---|
                | Inkstone search (in process), wall | **%s** | %s |
                | Inkstone search, CPU time of its thread | %s | %s |
                | git grep -i, wall | %s | %s |
                | **git grep ÷ search** | **%.0f×** | %.0f× |

                | word | pages found | search median | git grep files | git grep median | ratio |
                |---|---|---|---|---|---|
                """, WORDS.size(), ROUNDS * SEARCHES_PER_GREP, ROUNDS, ms(pct(all, 50)), ms(pct(all, 99)),
                ms(pct(allCpu, 50)), ms(pct(allCpu, 99)),
                ms(pct(allGrep, 50)), ms(pct(allGrep, 99)), pct(allGrep, 50) / pct(all, 50),
                pct(allGrep, 99) / pct(all, 99)));
        for (String word : WORDS) {
            double s = pct(byWord.get(word), 50);
            double g = pct(grepByWord.get(word), 50);
            table.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %s | %.0f× |%n", word, hits.get(word),
                    ms(s), grepFiles.get(word), ms(g), g / s));
        }
        return table.toString();
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        return String.format(Locale.ROOT, "Machine: %d cores (%s), Java %s, load at the start %s.",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"),
                Files.readString(Path.of("/proc/loadavg")).trim());
    }

    static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        builder.environment().put("GIT_AUTHOR_NAME", "Bench");
        builder.environment().put("GIT_AUTHOR_EMAIL", "bench@example.com");
        builder.environment().put("GIT_COMMITTER_NAME", "Bench");
        builder.environment().put("GIT_COMMITTER_EMAIL", "bench@example.com");
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int code = process.waitFor();
        // git grep exits 1 when nothing matches; that is an answer, not a failure.
        if (code != 0 && !(code == 1 && args[0].equals("grep"))) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + output);
        }
        return output.strip();
    }

    static double pct(List<Double> values, int percentile) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.0f ms", millis);
    }

    static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }
}
