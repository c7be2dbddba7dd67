package dev.inkstone.git;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Opens the repository the service reads, creating the embedded sample repository on first start. */
public final class RepositorySetup {

    private RepositorySetup() {
    }

    /** Opens an existing clone, bare or with a working tree. */
    public static Repository open(Path path) throws IOException {
        CommitGraphReads.enable();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (Files.isDirectory(path.resolve(Constants.DOT_GIT))) {
            builder.setWorkTree(path.toFile()).setGitDir(path.resolve(Constants.DOT_GIT).toFile());
        } else {
            builder.setGitDir(path.toFile()).setBare();
        }
        return builder.build();
    }

    /**
     * Removes lock files a killed process left in the service's own repository. Safe only there: nothing but this
     * service writes to it, and it has not started yet.
     */
    public static void removeStaleLocks(Path gitDir) throws IOException {
        if (!Files.isDirectory(gitDir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(gitDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                boolean lock = name.endsWith(".lock") && Files.isRegularFile(file);
                boolean abandonedPack = name.startsWith("insert_") && file.getParent().endsWith("objects");
                if (lock || abandonedPack) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The short name of the branch HEAD points at, as the default branch to serve. */
    public static String headBranch(Repository repository) throws IOException {
        String branch = repository.getBranch();
        return branch == null ? "main" : branch;
    }

    /**
     * Opens {@code gitDir}, or creates it as a bare repository holding {@code files} in one initial commit on
     * {@code branch}. Built in memory, so nothing but the given files can end up in the commit.
     */
    public static Repository openOrSeed(Path gitDir, String branch, Map<String, byte[]> files, PersonIdent identity)
            throws IOException {
        CommitGraphReads.enable();
        if (Files.exists(gitDir.resolve("HEAD"))) {
            return open(gitDir);
        }
        Files.createDirectories(gitDir);
        Repository repository = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build();
        repository.create(true);
        RefUpdate head = repository.getRefDatabase().newUpdate(Constants.HEAD, false);
        head.link(Constants.R_HEADS + branch);
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(file.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue()));
                builder.add(entry);
            }
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setAuthor(identity);
            commit.setCommitter(identity);
            commit.setMessage("Import sample content\n");
            ObjectId commitId = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
            update.setNewObjectId(commitId);
            update.setExpectedOldObjectId(ObjectId.zeroId());
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW) {
                throw new IOException("could not create branch " + branch + ": " + result);
            }
        }
        return repository;
    }
}
