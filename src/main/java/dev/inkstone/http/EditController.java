package dev.inkstone.http;

import dev.inkstone.auth.Role;
import dev.inkstone.content.ChangeSpec;
import dev.inkstone.content.EditService;
import dev.inkstone.content.PagePath;
import dev.inkstone.content.Person;
import dev.inkstone.content.WriteResult;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The write endpoints: pages, moves, changesets, file uploads, and the render preview. */
public final class EditController {

    private final EditService edits;
    private final Authenticator auth;
    private final Limits limits;

    /** Body limits in bytes: pages and JSON requests, and raw file uploads. */
    public record Limits(long pageBytes, long fileBytes) {
    }

    public EditController(EditService edits, Authenticator auth, Limits limits) {
        this.edits = edits;
        this.auth = auth;
        this.limits = limits;
    }

    public void putPage(Context ctx) {
        Person author = author(ctx);
        PagePath path = RequestPaths.after(ctx, PageController.PREFIX);
        WriteRequests.PutPage body = Bodies.json(ctx, limits.pageBytes(), WriteRequests.PutPage.class);
        byte[] content = Bodies.required(body.content(), "content").getBytes(StandardCharsets.UTF_8);
        boolean existed = edits.exists(path);
        WriteResult result = edits.putPage(path, content, blank(body.sha()), ifMatch(ctx), body.message(), author);
        answer(ctx, existed || !result.changed() ? 200 : 201, result);
    }

    public void deletePage(Context ctx) {
        Person author = author(ctx);
        PagePath path = RequestPaths.after(ctx, PageController.PREFIX);
        WriteResult result = edits.deletePage(path, blank(ctx.queryParam("sha")), ifMatch(ctx),
                Params.bool(ctx, "recursive"), ctx.queryParam("message"), author);
        answer(ctx, 200, result);
    }

    public void move(Context ctx) {
        Person author = author(ctx);
        WriteRequests.Move body = Bodies.json(ctx, limits.pageBytes(), WriteRequests.Move.class);
        PagePath from = PagePath.of(Bodies.required(body.from(), "from"));
        PagePath to = PagePath.of(Bodies.required(body.to(), "to"));
        WriteResult result = edits.move(from, to, blank(body.sha()), ifMatch(ctx), body.message(), author);
        answer(ctx, 200, result);
    }

    public void commit(Context ctx) {
        Person author = author(ctx);
        WriteRequests.ChangeSet body = Bodies.json(ctx, limits.fileBytes(), WriteRequests.ChangeSet.class);
        List<ChangeSpec> specs = new ArrayList<>();
        for (WriteRequests.ChangeItem item : Bodies.required(body.changes(), "changes")) {
            String path = Bodies.required(item.path(), "changes[].path");
            String encoding = item.encoding() == null ? "utf-8" : item.encoding();
            byte[] content = null;
            if (item.content() != null) {
                content = switch (encoding) {
                    case "utf-8" -> item.content().getBytes(StandardCharsets.UTF_8);
                    case "base64" -> EditService.base64(path, item.content());
                    default -> throw new ApiException(ProblemType.BAD_REQUEST,
                            "encoding must be utf-8 or base64, got '" + encoding + "'");
                };
            }
            specs.add(new ChangeSpec(Bodies.required(item.op(), "changes[].op"), path, content,
                    encoding.equals("utf-8"), blank(item.sha()), item.to()));
        }
        answer(ctx, 200, edits.commitChanges(specs, body.message(), blank(body.base()), author));
    }

    public void putFile(Context ctx) {
        Person author = author(ctx);
        PagePath path = RequestPaths.after(ctx, RawController.FILES_PREFIX);
        byte[] content = Bodies.read(ctx, limits.fileBytes());
        String sha = blank(ctx.queryParam("sha"));
        if (sha == null) {
            sha = ifMatch(ctx);
        }
        WriteResult result = edits.putFile(path.value(), content, sha, ctx.queryParam("message"), author);
        String url = RawController.FILES_PREFIX + "/" + RequestPaths.encode(path.value());
        ctx.header("Location", url);
        ctx.status(sha == null && result.changed() ? 201 : 200).contentType(CachedResponse.JSON)
                .result(Json.bytes(new FileWriteResponse(result, url)));
    }

    public void render(Context ctx) {
        WriteRequests.Render body = Bodies.json(ctx, limits.pageBytes(), WriteRequests.Render.class);
        PagePath path = PagePath.of(body.path() == null ? "" : body.path());
        ctx.contentType(CachedResponse.JSON).result(Json.bytes(
                edits.preview(path, Bodies.required(body.content(), "content"))));
    }

    private Person author(Context ctx) {
        return Authenticator.person(auth.require(ctx, Role.EDITOR));
    }

    private static void answer(Context ctx, int status, WriteResult result) {
        ctx.status(status).contentType(CachedResponse.JSON).result(Json.bytes(result));
    }

    /** The blob id an If-Match header names, quotes and weakness stripped; "*" means any existing version. */
    private static String ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null || header.isBlank()) {
            return null;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        return tag;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A file write also says where the file can be read. */
    record FileWriteResponse(Object commit, Object page, boolean merged, boolean changed, String url) {
        FileWriteResponse(WriteResult result, String url) {
            this(result.commit(), null, result.merged(), result.changed(), url);
        }
    }
}
