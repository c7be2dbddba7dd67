package dev.inkstone.git;

import dev.inkstone.content.FolderEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The entries of one folder of a commit's tree, in Git's order, with tree ids and blob sizes (read, not loaded). */
final class FolderListing {

    private final Repository repository;

    FolderListing(Repository repository) {
        this.repository = repository;
    }

    /** Empty when {@code folder} ("" for the root) is not a folder of the commit. */
    Optional<List<FolderEntry>> list(String commit, String folder) {
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            ObjectId tree = walk.parseCommit(ObjectId.fromString(commit)).getTree();
            if (!folder.isEmpty()) {
                try (TreeWalk found = TreeWalk.forPath(reader, folder, tree)) {
                    if (found == null || !FileMode.TREE.equals(found.getRawMode(0))) {
                        return Optional.empty();
                    }
                    tree = found.getObjectId(0);
                }
            }
            List<FolderEntry> entries = new ArrayList<>();
            try (TreeWalk children = new TreeWalk(reader)) {
                children.addTree(tree);
                while (children.next()) {
                    entries.add(entry(reader, children, folder));
                }
            }
            return Optional.of(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FolderEntry entry(ObjectReader reader, TreeWalk walk, String folder) throws IOException {
        int mode = walk.getRawMode(0);
        ObjectId id = walk.getObjectId(0);
        String name = walk.getNameString();
        String path = folder.isEmpty() ? name : folder + "/" + name;
        FolderEntry.Kind kind = FileMode.TREE.equals(mode) ? FolderEntry.Kind.FOLDER
                : FileMode.SYMLINK.equals(mode) ? FolderEntry.Kind.SYMLINK
                : FileMode.GITLINK.equals(mode) ? FolderEntry.Kind.SUBMODULE
                : FolderEntry.Kind.FILE;
        // OBJ_ANY, not OBJ_BLOB: for a blob JGit 7.5 first looks for a pack holding it (for its object-size index)
        // in a walk of the pack list without its usual error handling, which fails on a merged pack deleted while
        // JGit still lists it (PackCompactor); the general lookup drops such a pack and goes on.
        long size = kind == FolderEntry.Kind.FILE || kind == FolderEntry.Kind.SYMLINK
                ? reader.getObjectSize(id, ObjectReader.OBJ_ANY) : 0;
        return new FolderEntry(name, path, id.name(), kind, size);
    }
}
