package dev.inkstone.git;

import dev.inkstone.content.EditConflictException;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeChunk;
import org.eclipse.jgit.merge.MergeResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Line-based three-way merge with JGit's histogram diff; byte-exact, CRLF and missing final newlines kept. */
final class TextMerge {

    private static final int BASE = 0;

    private TextMerge() {
    }

    /** The merged bytes, or the conflicting regions when the two sides overlap. */
    record Result(byte[] merged, List<EditConflictException.Region> conflicts) {
    }

    static Result merge(byte[] base, byte[] theirs, byte[] yours) {
        MergeAlgorithm algorithm = new MergeAlgorithm(
                DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM));
        MergeResult<RawText> result = algorithm.merge(RawTextComparator.DEFAULT,
                new RawText(base), new RawText(theirs), new RawText(yours));
        List<RawText> sequences = result.getSequences();
        if (result.containsConflicts()) {
            return new Result(null, regions(result, sequences));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(theirs.length, yours.length));
        for (MergeChunk chunk : result) {
            write(out, sequences.get(chunk.getSequenceIndex()), chunk.getBegin(), chunk.getEnd());
        }
        return new Result(out.toByteArray(), List.of());
    }

    private static List<EditConflictException.Region> regions(MergeResult<RawText> result, List<RawText> sequences) {
        List<EditConflictException.Region> regions = new ArrayList<>();
        String base = "";
        String theirs = null;
        int baseStart = 0;
        for (MergeChunk chunk : result) {
            RawText text = sequences.get(chunk.getSequenceIndex());
            switch (chunk.getConflictState()) {
                case FIRST_CONFLICTING_RANGE -> {
                    theirs = text(text, chunk);
                    base = "";
                }
                case BASE_CONFLICTING_RANGE -> {
                    base = text(text, chunk);
                    baseStart = chunk.getBegin() + 1;
                }
                case NEXT_CONFLICTING_RANGE -> {
                    regions.add(new EditConflictException.Region(baseStart, base,
                            Optional.ofNullable(theirs).orElse(""), text(text, chunk)));
                    theirs = null;
                }
                case NO_CONFLICT -> {
                    if (chunk.getSequenceIndex() == BASE) {
                        baseStart = chunk.getEnd() + 1;
                    }
                }
            }
        }
        return regions;
    }

    private static String text(RawText text, MergeChunk chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, text, chunk.getBegin(), chunk.getEnd());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, RawText text, int begin, int end) {
        try {
            for (int line = begin; line < end; line++) {
                text.writeLine(out, line);
                if (line < text.size() - 1 || !text.isMissingNewlineAtEnd()) {
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
