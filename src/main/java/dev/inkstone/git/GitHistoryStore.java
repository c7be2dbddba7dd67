package dev.inkstone.git;

import dev.inkstone.content.Authorship;
import dev.inkstone.content.HistoryPendingException;
import dev.inkstone.content.Change;
import dev.inkstone.content.Guard;
import dev.inkstone.content.ChangedFile;
import dev.inkstone.content.CommitRef;
import dev.inkstone.content.CommitSummary;
import dev.inkstone.content.FileDiff;
import dev.inkstone.content.HistoryItem;
import dev.inkstone.content.HistoryPage;
import dev.inkstone.content.HistoryStore;
import dev.inkstone.content.InvalidRefException;
import dev.inkstone.content.Person;
import dev.inkstone.content.Revision;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * History through JGit: answers from the {@link HistoryIndex} once it is ready, and from {@link PathWalk}s
 * (commit-graph headers, changed-path Bloom filters) until then.
 */
public final class GitHistoryStore implements HistoryStore {

    private final Repository repository;
    private final String refName;
    private final HistoryIndexer indexer;
    /** Whether this store keeps an index at all, and whether its build was started. */
    private final boolean indexed;
    private final AtomicBoolean started = new AtomicBoolean();
    /**
     * Commits a page's history walks (its last change, its authorship) may look at while the index is not ready:
     * measured 18–31 µs a commit on 20,000 and 100,000-commit repositories when the CPU is free, but right after a
     * start the search and history index builds take it, and 5,000 put the first read of a page at 0.5–0.7 s
     * (`bench/run full`, cold page). Past the budget the page says its history is not known yet.
     */
    static final long HISTORY_WALK_COMMITS = 1_000;
    private volatile long walkCommits = HISTORY_WALK_COMMITS;
    /**
     * Whole-history walks made while the index is not ready, by (revision, file): a page's authorship walks all of
     * its file's history, and its last change is that walk's first item, so the page needs one walk, not two.
     */
    private final Cache<Walked, List<HistoryItem>> walked = Caffeine.newBuilder().maximumSize(256).build();

    private record Walked(String commit, String file) {
    }

    private final IndexedAuthorship indexedAuthorship = new IndexedAuthorship();
    private final Cache<WalkedPage, HistoryPage> walkedPages = Caffeine.newBuilder().maximumSize(1024).build();

    private record WalkedPage(HistoryCursor position, int limit) {
    }

    /** Diffs and blob lookups between commit ids never change; a diff request makes several lookups. */
    private final Cache<DiffKey, FileDiff> diffs = Caffeine.newBuilder().maximumSize(256).build();
    private final Cache<BlobKey, Optional<String>> blobs = Caffeine.newBuilder().maximumSize(4096).build();

    private record DiffKey(String file, String fromCommit, String fromFile, String toCommit) {
    }

    private record BlobKey(String commit, String file) {
    }

    /** A store that starts building (or loading) its index at once. */
    public GitHistoryStore(Repository repository, String branch, Path indexFile) {
        this(repository, branch, indexFile, true);
        start();
    }

    /**
     * A store whose index is built only when {@link #start} is called: the service starts it once the tip's site is
     * built, so that on two cores the first page is not delayed by a pass over the whole history.
     */
    public static GitHistoryStore startedLater(Repository repository, String branch, Path indexFile) {
        return new GitHistoryStore(repository, branch, indexFile, true);
    }

    /** {@code index} false answers everything from walks: the path taken until the index is ready. */
    GitHistoryStore(Repository repository, String branch, Path indexFile, boolean index) {
        this.repository = repository;
        this.refName = Constants.R_HEADS + branch;
        this.indexer = new HistoryIndexer(repository, refName, indexFile);
        this.indexed = index;
    }

    /**
     * A store that never builds an index and answers everything from walks: what a reader sees before the index is
     * ready, kept that way (tests of that state).
     */
    public static GitHistoryStore withoutIndex(Repository repository, String branch, Path unusedIndexFile) {
        return new GitHistoryStore(repository, branch, unusedIndexFile, false);
    }

    /** How many commits a page's history walks may look at before the index is ready (tests: a small budget). */
    public void limitWalks(long commits) {
        walkCommits = commits;
    }

    @Override
    public void start() {
        if (indexed && started.compareAndSet(false, true)) {
            indexer.start();
        }
    }

    /** The index at the branch tip, if it is ready and {@code commit} is on its line of history. */
    private Optional<HistoryIndex> index(String commit) {
        try {
            Ref ref = repository.exactRef(refName);
            if (ref == null || ref.getObjectId() == null) {
                return Optional.empty();
            }
            HistoryIndex index = indexer.at(ref.getObjectId());
            if (index == null) {
                return Optional.empty();
            }
            ObjectId id = ObjectId.fromString(commit);
            Integer seq = index.seqOf(id);
            if (seq == null) {
                // A commit a step ahead of the branch: its answer is rendered while it is made durable.
                HistoryIndex ahead = indexer.ahead(id);
                if (ahead != null) {
                    index = ahead;
                    seq = index.seqOf(id);
                }
            }
            boolean usable = seq != null && (index.linear() || id.equals(ref.getObjectId()));
            return usable ? Optional.of(index) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether history answers come from the index yet (for health and tests). */
    public boolean indexReady() {
        try {
            Ref ref = repository.exactRef(refName);
            return ref != null && indexer.at(ref.getObjectId()) != null;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public HistoryPage fileHistory(Revision revision, String file, int limit, String cursor) {
        HistoryCursor position = cursor == null ? new HistoryCursor(revision.commit(), null, file)
                : HistoryCursor.decode(cursor);
        if (position.after() != null && HistoryCursor.isWalkPosition(position.after())) {
            // A walk's cursor goes on as a walk, even if the index became ready in between.
            return walkPage(position, limit);
        }
        Optional<HistoryIndex> index = index(position.revision());
        if (index.isPresent()) {
            return fromIndex(index.get(), position, limit);
        }
        if (position.after() != null) {
            throw new InvalidRefException("cursor is no longer valid: the history index was rebuilt; start again");
        }
        return walkPage(position, limit);
    }

    /** A page pinned to a commit never changes, so walked pages are kept: a walk can cost as much as git log. */
    private HistoryPage walkPage(HistoryCursor position, int limit) {
        return walkedPages.get(new WalkedPage(position, limit),
                key -> indexer.foreground(() -> fromWalk(key.position(), key.limit(), Long.MAX_VALUE)));
    }

    private HistoryPage fromIndex(HistoryIndex index, HistoryCursor position, int limit) {
        int maxSeq = position.after() != null ? Integer.parseInt(position.after())
                : index.seqOf(ObjectId.fromString(position.revision()));
        List<HistoryItem> items = new ArrayList<>();
        HistoryIndex.Position stop = index.visitChanges(position.path(), maxSeq, (seq, kind, path, other) -> {
            HistoryIndex.CommitMeta meta = index.commit(seq);
            if (kind == HistoryIndex.RENAMED_TO) {
                items.add(item(meta, "renamed", other, path));
            } else if (kind == HistoryIndex.RENAMED_FROM) {
                items.add(item(meta, "renamed", path, other));
            } else {
                items.add(item(meta, changeName(kind), path, null));
            }
            return items.size() < limit;
        });
        HistoryIndex.PathLog rest = index.log(stop.path());
        boolean more = rest != null && rest.newestAtMost(stop.maxSeq()) >= 0;
        return new HistoryPage(items, more
                ? new HistoryCursor(position.revision(), String.valueOf(stop.maxSeq()), stop.path()).encode() : null);
    }

    /**
     * History from a {@link PathWalk} (commit-graph headers and changed-path Bloom filters), for when the index is
     * not ready or does not cover the revision. Only a commit that added or removed the path is diffed in full, to
     * tell a rename from an addition or deletion.
     */
    private HistoryPage fromWalk(HistoryCursor position, int limit, long commitBudget) {
        String path = position.path();
        List<ObjectId> start = position.after() != null ? HistoryCursor.commitsOf(position.after())
                : List.of(ObjectId.fromString(position.revision()));
        List<HistoryItem> items = new ArrayList<>();
        String next = null;
        try (ObjectReader reader = repository.newObjectReader()) {
            walking:
            while (!start.isEmpty()) {
                try (PathWalk walk = new PathWalk(reader, path)) {
                    walk.limitTo(commitBudget);
                    walk.start(start);
                    start = List.of();
                    for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
                        if (items.size() == limit) {
                            next = new HistoryCursor(position.revision(),
                                    HistoryCursor.walkPosition(walk.pending(commit)), path).encode();
                            break walking;
                        }
                        CommitChanges.FileChange change = changeOf(reader, walk, commit, path);
                        if (change == null) {
                            continue;
                        }
                        walk.walk().parseBody(commit);
                        HistoryIndex.CommitMeta meta = meta(commit);
                        if (change.kind() == HistoryIndex.RENAMED_FROM && change.path().equals(path)) {
                            items.add(item(meta, "renamed", path, change.previousPath()));
                            path = change.previousPath();
                            start = commit.getParentCount() > 0 ? List.of(commit.getParent(0).copy()) : List.of();
                            continue walking;
                        }
                        if (change.kind() == HistoryIndex.RENAMED_FROM) {
                            items.add(item(meta, "renamed", change.path(), path));
                        } else {
                            items.add(item(meta, changeName(change.kind()), path, null));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HistoryPage(items, next);
    }

    /** How a commit the walk found changed {@code path}; a full diff only where a rename is possible. */
    private CommitChanges.FileChange changeOf(ObjectReader reader, PathWalk walk, RevCommit commit, String path)
            throws IOException {
        PathWalk.Entry now = walk.entryAt(commit);
        RevCommit[] parents = commit.getParents();
        if (parents.length > 1) {
            boolean inAnyParent = false;
            for (RevCommit parent : parents) {
                inAnyParent |= walk.entryAt(parent).present();
            }
            byte kind = !now.present() ? HistoryIndex.DELETED : inAnyParent ? HistoryIndex.MODIFIED : HistoryIndex.ADDED;
            return new CommitChanges.FileChange(kind, path, null);
        }
        if (now.present() && parents.length == 1 && walk.entryAt(parents[0]).present()) {
            return new CommitChanges.FileChange(HistoryIndex.MODIFIED, path, null);
        }
        return CommitChanges.of(repository, reader, walk.walk(), commit).stream()
                .filter(c -> path.equals(c.path()) || path.equals(c.previousPath()))
                .findFirst().orElse(null);
    }

    @Override
    public Authorship authorship(Revision revision, String file) {
        Optional<HistoryIndex> index = index(revision.commit());
        if (index.isPresent()) {
            return indexedAuthorship.of(index.get(), index.get().seqOf(ObjectId.fromString(revision.commit())), file);
        }
        // One walk over the whole history, not one per page of 100; kept for the page's lastChange. Bounded:
        // before the index is ready a page's first read must not walk 100,000 commits (seconds) for its
        // creator; past the budget the answer is "not known yet" and is not kept.
        List<HistoryItem> all;
        try {
            all = walked.get(new Walked(revision.commit(), file), key -> indexer.foreground(
                    () -> fromWalk(new HistoryCursor(key.commit(), null, key.file()), Integer.MAX_VALUE,
                            walkCommits).items()));
        } catch (PathWalk.BudgetExceeded e) {
            throw new HistoryPendingException(file);
        }
        if (all.isEmpty()) {
            return Authorship.NONE;
        }
        Map<Person, Integer> commitsByAuthor = new LinkedHashMap<>();
        all.forEach(item -> commitsByAuthor.merge(item.author(), 1, Integer::sum));
        HistoryItem first = all.get(all.size() - 1);
        return Authorship.of(new CommitRef(first.commit(), first.date(), first.author()), commitsByAuthor);
    }

    @Override
    public Optional<CommitRef> lastChange(Revision revision, String path) {
        Optional<HistoryIndex> index = index(revision.commit());
        if (index.isEmpty()) {
            return lastChangeByWalk(revision, path);
        }
        HistoryIndex.PathLog log = index.get().log(path);
        int at = log == null ? -1 : log.newestAtMost(index.get().seqOf(ObjectId.fromString(revision.commit())));
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of(index.get().commit(log.seqAt(at)).ref());
    }

    /** The first commit a {@link PathWalk} finds changing the path (a file or a folder). */
    private Optional<CommitRef> lastChangeByWalk(Revision revision, String path) {
        List<HistoryItem> known = walked.getIfPresent(new Walked(revision.commit(), path));
        if (known != null) {
            return known.stream().findFirst().map(item -> new CommitRef(item.commit(), item.date(), item.author()));
        }
        try {
            return indexer.foreground(() -> firstChange(revision, path));
        } catch (PathWalk.BudgetExceeded e) {
            throw new HistoryPendingException(path);
        }
    }

    private Optional<CommitRef> firstChange(Revision revision, String path) {
        try (ObjectReader reader = repository.newObjectReader(); PathWalk walk = new PathWalk(reader, path)) {
            walk.limitTo(walkCommits);
            walk.start(ObjectId.fromString(revision.commit()));
            RevCommit found = walk.next();
            if (found == null) {
                return Optional.empty();
            }
            walk.walk().parseBody(found);
            return Optional.of(Commits.ref(found));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<CommitSummary> commit(String id) {
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            Optional<ObjectId> resolved = resolveCommit(reader, id);
            if (resolved.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(summary(reader, walk, walk.parseCommit(resolved.get())));
        } catch (MissingObjectException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<CommitSummary> log(Revision revision, int limit, String afterCommit) {
        List<CommitSummary> commits = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit start = walk.parseCommit(ObjectId.fromString(revision.commit()));
            walk.markStart(start);
            boolean skipping = afterCommit != null;
            for (RevCommit commit : walk) {
                if (skipping) {
                    skipping = !commit.name().equals(afterCommit);
                    continue;
                }
                commits.add(summary(reader, walk, commit));
                if (commits.size() == limit) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return commits;
    }

    @Override
    public FileDiff diff(String file, String fromCommit, String fromFile, String toCommit) {
        return diffs.get(new DiffKey(file, fromCommit, fromFile, toCommit),
                key -> new FileDiffer(repository).diff(key.file(), key.fromCommit(), key.fromFile(), key.toCommit()));
    }

    @Override
    public List<ChangedFile> changesBetween(String fromCommit, String toCommit) {
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            return CommitChanges.between(repository, reader, walk.parseCommit(ObjectId.fromString(fromCommit)).getTree(),
                            walk.parseCommit(ObjectId.fromString(toCommit)).getTree()).stream()
                    .map(GitHistoryStore::changed).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<String> blobAt(String commit, String file) {
        return blobs.get(new BlobKey(commit, file), key -> lookUpBlob(key.commit(), key.file()));
    }

    private Optional<String> lookUpBlob(String commit, String file) {
        try (RevWalk walk = new RevWalk(repository);
             TreeWalk treeWalk = TreeWalk.forPath(repository, file,
                     walk.parseCommit(ObjectId.fromString(commit)).getTree())) {
            // Only files: a folder or submodule by that name is not a page's source.
            boolean isFile = treeWalk != null && (FileMode.REGULAR_FILE.equals(treeWalk.getRawMode(0))
                    || FileMode.EXECUTABLE_FILE.equals(treeWalk.getRawMode(0)));
            return isFile ? Optional.of(treeWalk.getObjectId(0).name()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public RevertPlan planRevert(String commit, String onto) {
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit target = walk.parseCommit(ObjectId.fromString(commit));
            RevCommit tip = walk.parseCommit(ObjectId.fromString(onto));
            RevTree parentTree = target.getParentCount() == 0 ? null : walk.parseCommit(target.getParent(0)).getTree();
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RESOLVE.newMerger(repository, true);
            merger.setBase(target.getTree());
            boolean clean = merger.merge(tip.getTree(), parentTree == null ? emptyTree(reader) : parentTree);
            if (!clean) {
                List<String> conflicts = new ArrayList<>(merger.getUnmergedPaths());
                if (merger.getFailingPaths() != null) {
                    conflicts.addAll(merger.getFailingPaths().keySet());
                }
                return new RevertPlan(List.of(), conflicts.stream().distinct().sorted().toList());
            }
            RevTree result = walk.parseTree(merger.getResultTreeId());
            List<Change> changes = new ArrayList<>();
            try (TreeWalk treeWalk = new TreeWalk(reader)) {
                treeWalk.setRecursive(true);
                treeWalk.setFilter(org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF);
                treeWalk.addTree(tip.getTree());
                treeWalk.addTree(result);
                while (treeWalk.next()) {
                    String path = treeWalk.getPathString();
                    boolean existed = treeWalk.getRawMode(0) != 0;
                    boolean exists = treeWalk.getRawMode(1) != 0;
                    Guard guard = existed ? Guard.strict(treeWalk.getObjectId(0).name()) : Guard.ABSENT;
                    if (exists) {
                        byte[] bytes = reader.open(treeWalk.getObjectId(1), Constants.OBJ_BLOB)
                                .getCachedBytes(Integer.MAX_VALUE);
                        changes.add(new Change.Put(path, bytes, false, guard));
                    } else {
                        changes.add(new Change.Delete(path, false, guard));
                    }
                }
            }
            return new RevertPlan(changes, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectId emptyTree(ObjectReader reader) throws IOException {
        try (ObjectInserter.Formatter formatter = new ObjectInserter.Formatter()) {
            return formatter.idFor(Constants.OBJ_TREE, new byte[0]);
        }
    }

    @Override
    public List<String> parents(String commit) {
        try (RevWalk walk = new RevWalk(repository)) {
            List<String> parents = new ArrayList<>();
            for (RevCommit parent : walk.parseCommit(ObjectId.fromString(commit)).getParents()) {
                parents.add(parent.name());
            }
            return parents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<ObjectId> resolveCommit(ObjectReader reader, String id) throws IOException {
        if (RefNames.FULL_ID.matcher(id).matches()) {
            return Optional.of(ObjectId.fromString(id));
        }
        if (!RefNames.ABBREVIATED_ID.matcher(id).matches()) {
            throw new InvalidRefException("a commit id is 7 to 40 hex digits, got '" + id + "'");
        }
        Collection<ObjectId> candidates = reader.resolve(AbbreviatedObjectId.fromString(id));
        if (candidates.size() > 1) {
            throw new InvalidRefException("abbreviated commit id '" + id + "' is ambiguous");
        }
        return candidates.stream().findFirst();
    }

    private CommitSummary summary(ObjectReader reader, RevWalk walk, RevCommit commit) throws IOException {
        List<String> parents = new ArrayList<>();
        for (RevCommit parent : commit.getParents()) {
            parents.add(parent.name());
        }
        HistoryIndex.CommitMeta meta = meta(commit);
        List<ChangedFile> files = CommitChanges.of(repository, reader, walk, commit).stream()
                .map(GitHistoryStore::changed).toList();
        return new CommitSummary(commit.name(), meta.message(), meta.author(), meta.date(), parents, files);
    }

    private static ChangedFile changed(CommitChanges.FileChange change) {
        return new ChangedFile(changeName(change.kind()), change.path(), change.previousPath());
    }

    private static HistoryIndex.CommitMeta meta(RevCommit commit) {
        return new HistoryIndex.CommitMeta(commit.copy(), commit.getAuthorIdent().getWhenAsInstant().getEpochSecond(),
                commit.getAuthorIdent().getZoneOffset().getTotalSeconds() / 60, commit.getAuthorIdent().getName(),
                commit.getAuthorIdent().getEmailAddress(), commit.getFullMessage());
    }

    private static HistoryItem item(HistoryIndex.CommitMeta meta, String change, String path, String previousPath) {
        return new HistoryItem(meta.id().name(), meta.message().stripTrailing(), meta.author(), meta.date(), change,
                path, previousPath);
    }

    private static String changeName(byte kind) {
        return switch (kind) {
            case HistoryIndex.ADDED -> "added";
            case HistoryIndex.DELETED -> "deleted";
            case HistoryIndex.RENAMED_FROM, HistoryIndex.RENAMED_TO -> "renamed";
            default -> "modified";
        };
    }

    /**
     * Where a history page stops: the revision it is pinned to, the position to go on from, the path. The position
     * is an index sequence number, or for a walk {@code w} and the commits to restart at (several after merges).
     */
    record HistoryCursor(String revision, String after, String path) {

        private static final java.util.regex.Pattern POSITION =
                java.util.regex.Pattern.compile("null|\\d{1,9}|w[0-9a-f]{40}(,[0-9a-f]{40})*");

        static String walkPosition(List<ObjectId> commits) {
            StringBuilder position = new StringBuilder("w");
            for (ObjectId commit : commits) {
                position.append(position.length() == 1 ? "" : ",").append(commit.name());
            }
            return position.toString();
        }

        static boolean isWalkPosition(String after) {
            return after.startsWith("w");
        }

        static List<ObjectId> commitsOf(String after) {
            List<ObjectId> commits = new ArrayList<>();
            for (String id : after.substring(1).split(",")) {
                if (!RefNames.FULL_ID.matcher(id).matches()) {
                    throw new InvalidRefException("cursor is not one this service gave out");
                }
                commits.add(ObjectId.fromString(id));
            }
            return commits;
        }

        String encode() {
            String raw = "h1|" + revision + "|" + after + "|" + path;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static HistoryCursor decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = raw.split("\\|", 4);
                if (parts.length != 4 || !parts[0].equals("h1") || !RefNames.FULL_ID.matcher(parts[1]).matches()
                        || !POSITION.matcher(parts[2]).matches()) {
                    throw new IllegalArgumentException();
                }
                return new HistoryCursor(parts[1], parts[2].equals("null") ? null : parts[2], parts[3]);
            } catch (IllegalArgumentException e) {
                throw new InvalidRefException("cursor is not one this service gave out");
            }
        }
    }
}
