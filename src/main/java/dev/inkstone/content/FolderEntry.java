package dev.inkstone.content;

/** One entry of a folder in a revision's tree, with its Git id (a blob, a tree or a submodule's commit). */
public record FolderEntry(String name, String path, String id, Kind kind, long size) {

    public enum Kind { FILE, FOLDER, SYMLINK, SUBMODULE }
}
