package dev.inkstone.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;

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

    @Override
    public void close() {
        try {
            reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
