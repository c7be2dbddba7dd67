package dev.inkstone.http;

import dev.inkstone.content.PagePath;
import dev.inkstone.content.Revision;
import dev.inkstone.search.InvalidSearchException;
import dev.inkstone.search.SearchRequest;
import dev.inkstone.search.SearchResults;
import dev.inkstone.search.SearchService;
import dev.inkstone.search.SearchUnavailableException;
import io.javalin.http.Context;

/** {@code GET /api/search}: full-text search over the pages of the branch tip. */
public final class SearchController {

    private static final int DEFAULT_LIMIT = 10;
    /** Enough for any question; longer text is a paste, and would only make a slow query. */
    static final int MAX_QUERY_CHARS = 256;

    private final SearchService search;

    public SearchController(SearchService search) {
        this.search = search;
    }

    public void get(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw new ApiException(ProblemType.INVALID_PARAMETER, "q is required: the words to search for");
        }
        if (q.length() > MAX_QUERY_CHARS) {
            throw new ApiException(ProblemType.INVALID_PARAMETER,
                    "q must be at most " + MAX_QUERY_CHARS + " characters, got " + q.length());
        }
        Integer limit = Params.integer(ctx, "limit", 1, 100);
        String cursor = ctx.queryParam("cursor");
        PagePath section = PagePath.of(ctx.queryParam("section"));
        SearchResults results;
        try {
            results = search.search(new SearchRequest(q, section.value(), limit == null ? DEFAULT_LIMIT : limit,
                    cursor == null || cursor.isEmpty() ? null : cursor));
        } catch (InvalidSearchException e) {
            throw new ApiException(ProblemType.INVALID_PARAMETER, e.getMessage());
        } catch (SearchUnavailableException e) {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            throw new ApiException(ProblemType.UNAVAILABLE, e.getMessage());
        }
        Responses.write(ctx, new Revision(results.revision(), false), CachedResponse.json(results));
    }
}
