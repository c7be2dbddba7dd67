package dev.inkstone.content;

/** One file operation of a commit, addressed by repository path. */
public sealed interface Change permits Change.Put, Change.Delete, Change.Move {

    String path();

    Guard guard();

    /** Writes {@code content} at {@code path}; {@code text} changes may be merged when their base is stale. */
    record Put(String path, byte[] content, boolean text, Guard guard) implements Change {
    }

    /** Removes {@code path}, or with {@code recursive} everything under the folder {@code path}. */
    record Delete(String path, boolean recursive, Guard guard) implements Change {
    }

    /** Renames {@code path} to {@code to} without changing its bytes, so Git sees an exact rename. */
    record Move(String path, String to, Guard guard) implements Change {
    }
}
