package dev.inkstone.render;

/**
 * The text of a body's first level-1 ATX heading ({@code # Title}), outside fenced code, without rendering it:
 * titles for the navigation come from here, and the whole site's nav must not cost a render per page.
 */
final class FirstHeading {

    private FirstHeading() {
    }

    static String of(String body) {
        String fence = null;
        for (String line : body.split("\n", -1)) {
            String trimmed = line.stripLeading();
            if (line.length() - trimmed.length() > 3) {
                continue;
            }
            if (fence != null) {
                if (trimmed.startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fence = trimmed.substring(0, 3);
                continue;
            }
            if (trimmed.startsWith("# ") || trimmed.equals("#")) {
                String text = trimmed.substring(1).strip().replaceAll("\\s+#+\\s*$", "").strip();
                return text.isEmpty() ? null : text;
            }
        }
        return null;
    }
}
