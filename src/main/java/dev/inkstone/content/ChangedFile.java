package dev.inkstone.content;

/**
 * A file a commit (or a range of commits) changed; renames carry the old path. {@code page} and
 * {@code previousPage} name the pages where the files are Markdown, else null.
 */
public record ChangedFile(String change, String path, String previousPath, String page, String previousPage) {

    public ChangedFile(String change, String path, String previousPath) {
        this(change, path, previousPath, null, null);
    }
}
