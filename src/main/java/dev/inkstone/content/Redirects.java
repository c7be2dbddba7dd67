package dev.inkstone.content;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The repository's {@code _redirects.yml}: a plain YAML map of old page path to new page path, written by moves
 * and editable like any file. Lines Inkstone writes are {@code "old": "new"}, one per move.
 */
public final class Redirects {

    public static final String FILE = "_redirects.yml";
    private static final int MAX_HOPS = 16;

    private final Map<String, String> targets;

    private Redirects(Map<String, String> targets) {
        this.targets = targets;
    }

    public static Redirects none() {
        return new Redirects(Map.of());
    }

    /** Parses the file; an unreadable file redirects nothing (it is reported as a problem elsewhere). */
    public static Redirects parse(String text) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setAllowDuplicateKeys(true);
            Object loaded = new Yaml(new SafeConstructor(options)).load(text);
            if (!(loaded instanceof Map<?, ?> map)) {
                return none();
            }
            Map<String, String> targets = new LinkedHashMap<>();
            map.forEach((from, to) -> {
                if (from != null && to != null) {
                    targets.put(strip(from.toString()), strip(to.toString()));
                }
            });
            return new Redirects(targets);
        } catch (RuntimeException e) {
            return none();
        }
    }

    private static String strip(String path) {
        String trimmed = path.trim();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** Follows the chain from {@code path} to its final target, if any. */
    public Optional<String> target(String path) {
        String current = path;
        for (int hop = 0; hop < MAX_HOPS && targets.containsKey(current); hop++) {
            current = targets.get(current);
        }
        return current.equals(path) ? Optional.empty() : Optional.of(current);
    }

    /** The file's text with {@code from → to} recorded, replacing any earlier entry for either path. */
    public static String withEntry(String text, String from, String to) {
        String existing = text == null ? "" : text;
        String kept = existing.lines()
                .filter(line -> !line.startsWith(quote(from) + ":") && !line.startsWith(quote(to) + ":"))
                .collect(Collectors.joining("\n"));
        StringBuilder out = new StringBuilder(kept);
        if (out.length() > 0) {
            out.append('\n');
        } else {
            out.append("# Old page path: new page path. Written by Inkstone on every move; edit freely.\n");
        }
        return out.append(quote(from)).append(": ").append(quote(to)).append('\n').toString();
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
