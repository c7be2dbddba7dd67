package dev.inkstone.content;

import java.util.List;

/** A page body turned into sanitized HTML, with its table of contents and the local links it makes. */
public record RenderedBody(String html, List<TocItem> toc, List<LinkTarget> links, List<Problem> problems) {

    /** A link or image to something inside the repository: a page ({@code pagePath} set) or a file. */
    public record LinkTarget(String repoPath, String pagePath, int line) {
    }
}
