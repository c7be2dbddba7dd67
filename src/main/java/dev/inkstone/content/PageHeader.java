package dev.inkstone.content;

import java.util.List;
import java.util.Map;

/** What a Markdown file says before it is rendered: its front matter, its body and its first "# " heading. */
public record PageHeader(Map<String, Object> frontMatter, String body, int bodyStartLine, String firstHeading,
                         List<Problem> problems) {
}
