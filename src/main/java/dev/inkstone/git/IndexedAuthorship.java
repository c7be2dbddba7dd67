package dev.inkstone.git;

import dev.inkstone.content.Authorship;
import dev.inkstone.content.Person;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A file's authorship (its first commit, everyone who changed it) from the history index, the newest one kept per
 * path and extended incrementally: after an edit only the commits since the last known authorship are counted.
 * A page saved 10,000 times would otherwise count 10,000 commits for every answer that shows its authors (every
 * {@code PUT} answers with the page): measured as 8 % of a commit's CPU when 8 writers kept editing their pages.
 *
 * <p>Contributors are in the order a full count gives: most commits first, ties by most recent contribution.
 *
 * <p>Why a plain map and not a Caffeine cache: each tally is read once, by the next edit of its file, and a size-
 * bounded cache's admission policy turned most of those reads into misses (a write probe still spent 10 % of its CPU
 * here). One tally per path is bounded by the files the history holds, a few hundred bytes each.
 */
final class IndexedAuthorship {

    /**
     * A path's authorship as of its change {@code seq}: each author's commits, in the order first met walking back
     * from that change, and the oldest commit. Sequence numbers belong to one index (a rebuilt one is new).
     */
    private record Known(HistoryIndex index, int seq, Map<Person, Integer> commitsByAuthor,
                         HistoryIndex.CommitMeta first) {
    }

    private final Map<String, Known> newest = new ConcurrentHashMap<>();
    /** The index the kept tallies belong to; when it is replaced (history rewritten) they all go with it. */
    private volatile HistoryIndex owner;

    /** The authorship of {@code file} as of the commit with sequence number {@code maxSeq}. */
    Authorship of(HistoryIndex index, int maxSeq, String file) {
        if (owner != index) {
            synchronized (this) {
                if (owner != index) {
                    newest.clear();
                    owner = index;
                }
            }
        }
        Map<Person, Integer> commitsByAuthor = new LinkedHashMap<>();
        HistoryIndex.CommitMeta[] first = new HistoryIndex.CommitMeta[1];
        Known[] older = new Known[1];
        int[] latest = {-1};
        index.visitChanges(file, maxSeq, (seq, kind, path, other) -> {
            if (latest[0] < 0) {
                latest[0] = seq;
            }
            Known known = newest.get(path);
            if (known != null && known.seq() == seq && known.index() == index) {
                older[0] = known;
                return false;
            }
            HistoryIndex.CommitMeta meta = index.commit(seq);
            commitsByAuthor.merge(meta.author(), 1, Integer::sum);
            first[0] = meta;
            return true;
        });
        if (latest[0] < 0) {
            return Authorship.NONE;
        }
        if (older[0] != null) {
            older[0].commitsByAuthor()
                    .forEach((person, commits) -> commitsByAuthor.merge(person, commits, Integer::sum));
            first[0] = older[0].first();
        }
        Authorship authorship = Authorship.of(first[0].ref(), commitsByAuthor);
        if (owner != index) {
            return authorship; // the index was replaced meanwhile: nothing of the old one is kept
        }
        Known computed = new Known(index, latest[0], Collections.unmodifiableMap(commitsByAuthor), first[0]);
        // Only a newer change replaces what is kept: reading an old revision must not undo the incremental path.
        newest.merge(file, computed, (kept, fresh) -> kept.index() == index && kept.seq() >= fresh.seq() ? kept : fresh);
        return authorship;
    }
}
