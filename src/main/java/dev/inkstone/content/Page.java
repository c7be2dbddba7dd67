package dev.inkstone.content;

import java.util.List;
import java.util.Map;

/** A page as the API serves it; every field is always present, null or empty when there is nothing. */
public record Page(String path, String title, String navTitle, String subtitle, String summary, String icon,
                   List<String> tags, Map<String, Object> meta, String html, List<TocItem> toc,
                   List<Breadcrumb> breadcrumbs, List<Card> children, String sourcePath, String sha,
                   String revision, CommitRef updated, CommitRef created, List<Authorship.Contributor> contributors,
                   List<String> warnings) {

    /** The warning of a page whose history ({@code updated}, {@code created}, {@code contributors}) is not known. */
    public static final String HISTORY_PENDING = "the history index is still being built: what history does not "
            + "know yet (updated, created, contributors) is left empty until it is ready";

    /** An answer to serve but not to keep: it will say more once the history index is ready. */
    public boolean provisional() {
        return warnings.contains(HISTORY_PENDING);
    }
}
