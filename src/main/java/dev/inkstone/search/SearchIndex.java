package dev.inkstone.search;

import dev.inkstone.content.CacheBudget;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The Lucene index in its folder: one writer, and a published near-real-time reader that searches share. Updates
 * are published without an fsync; a durable commit, made now and then, records the Git revision it holds and the
 * format it was built with, so a restart resumes from there (and catches up by diff) and an index built by another
 * version is recognised and rebuilt. The indexer serializes the changes and commits; only a build adds documents
 * from several threads at once.
 */
final class SearchIndex implements Closeable {

    /** Bump whenever fields or analysis change: indexes of another format are rebuilt, never mixed. */
    static final String FORMAT = "inkstone-search-2/lucene-" + Version.LATEST;
    static final String FORMAT_KEY = "format";
    static final String REVISION_KEY = "revision";
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    private final Path folder;
    private final PageAnalyzer analyzer = PageAnalyzer.forIndex();
    private final AtomicReference<Published> published = new AtomicReference<>();

    private Directory directory;
    private volatile IndexWriter writer;
    private volatile String durableRevision;
    private volatile Consumer<String> listener = revision -> { };
    private volatile long lastDurable = System.nanoTime();

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
            durableRevision = revision;
            lastDurable = System.nanoTime();
            publish(reader, revision);
            return Optional.of(revision);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(reader, opened, dir);
            return Optional.empty();
        }
    }

    /** Throws away whatever is on disk and starts an empty index; searches keep the published reader meanwhile. */
    void startOver() throws IOException {
        IOUtils.closeWhileHandlingException(writer, directory);
        writer = null;
        directory = null;
        durableRevision = null;
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
     * Makes the changes so far visible to searches that start from now on, labelled with their revision: a
     * near-real-time reader from the writer, no fsync. {@link #commitDurably()} makes them survive a restart.
     */
    void publish(String revision) throws IOException {
        Published current = published.get();
        DirectoryReader reader = current != null && current.writer() == writer
                ? DirectoryReader.openIfChanged(current.reader(), writer) : DirectoryReader.open(writer);
        publish(reader != null ? reader : incRef(current.reader()), revision);
    }

    /**
     * Ends a build: merges the build's segments into one, so that no large merge runs later beside the small
     * updates (and queries visit one segment), then publishes and commits it.
     */
    void finishBuild(String revision) throws IOException {
        writer.forceMerge(1);
        publish(revision);
        commitDurably();
    }

    /**
     * Commits what searches see to disk, with its revision and format in the commit data: a restart resumes from
     * here and catches up by tree diff. The caller holds the indexer's lock, so no change of a later revision is
     * half-way in the writer: the commit holds exactly the published revision.
     */
    void commitDurably() throws IOException {
        Published current = published.get();
        if (current == null || current.writer() != writer || current.revision().equals(durableRevision)) {
            return;
        }
        writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT, REVISION_KEY, current.revision()).entrySet());
        writer.commit();
        durableRevision = current.revision();
        lastDurable = System.nanoTime();
    }

    /** Whether searches see a revision that is not on disk yet and the last durable commit is {@code interval} old. */
    boolean commitDue(Duration interval) {
        Published current = published.get();
        return current != null && current.writer() == writer && !current.revision().equals(durableRevision)
                && System.nanoTime() - lastDurable >= interval.toNanos();
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
        listener.accept(revision);
    }

    /** Tells {@code listener} each revision as searches start to see it, on the indexer's thread. */
    void onPublished(Consumer<String> listener) {
        this.listener = listener;
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

    /**
     * Segments a small update flushes stay in memory until a commit or merge writes them: reopening is cheap. The
     * cache is a share of the heap ({@link CacheBudget#searchSegmentBytes}, a sixteenth, 8 MiB at the recommended
     * 128 MiB): it was a fixed 64 MB, and under a steady stream of edits (no pause, so no durable commit) it filled
     * towards that, which at a 128 MiB heap left 100 MB live after every full GC and writes at a fifth of their
     * rate. A 32nd was too little the other way: the first build's segments went to the file system and the first
     * nav after a start on 10,000 pages came 1.1 s later (interleaved starts, bench notes in the README).
     */
    private static Directory directory(Path folder) throws IOException {
        double cachedMb = Math.max(1, CacheBudget.searchSegmentBytes() / (1024.0 * 1024.0));
        return new NRTCachingDirectory(FSDirectory.open(folder), Math.min(8, cachedMb), cachedMb);
    }

    private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(mode);
        // Nothing reaches the disk as a commit but through commitDurably(), which labels it with its revision.
        config.setCommitOnClose(false);
        return config;
    }

    /**
     * Commits what searches see, if it came from this writer, and closes it; anything else in the writer (a build
     * cut short) is dropped. A writer that cannot commit is closed anyway: the next start catches up from the last
     * durable commit, or rebuilds.
     */
    private void closeWriter() {
        try {
            if (writer != null) {
                commitDurably();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not commit the search index in {} on close; the next start catches up", folder, e);
        }
        IOUtils.closeWhileHandlingException(writer, directory);
        writer = null;
        directory = null;
    }

    /** Drops the writer without committing (it was opened with commit-on-close off), as a killed process would. */
    void abandon() throws IOException {
        Published last = published.getAndSet(null);
        if (last != null) {
            last.reader().decRef();
        }
        IOUtils.close(writer, directory);
        writer = null;
        directory = null;
    }

    @Override
    public void close() throws IOException {
        try {
            closeWriter();
        } finally {
            Published last = published.getAndSet(null);
            if (last != null) {
                last.reader().decRef();
            }
        }
    }
}
