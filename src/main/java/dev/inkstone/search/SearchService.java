package dev.inkstone.search;

import dev.inkstone.content.Breadcrumb;
import dev.inkstone.content.Revision;
import dev.inkstone.content.Site;
import dev.inkstone.content.SitePage;
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
import java.util.List;

/** Full-text search over the pages of the branch tip: the service the search endpoint calls. */
public final class SearchService implements AutoCloseable {

    /** Best first; equal scores by path, which also makes the cursor exact. */
    private static final Sort ORDER = new Sort(SortField.FIELD_SCORE,
            new SortField(PageDocuments.PATH, SortField.Type.STRING));

    private final SiteService sites;
    private final SearchIndexer indexer;
    private final PageAnalyzer queryAnalyzer = PageAnalyzer.forQuery();
    private final PageAnalyzer indexAnalyzer = PageAnalyzer.forIndex();

    public SearchService(SiteService sites, SearchSettings settings) {
        this.sites = sites;
        this.indexer = new SearchIndexer(sites, new SearchIndex(settings.folder()), settings.executor());
    }

    /** Opens or builds the index in the background; searches answer {@link SearchUnavailableException} until then. */
    public void start() {
        indexer.start();
    }

    /** Tells the index the branch moved to {@code tip}, so it catches up before anyone searches. */
    public void tipMoved(String tip) {
        indexer.tipMoved();
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
            List<List<String>> snippets = new SnippetHighlighter(searcher, indexAnalyzer).snippets(query, hits);
            Site site = sites.site(new Revision(snapshot.revision(), false));
            List<SearchHit> items = new ArrayList<>(hits.length);
            for (int i = 0; i < hits.length; i++) {
                items.add(hit(site, (FieldDoc) hits[i], snippets.get(i)));
            }
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
        Query text = new PageQueryParser(queryAnalyzer).parse(request.query());
        if (request.section().isEmpty()) {
            return text;
        }
        return new BooleanQuery.Builder()
                .add(text, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(PageDocuments.SECTION, request.section())), BooleanClause.Occur.FILTER)
                .build();
    }

    private static SearchHit hit(Site site, FieldDoc doc, List<String> snippets) {
        String path = ((BytesRef) doc.fields[1]).utf8ToString();
        float score = (Float) doc.fields[0];
        SitePage page = site.pages().get(path);
        if (page == null) {
            return new SearchHit(path, path, List.of(), score, snippets);
        }
        List<Breadcrumb> crumbs = site.ancestors(page).stream()
                .map(ancestor -> new Breadcrumb(ancestor.path(), ancestor.info().title())).toList();
        return new SearchHit(path, page.info().title(), crumbs, score, snippets);
    }

    SearchIndexer indexer() {
        return indexer;
    }

    @Override
    public void close() throws Exception {
        indexer.close();
    }
}
