package dev.inkstone.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.Version;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The Lucene index in its folder: one writer, and a published reader that searches share. Each commit records the
 * Git revision it describes and the format it was built with, so a restart resumes from there and an index
 * built by another version is recognised and rebuilt. The indexer serializes the changes and commits; only a
 * build adds documents from several threads at once.
 */
final class SearchIndex implements Closeable {

    /** Bump whenever fields or analysis change: indexes of another format are rebuilt, never mixed. */
    static final String FORMAT = "inkstone-search-2/lucene-" + Version.LATEST;
    static final String FORMAT_KEY = "format";
    static final String REVISION_KEY = "revision";
    private static final long COMMIT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Path folder;
    private final PageAnalyzer analyzer = PageAnalyzer.forIndex();
    private final AtomicReference<Published> published = new AtomicReference<>();

    private Directory directory;
    private volatile IndexWriter writer;
    private long lastDurable = System.nanoTime();

    /** The reader searches use, with the revision it shows. */
    private record Published(DirectoryReader reader, String revision, IndexWriter writer) {
    }

    SearchIndex(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /**
     * Opens the index on disk if it is of this format and every file passes its checksum, and publishes it.
     * Empty when there is none to use: missing, damaged or of another format.
     */
    Optional<String> open() {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Directory dir = null;
        IndexWriter opened = null;
        DirectoryReader reader = null;
        try {
            dir = directory(folder);
            if (!DirectoryReader.indexExists(dir)) {
                dir.close();
                return Optional.empty();
            }
            Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
            String revision = data.get(REVISION_KEY);
            if (!FORMAT.equals(data.get(FORMAT_KEY)) || revision == null) {
                dir.close();
                return Optional.empty();
            }
            opened = new IndexWriter(dir, config(IndexWriterConfig.OpenMode.APPEND));
            reader = DirectoryReader.open(opened);
            for (LeafReaderContext leaf : reader.leaves()) {
                leaf.reader().checkIntegrity();
            }
            closeWriter();
            directory = dir;
            writer = opened;
            publish(reader, revision);
            return Optional.of(revision);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(reader, opened, dir);
            return Optional.empty();
        }
    }

    /** Throws away whatever is on disk and starts an empty index; searches keep the published reader meanwhile. */
    void startOver() throws IOException {
        closeWriter();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    if (!file.equals(folder)) {
                        Files.delete(file);
                    }
                }
            }
        }
        Files.createDirectories(folder);
        directory = directory(folder);
        writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
    }

    /** Adds a page to an index being built from nothing; thread-safe. */
    void add(Document doc) throws IOException {
        writer.addDocument(doc);
    }

    /** Replaces the page's document, or adds it. */
    void put(String path, Document doc) throws IOException {
        writer.updateDocument(PageDocuments.id(path), doc);
    }

    void remove(String path) throws IOException {
        writer.deleteDocuments(PageDocuments.id(path));
    }

    /**
     * Makes the changes visible to searches that start from now on, labelled with their revision. They are made
     * durable when {@code durable} or when the last durable commit is older than {@link #COMMIT_INTERVAL_NANOS}
     * (and on close): a restart resumes from the last durable revision and catches up by diff, so fsyncing every
     * small update would buy nothing.
     */
    void commit(String revision, boolean durable) throws IOException {
        writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT, REVISION_KEY, revision).entrySet());
        if (durable || System.nanoTime() - lastDurable > COMMIT_INTERVAL_NANOS) {
            writer.commit();
            lastDurable = System.nanoTime();
        }
        Published current = published.get();
        DirectoryReader reader = current != null && current.writer() == writer
                ? DirectoryReader.openIfChanged(current.reader(), writer) : DirectoryReader.open(writer);
        publish(reader != null ? reader : incRef(current.reader()), revision);
    }

    private static DirectoryReader incRef(DirectoryReader reader) {
        reader.incRef();
        return reader;
    }

    private void publish(DirectoryReader reader, String revision) throws IOException {
        Published previous = published.getAndSet(new Published(reader, revision, writer));
        if (previous != null) {
            previous.reader().decRef();
        }
    }

    /** The revision searches see, or null before the first build. */
    String revision() {
        Published current = published.get();
        return current == null ? null : current.revision();
    }

    /** The published view, or empty before the first build; close what you get. */
    Optional<IndexSnapshot> acquire() {
        while (true) {
            Published current = published.get();
            if (current == null) {
                return Optional.empty();
            }
            if (current.reader().tryIncRef()) {
                return Optional.of(new IndexSnapshot(current.reader(), current.revision()));
            }
        }
    }

    /** Whether the folder still holds the writer's lock: false when someone deleted the index under us. */
    boolean onDisk() {
        return writer == null || Files.isRegularFile(folder.resolve(IndexWriter.WRITE_LOCK_NAME));
    }

    /** Segments a small update flushes stay in memory until a commit or merge writes them: reopening is cheap. */
    private static Directory directory(Path folder) throws IOException {
        return new NRTCachingDirectory(FSDirectory.open(folder), 8, 64);
    }

    private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(mode);
        return config;
    }

    /** Closing commits what is pending; a writer that cannot is replaced anyway, and the next start catches up. */
    private void closeWriter() {
        IOUtils.closeWhileHandlingException(writer, directory);
        writer = null;
        directory = null;
    }

    @Override
    public void close() throws IOException {
        Published last = published.getAndSet(null);
        try {
            if (last != null) {
                last.reader().decRef();
            }
        } finally {
            closeWriter();
        }
    }
}
