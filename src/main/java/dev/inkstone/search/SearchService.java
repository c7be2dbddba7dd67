package dev.inkstone.search;

import dev.inkstone.content.Breadcrumb;
import dev.inkstone.content.SiteService;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Full-text search over the pages of the branch tip: the service the search endpoint calls. */
public final class SearchService implements AutoCloseable {

    /** Best first; equal scores by path, which also makes the cursor exact. */
    private static final Sort ORDER = new Sort(SortField.FIELD_SCORE,
            new SortField(PageDocuments.PATH, SortField.Type.STRING));

    private final SearchIndex index;
    private final SearchIndexer indexer;
    private final PageAnalyzer queryAnalyzer = PageAnalyzer.forQuery();
    private final PageAnalyzer indexAnalyzer = PageAnalyzer.forIndex();

    public SearchService(SiteService sites, SearchSettings settings) {
        this.index = new SearchIndex(settings.folder());
        this.indexer = new SearchIndexer(sites, index, settings.executor(), settings.commitInterval(),
                settings.refreshDelay());
    }

    /** Opens or builds the index in the background; searches answer {@link SearchUnavailableException} until then. */
    public void start() {
        indexer.start();
    }

    /**
     * Tells the index the branch moved to {@code tip}, so it catches up before anyone searches. Commits that come
     * faster than the index follows are taken together, by one diff from the indexed revision to the newest tip.
     */
    public void tipMoved(String tip) {
        indexer.tipMoved();
    }

    /**
     * Calls {@code listener} with each revision as it becomes searchable (after a build, an update, an open), on the
     * indexer's thread and under its lock: keep it short. For benchmarks and tests that wait for an update.
     */
    public void onIndexed(Consumer<String> listener) {
        index.onPublished(listener);
    }

    /**
     * @throws SearchUnavailableException until the first build is done
     * @throws InvalidSearchException for a cursor that is not ours or a query too large to run
     */
    public SearchResults search(SearchRequest request) {
        Query query = query(request);
        FieldDoc after = request.cursor() == null ? null : SearchCursor.decode(request.cursor());
        try (IndexSnapshot snapshot = indexer.snapshot()) {
            IndexSearcher searcher = snapshot.searcher();
            TopFieldDocs top = searcher.search(query,
                    new TopFieldCollectorManager(ORDER, request.limit() + 1, after, Integer.MAX_VALUE));
            ScoreDoc[] hits = Arrays.copyOf(top.scoreDocs, Math.min(request.limit(), top.scoreDocs.length));
            List<List<String>> snippets = new SnippetHighlighter(searcher, indexAnalyzer).snippets(hits,
                    PageQueryParser.forHighlight(queryAnalyzer, PageDocuments.BODY).parse(request.query()),
                    PageQueryParser.forHighlight(queryAnalyzer, PageDocuments.SUMMARY).parse(request.query()));
            List<SearchHit> items = items(snapshot, hits, snippets);
            String next = null;
            if (top.scoreDocs.length > hits.length) {
                SearchHit last = items.get(items.size() - 1);
                next = SearchCursor.encode(last.score(), last.path());
            }
            return new SearchResults(request.query(), snapshot.revision(), top.totalHits.value, items, next);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidSearchException("the query has too many words; shorten it");
        } catch (IOException e) {
            throw indexer.damaged(e);
        }
    }

    private Query query(SearchRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(PageQueryParser.forSearch(queryAnalyzer).parse(request.query()), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(PageDocuments.HIDDEN, "true")), BooleanClause.Occur.MUST_NOT);
        if (!request.section().isEmpty()) {
            query.add(new TermQuery(new Term(PageDocuments.SECTION, request.section())), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    /** Titles and breadcrumbs come from the same index view as the hits, so they describe the same revision. */
    private static List<SearchHit> items(IndexSnapshot snapshot, ScoreDoc[] hits, List<List<String>> snippets)
            throws IOException {
        Map<String, List<String>> ancestors = new LinkedHashMap<>();
        for (ScoreDoc hit : hits) {
            String path = path((FieldDoc) hit);
            List<String> chain = new ArrayList<>();
            if (!path.isEmpty()) {
                chain.add("");
                chain.addAll(PageDocuments.sections(path));
            }
            ancestors.put(path, chain);
        }
        Set<String> wanted = new HashSet<>(ancestors.keySet());
        ancestors.values().forEach(wanted::addAll);
        Map<String, String> titles = snapshot.titles(wanted);
        List<SearchHit> items = new ArrayList<>(hits.length);
        for (int i = 0; i < hits.length; i++) {
            FieldDoc hit = (FieldDoc) hits[i];
            String path = path(hit);
            List<Breadcrumb> crumbs = ancestors.get(path).stream()
                    .filter(ancestor -> !ancestor.equals(path) && titles.containsKey(ancestor))
                    .map(ancestor -> new Breadcrumb(ancestor, titles.get(ancestor))).toList();
            items.add(new SearchHit(path, titles.getOrDefault(path, path), crumbs, (Float) hit.fields[0],
                    snippets.get(i)));
        }
        return items;
    }

    private static String path(FieldDoc hit) {
        return ((BytesRef) hit.fields[1]).utf8ToString();
    }

    SearchIndexer indexer() {
        return indexer;
    }

    @Override
    public void close() throws Exception {
        indexer.close();
    }
}
