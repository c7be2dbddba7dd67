package dev.inkstone.http.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.inkstone.content.CommitInfo;
import dev.inkstone.content.CommitLogPage;
import dev.inkstone.content.FileChange;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** GitHub's commit shapes: the Git commit of a write answer, and the items of the commit list and commit endpoints. */
final class CommitObjects {

    private CommitObjects() {
    }

    record Signature(String name, String email, String date) {
    }

    record TreeRef(String sha, String url) {
    }

    record ParentRef(String sha, String url, @JsonProperty("html_url") String htmlUrl) {
    }

    /** The {@code commit} of a contents write: a Git commit object. */
    record GitCommit(String sha, String url, @JsonProperty("html_url") String htmlUrl, Signature author,
                     Signature committer, String message, TreeRef tree, List<ParentRef> parents) {
    }

    /** The Git part of a commit-list item. */
    record Detail(Signature author, Signature committer, String message, TreeRef tree, String url,
                  @JsonProperty("comment_count") int commentCount) {
    }

    /**
     * An item of {@code GET /commits}. GitHub's top-level {@code author} and {@code committer} are GitHub accounts
     * matched by email; Inkstone has none to match, so they are null as GitHub's are for unknown emails.
     */
    record Item(String sha, Detail commit, String url, @JsonProperty("html_url") String htmlUrl, Object author,
                Object committer, List<ParentRef> parents) {
    }

    /** {@code GET /commits/{ref}}: the item with the files the commit changed against its first parent. */
    record Full(String sha, Detail commit, String url, @JsonProperty("html_url") String htmlUrl, Object author,
                Object committer, List<ParentRef> parents, List<ChangedFile> files) {
    }

    record ChangedFile(String sha, String filename, String status, @JsonProperty("raw_url") String rawUrl,
                       @JsonProperty("contents_url") String contentsUrl) {
    }

    static GitCommit git(CommitLogPage.Entry entry, GitHubUrls urls) {
        CommitInfo info = entry.commit();
        return new GitCommit(info.sha(), urls.gitCommit(info.sha()), urls.commit(info.sha()),
                signature(info.author()), signature(info.committer()), info.message(),
                new TreeRef(entry.tree(), urls.tree(entry.tree())), parents(info, urls));
    }

    static Item item(CommitLogPage.Entry entry, GitHubUrls urls) {
        CommitInfo info = entry.commit();
        return new Item(info.sha(), detail(entry, urls), urls.commit(info.sha()), urls.commit(info.sha()), null, null,
                parents(info, urls));
    }

    static Full full(CommitLogPage.Entry entry, List<FileChange> changes, GitHubUrls urls) {
        Item item = item(entry, urls);
        List<ChangedFile> files = changes.stream().map(change -> changedFile(change, entry.commit().sha(), urls))
                .toList();
        return new Full(item.sha(), item.commit(), item.url(), item.htmlUrl(), null, null, item.parents(), files);
    }

    private static Detail detail(CommitLogPage.Entry entry, GitHubUrls urls) {
        CommitInfo info = entry.commit();
        return new Detail(signature(info.author()), signature(info.committer()), info.message(),
                new TreeRef(entry.tree(), urls.tree(entry.tree())), urls.gitCommit(info.sha()), 0);
    }

    private static ChangedFile changedFile(FileChange change, String commit, GitHubUrls urls) {
        String status = change.added() ? "added" : change.deleted() ? "removed" : "modified";
        String sha = change.deleted() ? change.oldBlobId() : change.newBlobId();
        String ref = change.deleted() ? null : commit;
        return new ChangedFile(sha, change.path(), status, ref == null ? null : urls.download(change.path(), ref),
                ref == null ? null : urls.contents(change.path(), ref));
    }

    private static List<ParentRef> parents(CommitInfo info, GitHubUrls urls) {
        return info.parents().stream().map(sha -> new ParentRef(sha, urls.commit(sha), urls.commit(sha))).toList();
    }

    private static Signature signature(CommitInfo.Signature signature) {
        return new Signature(signature.name(), signature.email(), utc(signature.date()));
    }

    /** GitHub writes commit dates in UTC with a Z. */
    static String utc(String rfc3339) {
        return OffsetDateTime.parse(rfc3339).withOffsetSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ISO_INSTANT);
    }
}
