package dev.inkstone.git;

import dev.inkstone.content.Change;
import dev.inkstone.content.CommitRequest;
import dev.inkstone.content.EditConflictException;
import dev.inkstone.content.Guard;
import dev.inkstone.content.InvalidPathException;
import dev.inkstone.content.PreconditionException;
import dev.inkstone.content.PreconditionException.Reason;
import dev.inkstone.content.Redirects;
import dev.inkstone.content.SiteBuilder;
import dev.inkstone.content.WritePaths;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Applies one request's changes to a tree, in memory: checks each guard against the current content, merges
 * stale text edits three-way, and writes the new tree. Nothing here touches a working tree or a ref.
 */
final class ChangeApplier {

    /** The new tree, whether a stale base was merged, and whether anything differs from the old tree. */
    record Applied(ObjectId tree, boolean merged, boolean changed) {
    }

    private final ObjectReader reader;
    private final ObjectInserter inserter;
    private final TreeEditor tree;
    private final ObjectId oldTree;
    private final Map<String, ObjectId> baseBlobs;
    private boolean merged;

    private ChangeApplier(ObjectReader reader, ObjectInserter inserter, ObjectId oldTree, Map<String, ObjectId> baseBlobs) {
        this.reader = reader;
        this.inserter = inserter;
        this.oldTree = oldTree;
        this.baseBlobs = baseBlobs;
        this.tree = new TreeEditor(reader, oldTree);
    }

    /**
     * @param baseBlobs the blobs at the request's {@code base} commit, used as merge base for changes without a sha
     */
    static Applied apply(ObjectReader reader, ObjectInserter inserter, ObjectId oldTree, CommitRequest request,
                         Map<String, ObjectId> baseBlobs) throws IOException {
        ChangeApplier applier = new ChangeApplier(reader, inserter, oldTree, baseBlobs);
        for (Change change : request.changes()) {
            if (change instanceof Change.Put put) {
                applier.put(put);
            } else if (change instanceof Change.Delete delete) {
                applier.delete(delete);
            } else if (change instanceof Change.Move move) {
                applier.move(move);
            }
        }
        return applier.finish();
    }

    private void put(Change.Put put) throws IOException {
        String path = put.path();
        TreeEditor.Entry current = tree.file(path).orElse(null);
        Guard guard = effectiveGuard(path, put.guard());
        byte[] content = put.content();
        if (current == null) {
            checkCreatable(path, guard);
        } else {
            ObjectId currentId = current.id();
            switch (guard.mode()) {
                case NONE, ABSENT -> throw new PreconditionException(
                        guard.mode() == Guard.Mode.ABSENT ? Reason.EXISTS : Reason.REQUIRED, path, currentId.name(),
                        null, path + " exists; say which version you are replacing (sha or If-Match)");
                case STRICT -> {
                    if (!currentId.name().equals(guard.blobId())) {
                        throw new PreconditionException(Reason.STRICT_MISMATCH, path, currentId.name(), null,
                                path + " is at " + currentId.name() + ", not " + guard.blobId());
                    }
                }
                case BASE -> {
                    if (!currentId.name().equals(guard.blobId())) {
                        content = mergeStale(path, guard.blobId(), currentId, content, put.text());
                    }
                }
            }
        }
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content);
        FileMode mode = current != null && current.mode() == FileMode.EXECUTABLE_FILE
                ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
        setEntry(path, blob, mode);
    }

    private byte[] mergeStale(String path, String baseId, ObjectId currentId, byte[] yours, boolean text)
            throws IOException {
        byte[] base = read(path, baseId);
        byte[] theirs = reader.open(currentId, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
        if (!text) {
            throw new EditConflictException(path, currentId.name(), java.util.List.of());
        }
        TextMerge.Result result = TextMerge.merge(base, theirs, yours);
        if (result.merged() == null) {
            throw new EditConflictException(path, currentId.name(), result.conflicts());
        }
        merged = true;
        return result.merged();
    }

    private byte[] read(String path, String blobId) throws IOException {
        try {
            return reader.open(ObjectId.fromString(blobId), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
        } catch (MissingObjectException | IllegalArgumentException e) {
            throw new PreconditionException(Reason.UNKNOWN_BASE, path, currentId(path), null,
                    "sha " + blobId + " is not a version of any file in this repository");
        }
    }

    private void checkCreatable(String path, Guard guard) throws IOException {
        if (guard.mode() == Guard.Mode.BASE || guard.mode() == Guard.Mode.STRICT) {
            throw new PreconditionException(Reason.GONE, path, null, null,
                    path + " was deleted or moved since version " + guard.blobId());
        }
        checkNoCollision(path);
    }

    private void delete(Change.Delete delete) throws IOException {
        String path = delete.path();
        TreeEditor.Entry current = tree.file(path).orElse(null);
        if (current == null) {
            if (delete.recursive() && tree.isFolder(path)) {
                tree.remove(path);
                return;
            }
            Guard guard = effectiveGuard(path, delete.guard());
            throw new PreconditionException(Reason.GONE, path, null, null,
                    path + " does not exist" + (guard.blobId() != null ? " (deleted or moved since " + guard.blobId() + ")" : ""));
        }
        checkUnchanged(path, current, effectiveGuard(path, delete.guard()));
        tree.remove(path);
        if (delete.recursive()) {
            String folder = folderOfSection(path);
            if (folder != null && tree.isFolder(folder)) {
                tree.remove(folder);
            }
        }
    }

    /** Deleting or moving needs the exact current version: there is nothing to merge a removal with. */
    private void checkUnchanged(String path, TreeEditor.Entry current, Guard guard) {
        String currentId = current.id().name();
        if (guard.mode() == Guard.Mode.NONE || guard.mode() == Guard.Mode.ABSENT) {
            throw new PreconditionException(Reason.REQUIRED, path, currentId, null,
                    path + " exists; say which version you are removing (sha or If-Match)");
        }
        if (!currentId.equals(guard.blobId())) {
            throw new PreconditionException(guard.mode() == Guard.Mode.STRICT ? Reason.STRICT_MISMATCH : Reason.GONE,
                    path, currentId, null, path + " changed since version " + guard.blobId()
                    + "; it is now " + currentId);
        }
    }

    private void move(Change.Move move) throws IOException {
        String from = move.path();
        String to = move.to();
        TreeEditor.Entry current = tree.file(from).orElse(null);
        if (current == null) {
            throw new PreconditionException(Reason.GONE, from, null, null, from + " does not exist");
        }
        checkUnchanged(from, current, effectiveGuard(from, move.guard()));
        if (tree.file(to).isPresent() || tree.isFolder(to)) {
            throw new PreconditionException(Reason.EXISTS, to, currentId(to), null, to + " already exists");
        }
        tree.remove(from);
        checkNoCollision(to);
        setEntry(to, current.id(), current.mode());
        if (from.endsWith(".md") && to.endsWith(".md")) {
            recordRedirect(SiteBuilder.pagePathOf(from), SiteBuilder.pagePathOf(to));
        }
    }

    private void recordRedirect(String fromPage, String toPage) throws IOException {
        TreeEditor.Entry file = tree.file(Redirects.FILE).orElse(null);
        String text = file == null ? null : new String(
                reader.open(file.id(), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE),
                StandardCharsets.UTF_8);
        byte[] updated = Redirects.withEntry(text, fromPage, toPage).getBytes(StandardCharsets.UTF_8);
        setEntry(Redirects.FILE, inserter.insert(Constants.OBJ_BLOB, updated), FileMode.REGULAR_FILE);
    }

    /** A change without its own sha takes its base from the request's base commit, if one was given. */
    private Guard effectiveGuard(String path, Guard guard) {
        if (guard.mode() != Guard.Mode.NONE || baseBlobs == null) {
            return guard;
        }
        ObjectId atBase = baseBlobs.get(path);
        return atBase == null ? Guard.ABSENT : Guard.base(atBase.name());
    }

    /**
     * A new name must not differ from an existing one only by case or Unicode normalization. Names can only
     * collide with their siblings, so each folder on the path is compared with its own entries.
     */
    private void checkNoCollision(String path) throws IOException {
        String parent = "";
        for (String segment : path.split("/")) {
            String actual = parent.isEmpty() ? segment : parent + "/" + segment;
            String folded = WritePaths.fold(actual);
            for (String name : tree.names(parent)) {
                String other = parent.isEmpty() ? name : parent + "/" + name;
                if (!other.equals(actual) && WritePaths.fold(other).equals(folded)) {
                    throw new InvalidPathException("'" + actual + "' differs from the existing '" + other
                            + "' only by case or Unicode normalization");
                }
            }
            parent = actual;
        }
    }

    private String folderOfSection(String path) {
        if (path.endsWith("/index.md")) {
            return path.substring(0, path.length() - "/index.md".length());
        }
        if (path.equals("index.md")) {
            return null;
        }
        return path.endsWith(".md") ? path.substring(0, path.length() - ".md".length()) : null;
    }

    private String currentId(String path) throws IOException {
        return tree.file(path).map(entry -> entry.id().name()).orElse(null);
    }

    private void setEntry(String path, ObjectId blob, FileMode mode) throws IOException {
        try {
            tree.put(path, mode, blob);
        } catch (IllegalStateException e) {
            // A file where a folder is, or a folder on the way that is a file: the two cannot both exist.
            throw new PreconditionException(Reason.EXISTS, path, null, null, e.getMessage());
        }
    }

    private Applied finish() throws IOException {
        ObjectId written = tree.write(inserter);
        return new Applied(written, merged, !written.equals(oldTree));
    }
}
