package dev.inkstone.git;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.inkstone.content.CommitLogPage;
import dev.inkstone.content.FileChange;
import dev.inkstone.content.ContentStore;
import dev.inkstone.content.FolderEntry;
import dev.inkstone.content.InvalidRefException;
import dev.inkstone.content.NotFoundException;
import dev.inkstone.content.Revision;
import dev.inkstone.content.TreeDelta;
import dev.inkstone.content.TreeEntry;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Reads the content repository through JGit's object database, never through a working tree. */
public final class GitContentStore implements ContentStore {

    private final Repository repository;
    private final String branch;
    private final BranchTip tip;
    /** Object id → the commit it peels to; ids are immutable, and this keeps object parsing off the read path. */
    private final Cache<ObjectId, Optional<String>> peeled = Caffeine.newBuilder().maximumSize(1024).build();

    public GitContentStore(Repository repository, String branch) {
        this.repository = repository;
        this.branch = branch;
        this.tip = new BranchTip(repository, branch);
    }

    @Override
    public String branch() {
        return branch;
    }

    @Override
    public Revision resolve(String ref) {
        try {
            if (ref == null || ref.isEmpty()) {
                Optional<ObjectId> id = tip.id();
                return new Revision((id.isPresent() ? commitOf(id.get()) : Optional.<String>empty())
                        .orElseThrow(() -> new NotFoundException(NotFoundException.What.REF,
                                "branch '" + branch + "' has no commits")), false);
            }
            RefNames.validate(ref);
            if (RefNames.FULL_ID.matcher(ref).matches()) {
                Optional<String> commit = commitOf(ObjectId.fromString(ref));
                if (commit.isPresent()) {
                    return new Revision(commit.get(), true);
                }
            } else if (RefNames.ABBREVIATED_ID.matcher(ref).matches()) {
                Optional<String> commit = uniqueAbbreviated(ref);
                if (commit.isPresent()) {
                    return new Revision(commit.get(), false);
                }
            }
            for (String prefix : List.of(Constants.R_HEADS, Constants.R_TAGS)) {
                Optional<String> commit = tipOf(prefix + ref);
                if (commit.isPresent()) {
                    return new Revision(commit.get(), false);
                }
            }
            throw new NotFoundException(NotFoundException.What.REF, "no commit, branch or tag named '" + ref + "'");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<String> tipOf(String refName) throws IOException {
        Ref found = repository.exactRef(refName);
        if (found == null || found.getObjectId() == null) {
            return Optional.empty();
        }
        return commitOf(found.getObjectId());
    }

    /** Peels tags; anything that is not finally a commit does not count. */
    private Optional<String> commitOf(ObjectId id) throws IOException {
        Optional<String> known = peeled.getIfPresent(id);
        if (known != null) {
            return known;
        }
        Optional<String> commit = peel(id);
        if (commit.isPresent()) {
            // Absent objects are not remembered: they may arrive with the next push.
            peeled.put(id.copy(), commit);
        }
        return commit;
    }

    private Optional<String> peel(ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevObject object = walk.peel(walk.parseAny(id));
            return object instanceof RevCommit ? Optional.of(object.name()) : Optional.empty();
        } catch (MissingObjectException e) {
            return Optional.empty();
        }
    }

    private Optional<String> uniqueAbbreviated(String hex) throws IOException {
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            Collection<ObjectId> candidates = reader.resolve(AbbreviatedObjectId.fromString(hex));
            List<String> commits = new ArrayList<>();
            for (ObjectId candidate : candidates) {
                if (walk.parseAny(candidate) instanceof RevCommit commit) {
                    commits.add(commit.name());
                }
            }
            if (commits.size() > 1) {
                throw new InvalidRefException("abbreviated commit id '" + hex + "' is ambiguous");
            }
            return commits.stream().findFirst();
        }
    }

    @Override
    public List<TreeEntry> tree(Revision revision) {
        List<TreeEntry> entries = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk treeWalk = new TreeWalk(repository)) {
            treeWalk.addTree(walk.parseCommit(ObjectId.fromString(revision.commit())).getTree());
            treeWalk.setRecursive(true);
            while (treeWalk.next()) {
                entries.add(new TreeEntry(treeWalk.getPathString(), treeWalk.getObjectId(0).name(),
                        kindOf(treeWalk.getFileMode(0))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    @Override
    public List<FileChange> changes(String from, String to) {
        List<FileChange> changes = new ArrayList<>();
        try {
            forEachDifference(from, to, treeWalk -> {
                String oldId = treeWalk.getFileMode(0) == FileMode.MISSING ? null : treeWalk.getObjectId(0).name();
                String newId = treeWalk.getFileMode(1) == FileMode.MISSING ? null : treeWalk.getObjectId(1).name();
                return changes.add(new FileChange(treeWalk.getPathString(), oldId, newId));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changes;
    }

    @Override
    public Optional<TreeDelta> delta(String from, String to, int limit) {
        List<TreeEntry> upserted = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        boolean complete;
        try {
            complete = forEachDifference(from, to, treeWalk -> {
                if (upserted.size() + removed.size() >= limit) {
                    return false;
                }
                FileMode mode = treeWalk.getFileMode(1);
                if (mode == FileMode.MISSING) {
                    return removed.add(treeWalk.getPathString());
                }
                return upserted.add(new TreeEntry(treeWalk.getPathString(), treeWalk.getObjectId(1).name(),
                        kindOf(mode)));
            });
        } catch (MissingObjectException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return complete ? Optional.of(new TreeDelta(upserted, removed)) : Optional.empty();
    }

    /**
     * Visits the files that differ between two commits' trees ({@code from} null: the empty tree), in path order,
     * until {@code each} answers false; equal subtrees are skipped by id, so a one-file commit costs a walk down one
     * path. Returns whether every difference was visited.
     */
    private boolean forEachDifference(String from, String to, Predicate<TreeWalk> each) throws IOException {
        try (RevWalk walk = new RevWalk(repository); TreeWalk treeWalk = new TreeWalk(repository)) {
            if (from == null) {
                treeWalk.addTree(new EmptyTreeIterator());
            } else {
                treeWalk.addTree(walk.parseCommit(ObjectId.fromString(from)).getTree());
            }
            treeWalk.addTree(walk.parseCommit(ObjectId.fromString(to)).getTree());
            treeWalk.setRecursive(true);
            treeWalk.setFilter(TreeFilter.ANY_DIFF);
            while (treeWalk.next()) {
                if (!each.test(treeWalk)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static TreeEntry.Kind kindOf(FileMode mode) {
        return mode == FileMode.SYMLINK ? TreeEntry.Kind.SYMLINK
                : mode == FileMode.GITLINK ? TreeEntry.Kind.SUBMODULE
                : TreeEntry.Kind.FILE;
    }

    @Override
    public boolean isAncestor(String ancestor, String descendant) {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(ancestor)),
                    walk.parseCommit(ObjectId.fromString(descendant)));
        } catch (MissingObjectException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<byte[]> blob(String blobId) {
        try (ObjectReader reader = repository.newObjectReader()) {
            return Optional.of(reader.open(ObjectId.fromString(blobId), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE));
        } catch (MissingObjectException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<List<FolderEntry>> folder(Revision revision, String path) {
        return new FolderListing(repository).list(revision.commit(), path);
    }

    @Override
    public CommitLogPage log(String fromCommit, String path, int skip, int limit) {
        return new CommitLog(repository).page(fromCommit, path, skip, limit);
    }
}
