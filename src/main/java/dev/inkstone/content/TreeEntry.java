package dev.inkstone.content;

/** One entry of a revision's tree, flattened to its repository path. */
public record TreeEntry(String path, String blobId, Kind kind) {

    public enum Kind { FILE, SYMLINK, SUBMODULE }

    public boolean isMarkdown() {
        return kind == Kind.FILE && path.endsWith(".md");
    }
}
