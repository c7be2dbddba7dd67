package dev.inkstone.content;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns editors' requests into commits: decides which file a page lives in, checks what will be stored, picks each
 * change's precondition, and answers with the page as the new commit serves it.
 */
public final class EditService {

    private static final int MAX_MESSAGE = 64 * 1024;

    private final SiteService sites;
    private final PageService pages;
    private final ContentWriter writer;

    public EditService(SiteService sites, PageService pages, ContentWriter writer) {
        this.sites = sites;
        this.pages = pages;
        this.writer = writer;
    }

    /** Whether a put of this page creates it (201) rather than updating it (200). */
    public boolean exists(PagePath path) {
        return sites.site(sites.resolve(null)).page(path.value()).filter(page -> !page.generated()).isPresent();
    }

    public WriteResult putPage(PagePath path, byte[] content, String sha, String ifMatch, String message,
                               Person author) {
        checkPagePath(path);
        Site site = sites.site(sites.resolve(null));
        Optional<SitePage> existing = site.page(path.value()).filter(page -> !page.generated());
        String file = existing.map(SitePage::sourcePath).orElseGet(() -> newPageFile(site, path));
        WritePaths.check(file);
        checkMarkdown(file, content);
        String verb = existing.isPresent() ? "Update " : "Create ";
        Change change = new Change.Put(file, content, true, guard(sha, ifMatch));
        return commit(List.of(change), message(message, verb + display(path)), author, null, path);
    }

    public WriteResult deletePage(PagePath path, String sha, String ifMatch, boolean recursive, String message,
                                  Person author) {
        Site site = sites.site(sites.resolve(null));
        SitePage page = site.page(path.value())
                .orElseThrow(() -> new NotFoundException(NotFoundException.What.PAGE, "no page at '" + path + "'"));
        if (path.isRoot()) {
            throw new PreconditionException(PreconditionException.Reason.NOT_EMPTY, "index.md", page.blobId(), null,
                    "the home page cannot be deleted");
        }
        if (!page.children().isEmpty() && !recursive) {
            throw new PreconditionException(PreconditionException.Reason.NOT_EMPTY, path.value(), page.blobId(), null,
                    "'" + path + "' is a section with " + page.children().size()
                            + " page(s) under it; pass recursive=true to delete them too");
        }
        Change change = page.generated()
                ? new Change.Delete(path.value(), true, Guard.NONE)
                : new Change.Delete(page.sourcePath(), recursive, guard(sha, ifMatch));
        return commit(List.of(change), message(message, "Delete " + display(path)), author, null, null);
    }

    public WriteResult move(PagePath from, PagePath to, String sha, String ifMatch, String message, Person author) {
        Site site = sites.site(sites.resolve(null));
        SitePage page = site.page(from.value()).filter(p -> !p.generated())
                .orElseThrow(() -> new NotFoundException(NotFoundException.What.PAGE, "no page at '" + from + "'"));
        if (from.isRoot() || to.isRoot()) {
            throw new PreconditionException(PreconditionException.Reason.EXISTS, "index.md", null, null,
                    "the home page cannot be moved or replaced by a move");
        }
        if (!page.children().isEmpty()) {
            throw new PreconditionException(PreconditionException.Reason.NOT_EMPTY, from.value(), page.blobId(), null,
                    "'" + from + "' is a section with pages under it; move those pages first");
        }
        if (site.pages().containsKey(to.value())) {
            throw new PreconditionException(PreconditionException.Reason.EXISTS, to.value(), null, null,
                    "a page already exists at '" + to + "'");
        }
        checkPagePath(to);
        String target = newPageFile(site, to);
        WritePaths.check(target);
        Change change = new Change.Move(page.sourcePath(), target, guard(sha, ifMatch));
        return commit(List.of(change), message(message, "Move " + display(from) + " to " + display(to)), author,
                null, to);
    }

    public WriteResult commitChanges(List<ChangeSpec> specs, String message, String base, Person author) {
        if (specs.isEmpty()) {
            throw new UnprocessableContentException("a changeset needs at least one change");
        }
        List<Change> changes = new ArrayList<>();
        for (ChangeSpec spec : specs) {
            String path = WritePaths.check(spec.path());
            Guard guard = spec.sha() == null ? Guard.NONE : Guard.base(spec.sha());
            switch (spec.op()) {
                case "put" -> {
                    if (spec.content() == null) {
                        throw new UnprocessableContentException("put of " + path + " needs content");
                    }
                    if (path.endsWith(".md")) {
                        checkMarkdown(path, spec.content());
                    }
                    changes.add(new Change.Put(path, spec.content(), spec.text() || path.endsWith(".md"), guard));
                }
                case "delete" -> changes.add(new Change.Delete(path, false, guard));
                case "move" -> {
                    if (spec.to() == null) {
                        throw new UnprocessableContentException("move of " + path + " needs 'to'");
                    }
                    changes.add(new Change.Move(path, WritePaths.check(spec.to()), guard));
                }
                default -> throw new UnprocessableContentException("op must be put, delete or move, got '"
                        + spec.op() + "'");
            }
        }
        if (base != null) {
            Revision resolved = sites.resolve(base);
            base = resolved.commit();
        }
        return commit(changes, message(message, "Update " + changes.size() + " file(s)"), author, base, null);
    }

    public WriteResult putFile(String rawPath, byte[] content, String sha, String message, Person author) {
        String path = WritePaths.check(rawPath);
        if (path.endsWith(".md")) {
            checkMarkdown(path, content);
        }
        boolean exists = sites.site(sites.resolve(null)).files().containsKey(path);
        Change change = new Change.Put(path, content, false, sha == null ? Guard.NONE : Guard.strict(sha));
        return commit(List.of(change), message(message, (exists ? "Update " : "Create ") + path), author, null, null);
    }

    public Page preview(PagePath path, String content) {
        return pages.preview(sites.resolve(null), path, content);
    }

    public static byte[] base64(String path, String encoded) {
        try {
            return Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableContentException(path + ": content is not valid base64");
        }
    }

    private WriteResult commit(List<Change> changes, String message, Person author, String base, PagePath page) {
        checkIdentity(author);
        // The page for the answer is rendered while the commit waits for the disk; used only if that commit is
        // the one that landed (a batch rebuilt on a moved branch gets new commits).
        AtomicReference<PreparedPage> prepared = new AtomicReference<>();
        CommitOutcome outcome = writer.commit(new CommitRequest(changes, message, author, base), built -> {
            if (page != null && built.commit() != null) {
                String sha = built.commit().sha();
                prepared.set(new PreparedPage(sha, pages.page(new Revision(sha, false), page)));
            }
        });
        Page answer = null;
        if (page != null && outcome.commit() != null) {
            PreparedPage early = prepared.get();
            answer = early != null && early.commit().equals(outcome.commit().sha()) ? early.page()
                    : pages.page(new Revision(outcome.commit().sha(), false), page);
        }
        return new WriteResult(outcome.commit(), answer, outcome.merged(), outcome.changed());
    }

    private record PreparedPage(String commit, Page page) {
    }

    private void checkMarkdown(String file, byte[] content) {
        String text = TextContent.decode(file, content);
        PageHeader header = sites.headerOfWrite(file, text, content);
        PageHeader.SyntaxError error = header.frontMatterError();
        if (error != null) {
            throw new UnprocessableContentException("front matter of " + file + " does not parse: "
                    + error.message(), error.line(), error.column());
        }
    }

    private static void checkPagePath(PagePath path) {
        if (!path.isRoot()) {
            WritePaths.check(path.value());
        }
    }

    /** Home is {@code index.md}; a page whose folder exists becomes that folder's index; else {@code path.md}. */
    private static String newPageFile(Site site, PagePath path) {
        if (path.isRoot()) {
            return "index.md";
        }
        String folder = path.value() + "/";
        boolean folderExists = site.files().keySet().stream().anyMatch(file -> file.startsWith(folder));
        return folderExists ? folder + "index.md" : path.value() + ".md";
    }

    private static Guard guard(String sha, String ifMatch) {
        if (ifMatch != null) {
            return Guard.strict(ifMatch);
        }
        return sha != null ? Guard.base(sha) : Guard.NONE;
    }

    private static String display(PagePath path) {
        return path.isRoot() ? "home page" : path.value();
    }

    private static String message(String given, String fallback) {
        String message = given == null || given.isBlank() ? fallback : given;
        if (message.indexOf('\0') >= 0) {
            throw new UnprocessableContentException("the commit message must not contain NUL");
        }
        if (message.length() > MAX_MESSAGE) {
            throw new UnprocessableContentException("the commit message is longer than " + MAX_MESSAGE + " characters");
        }
        return message;
    }

    /** Names and emails go into the commit header verbatim; a newline or angle bracket would forge its fields. */
    private static void checkIdentity(Person author) {
        for (String field : new String[]{author.name(), author.email()}) {
            if (field == null || field.isBlank() || field.chars().anyMatch(c -> c < 0x20 || c == '<' || c == '>')) {
                throw new UnprocessableContentException("author name and email must be non-empty, on one line, "
                        + "without '<' or '>'");
            }
        }
    }
}
