package dev.inkstone.git;

import dev.inkstone.content.Authorship;
import dev.inkstone.content.CommitRef;
import dev.inkstone.content.Person;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** Contributors in the order they were first met walking back from the newest change, with their counts. */
    private record Tally(List<Person> people, List<Integer> commits, HistoryIndex.CommitMeta first) {
    }

    /** A path's tally as of its change {@code seq}; sequence numbers belong to one index (a rebuilt one is new). */
    private record Known(HistoryIndex index, int seq, Tally tally) {
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
        Map<Person, int[]> counts = new LinkedHashMap<>();
        HistoryIndex.CommitMeta[] first = new HistoryIndex.CommitMeta[1];
        Tally[] older = new Tally[1];
        int[] latest = {-1};
        index.visitChanges(file, maxSeq, (seq, kind, path, other) -> {
            if (latest[0] < 0) {
                latest[0] = seq;
            }
            Known known = newest.get(path);
            if (known != null && known.seq() == seq && known.index() == index) {
                older[0] = known.tally();
                return false;
            }
            HistoryIndex.CommitMeta meta = index.commit(seq);
            counts.computeIfAbsent(new Person(meta.authorName(), meta.authorEmail()), p -> new int[1])[0]++;
            first[0] = meta;
            return true;
        });
        if (latest[0] < 0) {
            return Authorship.NONE;
        }
        if (older[0] != null) {
            List<Person> people = older[0].people();
            for (int i = 0; i < people.size(); i++) {
                counts.computeIfAbsent(people.get(i), p -> new int[1])[0] += older[0].commits().get(i);
            }
            first[0] = older[0].first();
        }
        List<Person> people = new ArrayList<>(counts.keySet());
        List<Integer> commits = people.stream().map(person -> counts.get(person)[0]).toList();
        Tally tally = new Tally(List.copyOf(people), commits, first[0]);
        if (owner != index) {
            return authorship(tally); // the index was replaced meanwhile: nothing of the old one is kept
        }
        Known computed = new Known(index, latest[0], tally);
        // Only a newer change replaces what is kept: reading an old revision must not undo the incremental path.
        newest.merge(file, computed, (kept, fresh) -> kept.index() == index && kept.seq() >= fresh.seq() ? kept : fresh);
        return authorship(tally);
    }

    private static Authorship authorship(Tally tally) {
        List<Authorship.Contributor> contributors = new ArrayList<>();
        for (int i = 0; i < tally.people().size(); i++) {
            Person person = tally.people().get(i);
            contributors.add(new Authorship.Contributor(person.name(), person.email(), tally.commits().get(i)));
        }
        // Stable: equal counts keep the order of first appearance, newest first.
        contributors.sort((a, b) -> Integer.compare(b.commits(), a.commits()));
        HistoryIndex.CommitMeta first = tally.first();
        return new Authorship(new CommitRef(first.id().name(), GitHistoryStore.date(first),
                new Person(first.authorName(), first.authorEmail())), contributors);
    }
}
