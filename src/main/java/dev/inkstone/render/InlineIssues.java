package dev.inkstone.render;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataKey;
import java.util.ArrayList;
import java.util.List;

/** Problems the parser extensions find while flexmark parses one document; kept in the document itself. */
final class InlineIssues {

    /** What went wrong and where, as an offset in the parsed text. */
    record Issue(String message, int offset) {
    }

    private static final DataKey<List<Issue>> KEY = new DataKey<>("INKSTONE_ISSUES", List.of());

    private InlineIssues() {
    }

    static void report(Document document, String message, int offset) {
        List<Issue> issues = KEY.get(document);
        if (issues.isEmpty()) {
            issues = new ArrayList<>();
            document.set(KEY, issues);
        }
        issues.add(new Issue(message, offset));
    }

    static List<Issue> of(Document document) {
        return KEY.get(document);
    }
}
