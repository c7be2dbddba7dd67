package dev.inkstone.http;

import dev.inkstone.content.CommitSummary;
import dev.inkstone.content.HistoryService;
import dev.inkstone.content.Revision;
import dev.inkstone.content.SiteService;
import io.javalin.http.Context;

import java.util.List;

/** {@code GET /feed.atom}: recent changes as an Atom 1.0 feed (RFC 4287). */
public final class FeedController {

    private static final int ENTRIES = 30;

    private final SiteService sites;
    private final HistoryService history;
    private final String publicUrl;

    /** {@code publicUrl} null means: from the request's scheme and Host. */
    public FeedController(SiteService sites, HistoryService history, String publicUrl) {
        this.sites = sites;
        this.history = history;
        this.publicUrl = publicUrl;
    }

    public void get(Context ctx) {
        Revision tip = sites.resolve(null);
        String base = publicUrl != null ? publicUrl : ctx.scheme() + "://" + ctx.host();
        List<CommitSummary> commits = history.recent(tip, ENTRIES, null);
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <id>").append(escape(base + "/feed.atom")).append("</id>\n")
                .append("  <title>Inkstone: recent changes on ").append(escape(sites.store().branch()))
                .append("</title>\n")
                .append("  <updated>").append(commits.isEmpty() ? "1970-01-01T00:00:00Z" : commits.get(0).date())
                .append("</updated>\n")
                .append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
                .append(escape(base + "/feed.atom")).append("\"/>\n")
                .append("  <generator>Inkstone</generator>\n");
        for (CommitSummary commit : commits) {
            String subject = commit.message().lines().findFirst().orElse("(no message)");
            xml.append("  <entry>\n")
                    .append("    <id>urn:git:commit:").append(commit.commit()).append("</id>\n")
                    .append("    <title>").append(escape(subject)).append("</title>\n")
                    .append("    <updated>").append(commit.date()).append("</updated>\n")
                    .append("    <author><name>").append(escape(commit.author().name())).append("</name><email>")
                    .append(escape(commit.author().email())).append("</email></author>\n")
                    .append("    <link rel=\"alternate\" type=\"application/json\" href=\"")
                    .append(escape(base + "/api/commits/" + commit.commit())).append("\"/>\n")
                    .append("    <summary type=\"text\">").append(escape(summary(commit))).append("</summary>\n")
                    .append("  </entry>\n");
        }
        xml.append("</feed>\n");
        ctx.header("Cache-Control", Responses.REVALIDATE);
        ctx.contentType("application/atom+xml; charset=utf-8").result(xml.toString());
    }

    private static String summary(CommitSummary commit) {
        List<HistoryService.PageChange> pages = HistoryService.pagesOf(commit.files());
        if (pages.isEmpty()) {
            return commit.files().size() + " file(s) changed";
        }
        StringBuilder text = new StringBuilder();
        for (HistoryService.PageChange page : pages) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(page.change()).append(' ').append(page.path().isEmpty() ? "home page" : page.path());
        }
        return text.toString();
    }

    /** XML text escaping; control characters XML 1.0 forbids are dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
