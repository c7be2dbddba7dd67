package dev.inkstone.git;

import dev.inkstone.content.FileDiff;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A file's unified diff between two commits with JGit's histogram algorithm, as {@code git diff} counts it. */
final class FileDiffer {

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");

    private final Repository repository;

    FileDiffer(Repository repository) {
        this.repository = repository;
    }

    FileDiff diff(String file, String fromCommit, String fromFile, String toCommit) {
        try {
            RawText before = new RawText(read(fromCommit, fromFile));
            RawText after = new RawText(read(toCommit, file));
            EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                    .diff(RawTextComparator.DEFAULT, before, after);
            int added = 0;
            int removed = 0;
            for (Edit edit : edits) {
                added += edit.getLengthB();
                removed += edit.getLengthA();
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (DiffFormatter formatter = new DiffFormatter(body)) {
                formatter.setContext(3);
                formatter.format(edits, before, after);
            }
            String hunks = body.toString(StandardCharsets.UTF_8);
            String header = "--- " + (fromFile == null ? "/dev/null" : "a/" + fromFile) + "\n"
                    + "+++ " + (file == null ? "/dev/null" : "b/" + file) + "\n";
            String unified = edits.isEmpty() ? "" : header + hunks;
            return new FileDiff(fromCommit, toCommit, new FileDiff.Stats(added, removed), unified, parse(hunks));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] read(String commit, String file) throws IOException {
        if (commit == null || file == null) {
            return new byte[0];
        }
        try (RevWalk walk = new RevWalk(repository);
             TreeWalk treeWalk = TreeWalk.forPath(repository, file,
                     walk.parseCommit(ObjectId.fromString(commit)).getTree())) {
            if (treeWalk == null) {
                return new byte[0];
            }
            return repository.open(treeWalk.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
        }
    }

    private static List<FileDiff.Hunk> parse(String hunks) {
        List<FileDiff.Hunk> parsed = new ArrayList<>();
        List<FileDiff.Line> lines = null;
        int[] header = null;
        for (String line : hunks.split("\n", -1)) {
            Matcher matcher = HUNK.matcher(line);
            if (matcher.matches()) {
                if (header != null) {
                    parsed.add(hunk(header, lines));
                }
                header = new int[]{Integer.parseInt(matcher.group(1)), count(matcher.group(2)),
                        Integer.parseInt(matcher.group(3)), count(matcher.group(4))};
                lines = new ArrayList<>();
            } else if (lines != null && !line.isEmpty()) {
                char kind = line.charAt(0);
                String text = line.substring(1);
                switch (kind) {
                    case ' ' -> lines.add(new FileDiff.Line("context", text));
                    case '+' -> lines.add(new FileDiff.Line("add", text));
                    case '-' -> lines.add(new FileDiff.Line("remove", text));
                    default -> {
                        // "\ No newline at end of file" belongs to the line before it
                    }
                }
            }
        }
        if (header != null) {
            parsed.add(hunk(header, lines));
        }
        return parsed;
    }

    private static int count(String group) {
        return group == null ? 1 : Integer.parseInt(group);
    }

    private static FileDiff.Hunk hunk(int[] header, List<FileDiff.Line> lines) {
        return new FileDiff.Hunk(header[0], header[1], header[2], header[3], List.copyOf(lines));
    }
}
