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
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

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
    private final TreeMap<String, DirCacheEntry> entries = new TreeMap<>();
    private final ObjectId oldTree;
    private final Map<String, ObjectId> baseBlobs;
    private Map<String, String> folded;
    private boolean merged;

    private ChangeApplier(ObjectReader reader, ObjectInserter inserter, ObjectId oldTree, Map<String, ObjectId> baseBlobs)
            throws IOException {
        this.reader = reader;
        this.inserter = inserter;
        this.oldTree = oldTree;
        this.baseBlobs = baseBlobs;
        if (oldTree != null) {
            DirCache cache = DirCache.read(reader, oldTree);
            for (int i = 0; i < cache.getEntryCount(); i++) {
                DirCacheEntry entry = cache.getEntry(i);
                entries.put(entry.getPathString(), entry);
            }
        }
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
        DirCacheEntry current = entries.get(path);
        Guard guard = effectiveGuard(path, put.guard());
        byte[] content = put.content();
        if (current == null) {
            checkCreatable(path, guard);
        } else {
            ObjectId currentId = current.getObjectId();
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
        FileMode mode = current != null && current.getFileMode() == FileMode.EXECUTABLE_FILE
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

    private void checkCreatable(String path, Guard guard) {
        if (guard.mode() == Guard.Mode.BASE || guard.mode() == Guard.Mode.STRICT) {
            throw new PreconditionException(Reason.GONE, path, null, null,
                    path + " was deleted or moved since version " + guard.blobId());
        }
        checkNoCollision(path);
    }

    private void delete(Change.Delete delete) throws IOException {
        String path = delete.path();
        DirCacheEntry current = entries.get(path);
        if (current == null) {
            if (delete.recursive() && !entries.subMap(path + "/", path + "0").isEmpty()) {
                entries.subMap(path + "/", path + "0").clear();
                return;
            }
            Guard guard = effectiveGuard(path, delete.guard());
            throw new PreconditionException(Reason.GONE, path, null, null,
                    path + " does not exist" + (guard.blobId() != null ? " (deleted or moved since " + guard.blobId() + ")" : ""));
        }
        checkUnchanged(path, current, effectiveGuard(path, delete.guard()));
        entries.remove(path);
        if (delete.recursive()) {
            String folder = folderOfSection(path);
            if (folder != null) {
                entries.subMap(folder + "/", folder + "0").clear();
            }
        }
    }

    /** Deleting or moving needs the exact current version: there is nothing to merge a removal with. */
    private void checkUnchanged(String path, DirCacheEntry current, Guard guard) {
        String currentId = current.getObjectId().name();
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
        DirCacheEntry current = entries.get(from);
        if (current == null) {
            throw new PreconditionException(Reason.GONE, from, null, null, from + " does not exist");
        }
        checkUnchanged(from, current, effectiveGuard(from, move.guard()));
        if (entries.containsKey(to) || !entries.subMap(to + "/", to + "0").isEmpty()) {
            throw new PreconditionException(Reason.EXISTS, to, currentId(to), null, to + " already exists");
        }
        entries.remove(from);
        checkNoCollision(to);
        setEntry(to, current.getObjectId(), current.getFileMode());
        if (from.endsWith(".md") && to.endsWith(".md")) {
            recordRedirect(SiteBuilder.pagePathOf(from), SiteBuilder.pagePathOf(to));
        }
    }

    private void recordRedirect(String fromPage, String toPage) throws IOException {
        DirCacheEntry file = entries.get(Redirects.FILE);
        String text = file == null ? null : new String(
                reader.open(file.getObjectId(), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE),
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

    /** A new name must not differ from an existing one only by case or Unicode normalization. */
    private void checkNoCollision(String path) {
        if (folded == null) {
            folded = new HashMap<>();
            for (String existing : entries.keySet()) {
                addFolded(existing);
            }
        }
        String prefix = "";
        for (String segment : path.split("/")) {
            String actual = prefix.isEmpty() ? segment : prefix + "/" + segment;
            String other = folded.get(WritePaths.fold(actual));
            if (other != null && !other.equals(actual)) {
                throw new InvalidPathException("'" + actual + "' differs from the existing '" + other
                        + "' only by case or Unicode normalization");
            }
            prefix = actual;
        }
        addFolded(path);
    }

    private void addFolded(String path) {
        int slash = -1;
        do {
            slash = path.indexOf('/', slash + 1);
            String prefix = slash < 0 ? path : path.substring(0, slash);
            folded.putIfAbsent(WritePaths.fold(prefix), prefix);
        } while (slash >= 0);
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

    private String currentId(String path) {
        DirCacheEntry entry = entries.get(path);
        return entry == null ? null : entry.getObjectId().name();
    }

    private void setEntry(String path, ObjectId blob, FileMode mode) {
        DirCacheEntry entry = new DirCacheEntry(path);
        entry.setFileMode(mode);
        entry.setObjectId(blob);
        entries.put(path, entry);
        if (folded != null) {
            addFolded(path);
        }
    }

    private Applied finish() throws IOException {
        DirCache cache = DirCache.newInCore();
        DirCacheBuilder builder = cache.builder();
        for (DirCacheEntry entry : entries.values()) {
            builder.add(entry);
        }
        builder.finish();
        ObjectId tree = cache.writeTree(inserter);
        return new Applied(tree, merged, !tree.equals(oldTree));
    }
}
