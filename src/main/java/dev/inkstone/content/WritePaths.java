package dev.inkstone.content;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The stricter rules for paths that will be written: beyond {@link PagePath}'s, nothing Git treats specially and
 * nothing that would break a checkout on Windows, macOS or Linux. Checked before anything touches Git.
 */
public final class WritePaths {

    private static final Set<String> GIT_SPECIAL = Set.of(".git", "git~1", ".gitmodules", ".gitattributes",
            ".gitignore");
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\\$|conout\\$)(\\..*)?");
    private static final Pattern WINDOWS_RESERVED = Pattern.compile("[<>:\"|?*]");
    private static final int MAX_SEGMENT_BYTES = 255;

    private WritePaths() {
    }

    /** Validates a repository file path to be written; returns it NFC-normalized. */
    public static String check(String raw) {
        PagePath path = PagePath.of(raw);
        if (path.isRoot()) {
            throw new InvalidPathException("a file path is required");
        }
        for (String segment : path.segments()) {
            checkSegment(segment);
        }
        return path.value();
    }

    private static void checkSegment(String segment) {
        if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
            throw new InvalidPathException("a path segment is longer than " + MAX_SEGMENT_BYTES + " bytes");
        }
        if (segment.endsWith(".") || segment.endsWith(" ")) {
            throw new InvalidPathException("a name must not end with a dot or a space (Windows drops them): '"
                    + segment + "'");
        }
        if (segment.startsWith(" ")) {
            throw new InvalidPathException("a name must not start with a space: '" + segment + "'");
        }
        if (WINDOWS_RESERVED.matcher(segment).find()) {
            throw new InvalidPathException("a name must not contain < > : \" | ? *: '" + segment + "'");
        }
        String folded = fold(segment);
        if (GIT_SPECIAL.contains(folded)) {
            throw new InvalidPathException("'" + segment + "' is a name Git treats specially");
        }
        if (WINDOWS_DEVICE.matcher(folded).matches()) {
            throw new InvalidPathException("'" + segment + "' is a device name on Windows");
        }
        segment.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.FORMAT || Character.isIdentifierIgnorable(c)) {
                throw new InvalidPathException("a name must not contain invisible characters (U+"
                        + String.format("%04X", c) + ")");
            }
        });
    }

    /**
     * The form under which two names collide on a case-insensitive or normalizing file system (Windows, macOS):
     * NFC, case-folded, with the characters HFS+ ignores removed and the trailing dots and spaces Windows strips.
     */
    public static String fold(String name) {
        StringBuilder kept = new StringBuilder(name.length());
        Normalizer.normalize(name, Normalizer.Form.NFC).codePoints()
                .filter(c -> !(Character.getType(c) == Character.FORMAT || Character.isIdentifierIgnorable(c)))
                .forEach(kept::appendCodePoint);
        String folded = kept.toString().toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        int end = folded.length();
        while (end > 0 && (folded.charAt(end - 1) == '.' || folded.charAt(end - 1) == ' ')) {
            end--;
        }
        return folded.substring(0, end);
    }
}
