package dev.inkstone.content;

import java.util.List;

/** A unified diff of one file between two commits, with its hunks split into lines. */
public record FileDiff(String from, String to, Stats stats, String unified, List<Hunk> hunks) {

    public record Stats(int added, int removed) {
    }

    public record Hunk(int oldStart, int oldLines, int newStart, int newLines, List<Line> lines) {
    }

    public record Line(String type, String text) {
    }
}
