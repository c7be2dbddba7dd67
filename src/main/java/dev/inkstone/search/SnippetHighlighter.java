package dev.inkstone.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Snippets of the hits from Lucene's unified highlighter: up to two passages of the body where the query matched
 * (words and grams together, from the offsets in the postings); else the subtitle and summary where they matched;
 * else the start of the body, so every hit with text shows some.
 */
final class SnippetHighlighter extends UnifiedHighlighter {

    /** Highlighting reads at most this much of a body; matches further down still rank the page. */
    private static final int MAX_CHARS = 200_000;

    SnippetHighlighter(IndexSearcher searcher, Analyzer indexAnalyzer) {
        super(UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withFormatter(new SnippetFormatter())
                .withMaskedFieldsFunc(field -> Set.of(field + PageAnalyzer.GRAMS))
                .withMaxNoHighlightPassages(1)
                .withMaxLength(MAX_CHARS));
    }

    /** The snippets of each hit, in the order of {@code hits}, marked by the queries of body and summary. */
    List<List<String>> snippets(ScoreDoc[] hits, Query bodyQuery, Query summaryQuery) throws IOException {
        Object[] bodies = highlight(PageDocuments.BODY, 2, bodyQuery, ids(hits, i -> true));
        // Subtitles and summaries are read only for the hits whose body did not match.
        int[] rest = ids(hits, i -> !marked(bodies[i]));
        Object[] summaries = highlight(PageDocuments.SUMMARY, 1, summaryQuery, rest);
        List<List<String>> snippets = new ArrayList<>(hits.length);
        for (int i = 0, r = 0; i < hits.length; i++) {
            SnippetFormatter.Snippets body = (SnippetFormatter.Snippets) bodies[i];
            if (marked(body)) {
                snippets.add(body.texts());
                continue;
            }
            SnippetFormatter.Snippets summary = (SnippetFormatter.Snippets) summaries[r++];
            boolean noBody = body == null || body.texts().isEmpty();
            if (summary != null && (summary.marked() || noBody)) {
                snippets.add(summary.texts());
            } else {
                snippets.add(noBody ? List.of() : body.texts());
            }
        }
        return snippets;
    }

    private Object[] highlight(String field, int passages, Query query, int[] docs) throws IOException {
        if (docs.length == 0) {
            return new Object[0];
        }
        return highlightFieldsAsObjects(new String[] {field}, query, docs, new int[] {passages}).get(field);
    }

    private static int[] ids(ScoreDoc[] hits, IntPredicate which) {
        return IntStream.range(0, hits.length).filter(which).map(i -> hits[i].doc).toArray();
    }

    private static boolean marked(Object snippets) {
        return snippets != null && ((SnippetFormatter.Snippets) snippets).marked();
    }
}
