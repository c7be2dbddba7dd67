package dev.inkstone.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.inkstone.content.CacheBudget;
import dev.inkstone.content.Revision;

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
        return entries.get(revision.commit() + '\u0000' + key, ignored -> CachedResponse.json(answer.get()));
    }
}
