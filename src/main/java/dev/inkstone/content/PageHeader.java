package dev.inkstone.content;

import java.util.List;
import java.util.Map;

/**
 * What a Markdown file says before it is rendered: its front matter, its body and its first "# " heading.
 * {@code frontMatterError} is set when the front matter does not parse (reads warn, writes refuse).
 */
public record PageHeader(Map<String, Object> frontMatter, String body, int bodyStartLine, String firstHeading,
                         List<Problem> problems, SyntaxError frontMatterError) {

    /** Where a parser gave up: 1-based line and column in the whole file. */
    public record SyntaxError(int line, int column, String message) {
    }

    public PageHeader(Map<String, Object> frontMatter, String body, int bodyStartLine, String firstHeading,
                      List<Problem> problems) {
        this(frontMatter, body, bodyStartLine, firstHeading, problems, null);
    }
}
