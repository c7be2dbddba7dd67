package dev.inkstone.search;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** A point-in-time view of the index and the commit it describes; close it to let the reader go. */
final class IndexSnapshot implements AutoCloseable {

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final String revision;

    IndexSnapshot(DirectoryReader reader, String revision) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.revision = revision;
    }

    IndexSearcher searcher() {
        return searcher;
    }

    String revision() {
        return revision;
    }

    /** Whether the page has a document here. */
    boolean contains(String path) throws IOException {
        return searcher.count(new TermQuery(PageDocuments.id(path))) > 0;
    }

    /** The titles of those pages that have a document here, by path. */
    Map<String, String> titles(Collection<String> paths) throws IOException {
        Map<String, String> titles = new HashMap<>();
        if (paths.isEmpty()) {
            return titles;
        }
        Query query = new TermInSetQuery(PageDocuments.PATH, paths.stream().map(BytesRef::new).toList());
        for (ScoreDoc hit : searcher.search(query, paths.size()).scoreDocs) {
            describe(hit.doc, (path, title) -> titles.put(path, title));
        }
        return titles;
    }

    /** Every page here as "path: title", "(hidden)" appended where so, in path order: the index's view of the site. */
    List<String> pages() throws IOException {
        Set<Integer> hidden = new HashSet<>();
        for (ScoreDoc hit : searcher.search(new TermQuery(new Term(PageDocuments.HIDDEN, "true")),
                Math.max(1, reader.numDocs())).scoreDocs) {
            hidden.add(hit.doc);
        }
        List<String> pages = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(new MatchAllDocsQuery(), Math.max(1, reader.numDocs())).scoreDocs) {
            describe(hit.doc, (path, title) -> pages.add(path + ": " + title
                    + (hidden.contains(hit.doc) ? " (hidden)" : "")));
        }
        pages.sort(null);
        return pages;
    }

    /** Path and title of a document, from doc values. */
    private void describe(int doc, BiConsumer<String, String> consumer) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        SortedDocValues path = DocValues.getSorted(leaf.reader(), PageDocuments.PATH);
        BinaryDocValues title = DocValues.getBinary(leaf.reader(), PageDocuments.TITLE_VALUE);
        int local = doc - leaf.docBase;
        if (path.advanceExact(local) && title.advanceExact(local)) {
            consumer.accept(path.lookupOrd(path.ordValue()).utf8ToString(), title.binaryValue().utf8ToString());
        }
    }

    @Override
    public void close() {
        try {
            reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
