package dev.inkstone.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.inkstone.content.CacheBudget;
import dev.inkstone.content.Revision;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Finished answers keyed by commit id and request, so a repeated read is a map lookup and a write of ready bytes.
 * Commit ids are immutable, so an entry can never be stale; a moved branch simply asks for a new key.
 */
public final class ResponseCache {

    private final Cache<String, CachedResponse> entries = Caffeine.newBuilder()
            .maximumWeight(CacheBudget.responseBytes())
            .weigher((String key, CachedResponse value) -> value.body().length + key.length() * 2 + 64)
            .build();

    public CachedResponse get(Revision revision, String key, Supplier<Object> answer) {
        return get(revision, key, answer, value -> true);
    }

    /**
     * Like {@link #get}, but an answer that {@code keep} refuses is served without being kept (one that will say
     * more later, e.g. a page read before the history index is ready). Concurrent first reads still compute once.
     */
    public <T> CachedResponse get(Revision revision, String key, Supplier<T> answer, Predicate<T> keep) {
        try {
            return entries.get(revision.commit() + '\u0000' + key, ignored -> {
                T value = answer.get();
                CachedResponse response = CachedResponse.json(value);
                if (!keep.test(value)) {
                    throw new NotKept(response);
                }
                return response;
            });
        } catch (NotKept e) {
            return e.response;
        }
    }

    /** Carries an answer out of the cache's loader without the cache keeping it. */
    private static final class NotKept extends RuntimeException {
        private final transient CachedResponse response;

        NotKept(CachedResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}
