package dev.inkstone.search;

import dev.inkstone.content.PageInfo;
import dev.inkstone.content.SitePage;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a page's document. Each text field is indexed twice, as dictionary words ({@code body}) and as
 * CJK grams ({@code body.grams}); see {@link PageAnalyzer}. Body and summary keep their text and offsets, for
 * snippets.
 */
final class PageDocuments {

    static final String PATH = "path";
    /** The page's path and every ancestor's, so a section filter is one term. */
    static final String SECTION = "section";
    /** Present, as "true", on pages with {@code hidden: true}: kept for breadcrumbs, left out of results. */
    static final String HIDDEN = "hidden";
    static final String TITLE = "title";
    /** The title as written, in doc values: read for hits and breadcrumbs without decompressing stored bodies. */
    static final String TITLE_VALUE = "title.value";
    static final String TAGS = "tags";
    static final String HEADINGS = "headings";
    /** Subtitle and summary: the page's own description of itself. */
    static final String SUMMARY = "summary";
    static final String BODY = "body";
    static final List<String> TEXT_FIELDS = List.of(TITLE, TAGS, HEADINGS, SUMMARY, BODY);

    private static final FieldType SHOWN = new FieldType(TextField.TYPE_STORED);
    private static final FieldType MATCHED = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        SHOWN.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        SHOWN.freeze();
        MATCHED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        MATCHED.freeze();
    }

    private PageDocuments() {
    }

    static Term id(String path) {
        return new Term(PATH, path);
    }

    /** The document of a page; a generated section has only its title and path. */
    static Document of(SitePage page, PageText text) {
        PageInfo info = page.info();
        Document doc = new Document();
        doc.add(new StringField(PATH, page.path(), Field.Store.YES));
        doc.add(new SortedDocValuesField(PATH, new BytesRef(page.path())));
        for (String section : sections(page.path())) {
            doc.add(new StringField(SECTION, section, Field.Store.NO));
        }
        if (info.hidden()) {
            doc.add(new StringField(HIDDEN, "true", Field.Store.NO));
        }
        doc.add(new BinaryDocValuesField(TITLE_VALUE, new BytesRef(info.title())));
        text(doc, TITLE, info.title(), TextField.TYPE_NOT_STORED);
        info.tags().forEach(tag -> text(doc, TAGS, tag, TextField.TYPE_NOT_STORED));
        text.headings().forEach(heading -> text(doc, HEADINGS, heading, TextField.TYPE_NOT_STORED));
        text(doc, SUMMARY, info.subtitle(), SHOWN);
        text(doc, SUMMARY, info.summary(), SHOWN);
        text(doc, BODY, text.body(), SHOWN);
        return doc;
    }

    private static void text(Document doc, String field, String value, FieldType type) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(new Field(field, value, type));
        doc.add(new Field(field + PageAnalyzer.GRAMS, value, type == SHOWN ? MATCHED : TextField.TYPE_NOT_STORED));
    }

    /** {@code a/b/c} → a, a/b, a/b/c; the home page is in no section but the whole site. */
    static List<String> sections(String path) {
        List<String> sections = new ArrayList<>();
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            sections.add(path.substring(0, slash));
        }
        if (!path.isEmpty()) {
            sections.add(path);
        }
        return sections;
    }
}
