package dev.inkstone.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Snippets of the hits from Lucene's unified highlighter: up to two passages of the body where the query matched
 * (words and grams together, from the offsets in the postings); else the subtitle and summary where they matched;
 * else the start of the body, so every hit with text shows some.
 */
final class SnippetHighlighter extends UnifiedHighlighter {

    private static final String[] FIELDS = {PageDocuments.BODY, PageDocuments.SUMMARY};
    private static final int[] PASSAGES = {2, 1};
    /** Highlighting reads at most this much of a body; matches further down still rank the page. */
    private static final int MAX_CHARS = 200_000;

    SnippetHighlighter(IndexSearcher searcher, Analyzer indexAnalyzer) {
        super(UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withFormatter(new SnippetFormatter())
                .withMaskedFieldsFunc(field -> Set.of(field + PageAnalyzer.GRAMS))
                .withMaxNoHighlightPassages(1)
                .withMaxLength(MAX_CHARS));
    }

    /** The snippets of each hit, in the order of {@code hits}. */
    List<List<String>> snippets(Query query, ScoreDoc[] hits) throws IOException {
        int[] docs = new int[hits.length];
        for (int i = 0; i < hits.length; i++) {
            docs[i] = hits[i].doc;
        }
        Map<String, Object[]> found = highlightFieldsAsObjects(FIELDS, query, docs, PASSAGES);
        List<List<String>> snippets = new ArrayList<>(hits.length);
        for (int i = 0; i < hits.length; i++) {
            SnippetFormatter.Snippets body = (SnippetFormatter.Snippets) found.get(PageDocuments.BODY)[i];
            SnippetFormatter.Snippets summary = (SnippetFormatter.Snippets) found.get(PageDocuments.SUMMARY)[i];
            snippets.add(choose(body, summary));
        }
        return snippets;
    }

    private static List<String> choose(SnippetFormatter.Snippets body, SnippetFormatter.Snippets summary) {
        if (body != null && body.marked()) {
            return body.texts();
        }
        if (summary != null && (summary.marked() || body == null || body.texts().isEmpty())) {
            return summary.texts();
        }
        return body == null ? List.of() : body.texts();
    }
}
