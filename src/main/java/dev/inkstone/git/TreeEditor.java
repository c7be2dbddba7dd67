package dev.inkstone.git;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.util.Paths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Edits a tree in memory by path, reading only the folders on the edited paths and writing only those again.
 *
 * <p>Why not JGit's {@code DirCache}: it reads every entry of the old tree and writes (hashes, and offers to the
 * inserter) every folder of the new one, so a one-file commit cost time proportional to the whole repository —
 * on 10,000 pages, most of the writer's time. A commit that changes one page here costs a few folder reads and
 * writes. Folders are loaded lazily and remembered, so a batch of edits in the same folder reads it once.
 */
final class TreeEditor {

    /** One entry of a folder: a file (any blob mode), a submodule, or a sub-folder. */
    record Entry(FileMode mode, ObjectId id) {
        boolean isFolder() {
            return mode == FileMode.TREE;
        }
    }

    /** A loaded folder: its entries by name, and whether it differs from what was read. */
    private static final class Folder {
        final Map<String, Entry> entries = new HashMap<>();
        boolean dirty;
    }

    private final ObjectReader reader;
    private final ObjectId rootId;
    private final Map<String, Folder> folders = new HashMap<>();

    /** {@code root} null starts from the empty tree. */
    TreeEditor(ObjectReader reader, ObjectId root) {
        this.reader = reader;
        this.rootId = root;
    }

    /** The file (not folder) at {@code path}. */
    Optional<Entry> file(String path) throws IOException {
        return entry(path).filter(entry -> !entry.isFolder());
    }

    /** Whether {@code path} is a folder with at least one entry. */
    boolean isFolder(String path) throws IOException {
        return entry(path).filter(Entry::isFolder).isPresent();
    }

    /** The names in a folder ("" for the root); empty when there is no such folder. */
    Set<String> names(String folder) throws IOException {
        Folder loaded = folder(folder, false);
        return loaded == null ? Set.of() : Set.copyOf(loaded.entries.keySet());
    }

    /**
     * Sets a file, creating the folders above it.
     *
     * @throws IllegalStateException when a folder on the way is a file, or the path itself is a folder
     */
    void put(String path, FileMode mode, ObjectId id) throws IOException {
        int slash = path.lastIndexOf('/');
        Folder parent = folder(slash < 0 ? "" : path.substring(0, slash), true);
        String name = path.substring(slash + 1);
        Entry existing = parent.entries.get(name);
        if (existing != null && existing.isFolder()) {
            throw new IllegalStateException(path + " is a folder");
        }
        parent.entries.put(name, new Entry(mode, id.copy()));
        changed(slash < 0 ? "" : path.substring(0, slash));
    }

    /** Removes a file or a whole folder; folders left empty disappear, as Git has no empty folders. */
    void remove(String path) throws IOException {
        int slash = path.lastIndexOf('/');
        Folder parent = folder(slash < 0 ? "" : path.substring(0, slash), false);
        if (parent != null && parent.entries.remove(path.substring(slash + 1)) != null) {
            changed(slash < 0 ? "" : path.substring(0, slash));
            folders.keySet().removeIf(loaded -> loaded.startsWith(path + "/"));
            folders.remove(path);
        }
    }

    /** Marks a loaded folder and every folder above it (all loaded: folders load top-down) as to be written. */
    private void changed(String path) {
        for (String folder = path; ; folder = folder.substring(0, Math.max(0, folder.lastIndexOf('/')))) {
            folders.get(folder).dirty = true;
            if (folder.isEmpty()) {
                return;
            }
        }
    }

    /** Writes every changed folder, deepest first, and returns the new root tree's id. */
    ObjectId write(ObjectInserter inserter) throws IOException {
        // Every change marks the folders above it, so a clean root means an unchanged tree.
        if (rootId != null && !folder("", true).dirty) {
            return rootId;
        }
        Optional<ObjectId> written = write("", inserter);
        return written.isPresent() ? written.get() : inserter.insert(new TreeFormatter());
    }

    private Optional<ObjectId> write(String path, ObjectInserter inserter) throws IOException {
        Folder folder = folders.get(path);
        List<Map.Entry<String, Entry>> entries = new ArrayList<>();
        for (Map.Entry<String, Entry> named : folder.entries.entrySet()) {
            Entry entry = named.getValue();
            String childPath = path.isEmpty() ? named.getKey() : path + "/" + named.getKey();
            Folder child = entry.isFolder() ? folders.get(childPath) : null;
            if (child != null && child.dirty) {
                Optional<ObjectId> written = write(childPath, inserter);
                if (written.isEmpty()) {
                    continue;
                }
                entry = new Entry(FileMode.TREE, written.get());
            }
            entries.add(Map.entry(named.getKey(), entry));
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        entries.sort(TreeEditor::compare);
        TreeFormatter formatter = new TreeFormatter();
        for (Map.Entry<String, Entry> entry : entries) {
            formatter.append(entry.getKey().getBytes(StandardCharsets.UTF_8), entry.getValue().mode(),
                    entry.getValue().id());
        }
        return Optional.of(inserter.insert(formatter));
    }

    /** Git's tree order: by name bytes, a folder's name compared as if it ended in '/'. */
    private static int compare(Map.Entry<String, Entry> a, Map.Entry<String, Entry> b) {
        byte[] an = a.getKey().getBytes(StandardCharsets.UTF_8);
        byte[] bn = b.getKey().getBytes(StandardCharsets.UTF_8);
        return Paths.compare(an, 0, an.length, a.getValue().mode().getBits(),
                bn, 0, bn.length, b.getValue().mode().getBits());
    }

    private Optional<Entry> entry(String path) throws IOException {
        int slash = path.lastIndexOf('/');
        Folder parent = folder(slash < 0 ? "" : path.substring(0, slash), false);
        return parent == null ? Optional.empty() : Optional.ofNullable(parent.entries.get(path.substring(slash + 1)));
    }

    /** The folder at {@code path}, loaded on first use; with {@code create}, made (with its parents) if missing. */
    private Folder folder(String path, boolean create) throws IOException {
        Folder known = folders.get(path);
        if (known != null) {
            return known;
        }
        Folder folder;
        if (path.isEmpty()) {
            folder = new Folder();
            if (rootId != null) {
                read(rootId, folder);
            }
        } else {
            int slash = path.lastIndexOf('/');
            Folder parent = folder(slash < 0 ? "" : path.substring(0, slash), create);
            if (parent == null) {
                return null;
            }
            String name = path.substring(slash + 1);
            Entry entry = parent.entries.get(name);
            if (entry != null && !entry.isFolder()) {
                if (create) {
                    throw new IllegalStateException(path + " is a file");
                }
                return null;
            }
            if (entry == null && !create) {
                return null;
            }
            folder = new Folder();
            if (entry != null) {
                read(entry.id(), folder);
                folders.put(path, folder);
            } else {
                // A new folder: its parent gets an entry now, filled in with the real id when written.
                parent.entries.put(name, new Entry(FileMode.TREE, ObjectId.zeroId()));
                folders.put(path, folder);
                changed(path);
            }
            return folder;
        }
        folders.put(path, folder);
        return folder;
    }

    private void read(ObjectId tree, Folder into) throws IOException {
        CanonicalTreeParser parser = new CanonicalTreeParser();
        parser.reset(reader, tree);
        for (; !parser.eof(); parser.next()) {
            into.entries.put(parser.getEntryPathString(), new Entry(parser.getEntryFileMode(),
                    parser.getEntryObjectId()));
        }
    }
}
