package dev.inkstone.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Turns what a reader types into a query over every text field. Words are all required, each in any field
 * ({@code LoRA 微调}); {@code "quoted phrases"} must appear as written; {@code -word} excludes; {@code word*}
 * matches a prefix. Lenient by construction: an unbalanced quote or a stray operator is read as a plain word,
 * nothing the user types is an error.
 */
final class PageQueryParser extends SimpleQueryParser {

    private static final int FLAGS = PHRASE_OPERATOR | PREFIX_OPERATOR | NOT_OPERATOR | WHITESPACE_OPERATOR
            | ESCAPE_OPERATOR;
    /** How much a match counts by field: title most, body least; grams a little less than dictionary words. */
    static final Map<String, Float> WEIGHTS = weights();
    /** A word matched in several fields scores its best field plus this share of the others. */
    private static final float TIE_BREAKER = 0.3f;
    /** A longer run of words (pasted text) is searched as written only, so the query stays small. */
    private static final int MAX_WORDS_IN_RUN = 16;

    private final List<String> fields;
    private final BooleanClause.Occur eachWord;

    private PageQueryParser(PageAnalyzer queryAnalyzer, List<String> fields, BooleanClause.Occur eachWord) {
        super(queryAnalyzer, WEIGHTS, FLAGS);
        this.fields = fields;
        this.eachWord = eachWord;
        setDefaultOperator(eachWord);
    }

    /** The query that finds pages: every word required, each in any text field. */
    static PageQueryParser forSearch(PageAnalyzer queryAnalyzer) {
        return new PageQueryParser(queryAnalyzer, PageDocuments.TEXT_FIELDS, BooleanClause.Occur.MUST);
    }

    /**
     * The query a highlighter marks one field with: any of the words, in that field only. Smaller than the search
     * query, and it matches a hit whose other words are in other fields, so their offsets are still found.
     */
    static PageQueryParser forHighlight(PageAnalyzer queryAnalyzer, String field) {
        return new PageQueryParser(queryAnalyzer, List.of(field), BooleanClause.Occur.SHOULD);
    }

    private static Map<String, Float> weights() {
        Map<String, Float> weights = new LinkedHashMap<>();
        Map<String, Float> fields = Map.of(PageDocuments.TITLE, 8f, PageDocuments.TAGS, 5f,
                PageDocuments.HEADINGS, 3f, PageDocuments.SUMMARY, 3f, PageDocuments.BODY, 1f);
        for (String field : PageDocuments.TEXT_FIELDS) {
            weights.put(field, fields.get(field));
            weights.put(field + PageAnalyzer.GRAMS, fields.get(field) * 0.8f);
        }
        return Map.copyOf(weights);
    }

    /** Reads full-width spaces and typographic quotes as the operators they look like. */
    @Override
    public Query parse(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        text.codePoints().forEach(c -> plain.appendCodePoint(Character.isWhitespace(c) || Character.isSpaceChar(c)
                ? ' ' : c == '“' || c == '”' || c == '„' || c == '＂' ? '"' : c));
        return super.parse(plain.toString());
    }

    /**
     * What the reader typed between spaces. A run the dictionary splits into several words ({@code 注意力机制原理},
     * {@code LoRA微调}) means all of them, each in any field, and scores higher where the run appears as written.
     */
    @Override
    protected Query newDefaultQuery(String text) {
        List<String> words = words(text);
        if (words.size() <= 1) {
            return anyField(text, this::word);
        }
        Query asWritten = newPhraseQuery(text, 0);
        if (words.size() > MAX_WORDS_IN_RUN) {
            return asWritten;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            Query query = anyField(word, this::word);
            if (query != null) {
                all.add(query, eachWord);
            }
        }
        if (asWritten != null) {
            all.add(asWritten, BooleanClause.Occur.SHOULD);
        }
        return all.build();
    }

    /** One word in one field: its tokens as a phrase (one token for a dictionary word, bigrams for the grams). */
    private Query word(String field, String word) {
        return createPhraseQuery(field, word);
    }

    /** The dictionary words of a run, as written in it. */
    private List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = getAnalyzer().tokenStream(PageDocuments.BODY, text)) {
            OffsetAttribute offsets = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String word = text.substring(offsets.startOffset(), offsets.endOffset());
                if (!words.contains(word)) {
                    words.add(word);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    @Override
    protected Query newPhraseQuery(String text, int slop) {
        return anyField(text, (field, phrase) -> createPhraseQuery(field, phrase, slop));
    }

    /** Prefixes match the surface forms in the grams fields; a CJK "prefix" has no word boundary, so it is a word. */
    @Override
    protected Query newPrefixQuery(String text) {
        Query word = createPhraseQuery(PageDocuments.BODY + PageAnalyzer.GRAMS, text);
        BytesRef prefix = getAnalyzer().normalize(PageDocuments.BODY + PageAnalyzer.GRAMS, text);
        if (!(word instanceof TermQuery term) || !term.getTerm().bytes().equals(prefix)) {
            return newDefaultQuery(text);
        }
        return anyField(text, (field, value) -> field.endsWith(PageAnalyzer.GRAMS)
                ? new PrefixQuery(new Term(field, prefix)) : null);
    }

    private Query anyField(String text, BiFunction<String, String, Query> perField) {
        List<Query> queries = new ArrayList<>();
        for (String field : fields) {
            for (String name : List.of(field, field + PageAnalyzer.GRAMS)) {
                Query query = perField.apply(name, text);
                if (query != null) {
                    queries.add(new BoostQuery(query, weights.get(name)));
                }
            }
        }
        return queries.isEmpty() ? null : new DisjunctionMaxQuery(queries, TIE_BREAKER);
    }
}
