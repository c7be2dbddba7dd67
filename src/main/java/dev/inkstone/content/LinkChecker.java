package dev.inkstone.content;

import java.util.ArrayList;
import java.util.List;

/** Checks a rendered page's local links against the pages and files of its revision. */
final class LinkChecker {

    private LinkChecker() {
    }

    static List<Problem> brokenLinks(Site site, String file, RenderedBody body) {
        List<Problem> broken = new ArrayList<>();
        for (RenderedBody.LinkTarget link : body.links()) {
            boolean exists = link.pagePath() != null
                    ? site.pages().containsKey(link.pagePath())
                    : site.files().containsKey(link.repoPath()) || site.pages().containsKey(link.repoPath());
            if (!exists) {
                broken.add(new Problem(file, link.line(), Problem.BROKEN_LINK,
                        "link to a missing " + (link.pagePath() != null ? "page" : "file") + ": " + link.repoPath()));
            }
        }
        return broken;
    }
}
