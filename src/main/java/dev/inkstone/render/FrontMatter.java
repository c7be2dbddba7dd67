package dev.inkstone.render;

import java.util.List;
import java.util.Map;

/**
 * A Markdown file split into its YAML front matter and its body.
 *
 * @param values        the front matter in file order; empty when there is none
 * @param body          the Markdown after the front matter, BOM stripped and line ends normalised to LF
 * @param bodyStartLine 1-based line of the file where the body starts
 * @param warnings      human-readable problems that did not stop parsing
 */
public record FrontMatter(Map<String, Object> values, String body, int bodyStartLine, List<String> warnings) {

    public FrontMatter {
        warnings = List.copyOf(warnings);
    }
}
