package dev.inkstone.render;

/**
 * A relative link or image in the Markdown, resolved against the source file's folder.
 *
 * @param repoPath the target's path in the repository, without query or fragment
 * @param pagePath the target page's path when it is a Markdown page or a page path, otherwise null
 * @param line     1-based line within the whole source file, front matter included
 * @param image    whether the link is an image
 */
public record LocalLink(String repoPath, String pagePath, int line, boolean image) {
}
