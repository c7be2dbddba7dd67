package dev.inkstone.render;

import java.util.List;

/**
 * A rendered page body.
 *
 * @param html         sanitized HTML
 * @param toc          the level 2 and 3 headings in document order
 * @param firstHeading plain text of the first level-1 heading, or null
 * @param warnings     human-readable problems found while rendering
 * @param links        the relative links and images, in document order
 */
public record RenderResult(String html, List<TocEntry> toc, String firstHeading, List<String> warnings,
                           List<LocalLink> links) {

    public RenderResult {
        toc = List.copyOf(toc);
        warnings = List.copyOf(warnings);
        links = List.copyOf(links);
    }
}
