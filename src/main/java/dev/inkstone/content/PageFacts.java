package dev.inkstone.content;

import java.util.List;

/**
 * What one Markdown file says about its page, whatever revision it appears in: the interpreted front matter and
 * the problems found in it. It depends only on the file's path and blob, so it is computed once per (blob, path)
 * and shared by every revision's site; a new revision re-reads only the files that changed.
 */
public record PageFacts(PageInfo info, List<Problem> problems) {
}
