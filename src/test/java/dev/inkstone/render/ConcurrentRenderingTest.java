package dev.inkstone.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentRenderingTest {

    @Test
    void manyThreadsShareOneRenderer() throws Exception {
        MarkdownRenderer renderer = new MarkdownRenderer();
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pages.add("# Page " + i + "\n\n## 示例\n\n## 示例\n\nSee [next](page" + (i + 1) + ".md) and $x_" + i
                    + "$.\n\n| a | b |\n|---|---|\n| " + i + " | ~~x~~ |\n\n- [x] done[^n]\n\n[^n]: note " + i + "\n");
        }
        List<RenderResult> expected = pages.stream().map(page -> renderer.render(page, 3, "ai/p.md")).toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RenderResult>> futures = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (String page : pages) {
                    futures.add(pool.submit(() -> renderer.render(page, 3, "ai/p.md")));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % pages.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
