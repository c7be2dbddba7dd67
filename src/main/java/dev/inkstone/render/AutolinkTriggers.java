package dev.inkstone.render;

/**
 * Whether a Markdown body holds anything flexmark's autolink extension could turn into a link. Its scanners
 * (org.nibor.autolink) start only at "://" (a URL), "www." (a bare host) or "@" (an e-mail address), and it reads
 * text after backslash escapes and character references are undone; so a body with none of those, and with no
 * {@code \} or {@code &} that could spell one, renders the same without the extension. Most pages are such bodies,
 * and scanning every text node of one was 5 % of a commit's CPU at 10,000 pages (bench/results).
 */
final class AutolinkTriggers {

    private AutolinkTriggers() {
    }

    static boolean present(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            switch (text.charAt(i)) {
                case '@', '&', '\\' -> {
                    return true;
                }
                case ':' -> {
                    if (i + 2 < length && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
                        return true;
                    }
                }
                case 'w', 'W' -> {
                    if (i + 2 < length && lower(text.charAt(i + 1)) == 'w' && lower(text.charAt(i + 2)) == 'w') {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
