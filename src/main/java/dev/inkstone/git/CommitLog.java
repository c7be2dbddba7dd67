package dev.inkstone.git;

import dev.inkstone.content.CommitInfo;
import dev.inkstone.content.CommitLogPage;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code git log [-- <path>]} from a commit, one page at a time: Git's date order and history simplification,
 * with each commit's real parents (not the simplified ones a path-limited walk would rewrite them to).
 */
final class CommitLog {

    private final Repository repository;

    CommitLog(Repository repository) {
        this.repository = repository;
    }

    CommitLogPage page(String from, String path, int skip, int limit) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(ObjectId.fromString(from)));
            if (path != null && !path.isEmpty()) {
                walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(path), TreeFilter.ANY_DIFF));
                walk.setRewriteParents(false);
            }
            List<CommitLogPage.Entry> entries = new ArrayList<>();
            int seen = 0;
            for (RevCommit commit : walk) {
                if (seen++ < skip) {
                    continue;
                }
                if (entries.size() == limit) {
                    return new CommitLogPage(entries, true);
                }
                entries.add(entry(commit));
            }
            return new CommitLogPage(entries, false);
        } catch (MissingObjectException e) {
            return new CommitLogPage(List.of(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CommitLogPage.Entry entry(RevCommit commit) {
        List<String> parents = new ArrayList<>();
        for (RevCommit parent : commit.getParents()) {
            parents.add(parent.name());
        }
        CommitInfo info = new CommitInfo(commit.name(), commit.getFullMessage().stripTrailing(), parents,
                signature(commit.getAuthorIdent()), signature(commit.getCommitterIdent()));
        return new CommitLogPage.Entry(info, commit.getTree().name());
    }

    private static CommitInfo.Signature signature(PersonIdent ident) {
        return new CommitInfo.Signature(ident.getName(), ident.getEmailAddress(), Commits.date(ident));
    }
}
