package dev.inkstone.http.github;

import dev.inkstone.content.Change;
import dev.inkstone.content.CommitOutcome;
import dev.inkstone.content.CommitRequest;
import dev.inkstone.content.ContentBytes;
import dev.inkstone.content.ContentWriter;
import dev.inkstone.content.Guard;
import dev.inkstone.content.PagePath;
import dev.inkstone.content.PageHeader;
import dev.inkstone.content.Person;
import dev.inkstone.content.PreconditionException;
import dev.inkstone.content.Site;
import dev.inkstone.content.SiteService;
import dev.inkstone.content.WritePaths;

import java.util.List;

/**
 * Commits one file the way GitHub's Contents API does: strictly against the blob {@code sha} the client names, never
 * merged. A create must find nothing there, an update or delete must name the current blob; the writer checks both
 * again under its lock, so a write racing another one still fails rather than overwriting it.
 */
final class FileWrites {

    private final SiteService sites;
    private final ContentWriter writer;

    /** The commit a write made (the unchanged tip when the content was identical) and whether it created the file. */
    record Written(CommitOutcome outcome, boolean created) {
    }

    FileWrites(SiteService sites, ContentWriter writer) {
        this.sites = sites;
        this.writer = writer;
    }

    Written put(String rawPath, byte[] content, String sha, String message, Person author) {
        String path = WritePaths.check(rawPath);
        Site site = sites.site(sites.resolve(null));
        checkNoFolderInTheWay(site, path);
        if (sha == null && site.files().containsKey(path)) {
            throw GitHubException.missing("sha");
        }
        if (path.endsWith(".md")) {
            checkMarkdown(path, content);
        }
        Guard guard = sha == null ? Guard.ABSENT : Guard.strict(sha);
        return new Written(commit(new Change.Put(path, content, false, guard), message, author, sha), sha == null);
    }

    Written delete(String rawPath, String sha, String message, Person author) {
        String path = PagePath.of(rawPath).value();
        if (path.isEmpty() || !sites.site(sites.resolve(null)).files().containsKey(path)) {
            throw GitHubException.notFound();
        }
        if (sha == null) {
            throw GitHubException.missing("sha");
        }
        return new Written(commit(new Change.Delete(path, false, Guard.strict(sha)), message, author, sha), false);
    }

    private CommitOutcome commit(Change change, String message, Person author, String sha) {
        try {
            return writer.commit(new CommitRequest(List.of(change), message, author, null));
        } catch (PreconditionException e) {
            throw switch (e.reason()) {
                case EXISTS, REQUIRED -> GitHubException.missing("sha");
                case STRICT_MISMATCH, GONE -> new GitHubException(409, change.path() + " does not match " + sha);
                default -> new GitHubException(409, e.getMessage());
            };
        }
    }

    /** Git cannot hold a file and a folder of the same name, nor a file inside a file. */
    private static void checkNoFolderInTheWay(Site site, String path) {
        String folder = path + "/";
        if (site.files().keySet().stream().anyMatch(file -> file.startsWith(folder))) {
            throw GitHubException.invalid("\"" + path + "\" is a directory.");
        }
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String parent = path.substring(0, slash);
            if (site.files().containsKey(parent)) {
                throw GitHubException.invalid("\"" + parent + "\" is a file, so \"" + path + "\" cannot be created.");
            }
        }
    }

    /** Markdown is stored only as the native API stores it: UTF-8 text whose front matter parses. */
    private void checkMarkdown(String path, byte[] content) {
        String text = ContentBytes.utf8(content)
                .orElseThrow(() -> GitHubException.invalid(path + " is not valid UTF-8."));
        if (text.indexOf('\0') >= 0) {
            throw GitHubException.invalid(path + " is not text (it contains NUL bytes).");
        }
        PageHeader.SyntaxError error = sites.headerOf(path, text).frontMatterError();
        if (error != null) {
            throw GitHubException.invalid("the front matter of " + path + " does not parse at line " + error.line()
                    + ", column " + error.column() + ": " + error.message());
        }
    }
}
