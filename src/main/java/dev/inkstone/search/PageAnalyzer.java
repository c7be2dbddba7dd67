package dev.inkstone.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analysis of every text field, by field name. A plain name ({@code body}) gets Lucene's SmartChineseAnalyzer:
 * dictionary words for Chinese, Porter-stemmed words for English. The same name with {@link #GRAMS} gets
 * overlapping CJK bigrams and unstemmed other words, so text the dictionary does not know still matches and
 * prefixes match surface forms. The index side adds single CJK characters to the grams; the query side does not,
 * so a query of two or more characters is a phrase of bigrams.
 */
final class PageAnalyzer extends AnalyzerWrapper {

    static final String GRAMS = ".grams";
    /** Values of a multi-valued field (tags, headings) are this far apart, so phrases never span two of them. */
    private static final int VALUE_GAP = 100;
    /** Words longer than this are noise (base64, hashes) and could exceed Lucene's term limit in smartcn. */
    private static final int MAX_WORD = 255;

    private final Analyzer words = new SmartChineseAnalyzer();
    private final Analyzer grams;

    private PageAnalyzer(boolean unigrams) {
        super(PER_FIELD_REUSE_STRATEGY);
        this.grams = new Grams(unigrams);
    }

    /** The analyzer documents are indexed with. */
    static PageAnalyzer forIndex() {
        return new PageAnalyzer(true);
    }

    /** The analyzer queries are analyzed with. */
    static PageAnalyzer forQuery() {
        return new PageAnalyzer(false);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return fieldName.endsWith(GRAMS) ? grams : words;
    }

    @Override
    protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
        if (fieldName.endsWith(GRAMS)) {
            return components;
        }
        return new TokenStreamComponents(components.getSource(),
                new LengthFilter(components.getTokenStream(), 1, MAX_WORD));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return VALUE_GAP;
    }

    /** CJK bigrams (and, for the index, unigrams) over Unicode word segmentation; other words lowercased only. */
    private static final class Grams extends Analyzer {

        private final boolean unigrams;

        Grams(boolean unigrams) {
            this.unigrams = unigrams;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(new CJKWidthFilter(source));
            stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                    | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams);
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(new CJKWidthFilter(in));
        }
    }
}
