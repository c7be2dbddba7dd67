package dev.inkstone.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The front matter keys Inkstone understands, interpreted, with everything else kept in {@code meta}.
 * Values of the wrong type are reported as problems and ignored, never fatal.
 */
public record PageInfo(String title, String navTitle, String subtitle, String summary, String icon, List<String> tags,
                       Integer order, boolean hidden, Map<String, Object> meta) {

    private static final Set<String> KNOWN =
            Set.of("title", "subtitle", "summary", "order", "nav_title", "icon", "tags", "hidden");

    /** The info of a section that has no page of its own: its folder name is all it has. */
    public static PageInfo generated(String title) {
        return new PageInfo(title, title, null, null, null, List.of(), null, false, Map.of());
    }

    /** Interprets a header; {@code fallbackTitle} is used when neither front matter nor a "# " heading names it. */
    public static PageInfo from(PageHeader header, String fallbackTitle, String file, List<Problem> problems) {
        Map<String, Object> values = header.frontMatter();
        String title = text(values.get("title"));
        if (title == null) {
            title = header.firstHeading() != null ? header.firstHeading() : fallbackTitle;
        }
        String navTitle = text(values.get("nav_title"));
        Integer order = null;
        Object rawOrder = values.get("order");
        if (rawOrder instanceof Integer number) {
            order = number;
        } else if (rawOrder != null) {
            problems.add(new Problem(file, null, Problem.INVALID_FIELD,
                    "order must be an integer, got '" + rawOrder + "'; ignored"));
        }
        Object rawHidden = values.get("hidden");
        if (rawHidden != null && !(rawHidden instanceof Boolean)) {
            problems.add(new Problem(file, null, Problem.INVALID_FIELD, "hidden must be true or false; ignored"));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!KNOWN.contains(key)) {
                meta.put(key, value);
            }
        });
        return new PageInfo(title, navTitle != null ? navTitle : title, text(values.get("subtitle")),
                text(values.get("summary")), text(values.get("icon")), tags(values.get("tags"), file, problems),
                order, Boolean.TRUE.equals(rawHidden), meta);
    }

    private static String text(Object value) {
        if (value == null || value instanceof Map || value instanceof List) {
            return null;
        }
        return value.toString();
    }

    private static List<String> tags(Object value, String file, List<Problem> problems) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        if (value instanceof List<?> list) {
            List<String> tags = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map || item instanceof List || item == null) {
                    problems.add(new Problem(file, null, Problem.INVALID_FIELD, "tags must be a list of strings"));
                    return List.of();
                }
                tags.add(item.toString());
            }
            return List.copyOf(tags);
        }
        problems.add(new Problem(file, null, Problem.INVALID_FIELD, "tags must be a list of strings; ignored"));
        return List.of();
    }
}
