package dev.inkstone.render;

import dev.inkstone.content.SiteBuilder;

/** Pure helpers that map repository paths of Markdown files to page paths. */
public final class PagePaths {

    private static final String MARKDOWN = ".md";

    private PagePaths() {
    }

    /** Whether the path names a Markdown page; only the lower-case ".md" extension counts. */
    public static boolean isMarkdown(String repoPath) {
        return repoPath.endsWith(MARKDOWN) && repoPath.length() > MARKDOWN.length()
                && repoPath.charAt(repoPath.length() - MARKDOWN.length() - 1) != '/';
    }

    /**
     * The page path a Markdown file is served under: "ai/training/index.md" is "ai/training",
     * "ai/training/peft.md" is "ai/training/peft" and "index.md" is "".
     *
     * @throws IllegalArgumentException when the path is not a Markdown file
     */
    public static String pagePathOf(String repoMdPath) {
        if (!isMarkdown(repoMdPath)) {
            throw new IllegalArgumentException("not a Markdown file: " + repoMdPath);
        }
        // One rule for the whole service: the site's.
        return SiteBuilder.pagePathOf(repoMdPath);
    }
}
