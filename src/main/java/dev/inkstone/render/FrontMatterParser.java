package dev.inkstone.render;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Splits a Markdown file into YAML front matter and body. Thread-safe; build once. */
public final class FrontMatterParser {

    /** Larger blocks are refused unparsed, so a hostile file cannot make the YAML parser do much work. */
    static final int MAX_BYTES = 64 * 1024;

    private static final char BOM = '\uFEFF';

    private final LoaderOptions options;
    /**
     * One YAML loader per thread: building one (constructor tables, resolvers) cost more than parsing a page's
     * front matter (measured: most of a 10,000-page site's cold build); a loader is not thread-safe but can be
     * reused, as every {@code load} starts a new parser and the constructor clears its state per document.
     */
    private final ThreadLocal<Yaml> loaders;

    public FrontMatterParser() {
        options = new LoaderOptions();
        // A handful of aliases is plenty for front matter; the limit is what stops "billion laughs".
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(256 * 1024);
        options.setProcessComments(false);
        loaders = ThreadLocal.withInitial(() -> new Yaml(new FrontMatterConstructor(options)));
    }

    public FrontMatter parse(String text) throws FrontMatterException {
        String normalized = normalize(text);
        int firstEnd = lineEnd(normalized, 0);
        if (!isFence(normalized, 0, firstEnd, false)) {
            return new FrontMatter(Map.of(), normalized, 1, List.of());
        }
        int yamlStart = Math.min(firstEnd + 1, normalized.length());
        int lineStart = yamlStart;
        int line = 2;
        while (lineStart < normalized.length()) {
            int end = lineEnd(normalized, lineStart);
            if (isFence(normalized, lineStart, end, true)) {
                String yaml = normalized.substring(yamlStart, lineStart);
                String body = end < normalized.length() ? normalized.substring(end + 1) : "";
                return new FrontMatter(load(yaml), body, line + 1, List.of());
            }
            lineStart = end + 1;
            line++;
        }
        return new FrontMatter(Map.of(), normalized, 1,
                List.of("front matter has no closing '---' line; the whole file is treated as body"));
    }

    private Map<String, Object> load(String yaml) throws FrontMatterException {
        if (yaml.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new FrontMatterException("front matter too large", 1, 1);
        }
        Object loaded;
        try {
            loaded = loaders.get().load(yaml);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            // snakeyaml counts from the start of the YAML block, which begins on the file's second line.
            int line = mark != null ? mark.getLine() + 2 : 2;
            int column = mark != null ? mark.getColumn() + 1 : 1;
            throw new FrontMatterException("front matter is not valid YAML: " + describe(e), line, column);
        } catch (YAMLException e) {
            throw new FrontMatterException("front matter is not valid YAML: " + e.getMessage(), 2, 1);
        }
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new FrontMatterException("front matter must be a mapping of keys to values", 2, 1);
        }
        return Collections.unmodifiableMap(YamlValues.normalizeMap(map));
    }

    private static String describe(MarkedYAMLException e) {
        String context = e.getContext();
        String problem = e.getProblem();
        if (context == null) {
            return problem;
        }
        return problem == null ? context : context + ", " + problem;
    }

    private static String normalize(String text) {
        String stripped = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        if (stripped.indexOf('\r') < 0) {
            return stripped;
        }
        // A lone CR ends a line in CommonMark too, so treating it as LF keeps line numbers in step.
        return stripped.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    private static boolean isFence(String text, int start, int end, boolean closing) {
        int trimmedEnd = end;
        while (trimmedEnd > start && (text.charAt(trimmedEnd - 1) == ' ' || text.charAt(trimmedEnd - 1) == '\t')) {
            trimmedEnd--;
        }
        String line = text.substring(start, trimmedEnd);
        return line.equals("---") || closing && line.equals("...");
    }
}
