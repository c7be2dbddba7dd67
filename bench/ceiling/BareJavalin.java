import io.javalin.Javalin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The framework's ceiling for a cached read: Javalin answering fixed bytes read once at start.
 *
 * <pre>java -cp inkstone.jar:DIR BareJavalin PORT FILE [/url/path=FILE ...]</pre>
 *
 * FILE answers every GET path; each {@code /url/path=FILE} answers that exact path instead. The answer carries
 * the headers Inkstone's cached read sends (JSON type, a strong ETag, {@code Cache-Control: no-cache}) so that
 * the comparison is byte for byte and header for header, and writes them the way Inkstone does, so that the ratio
 * measures Inkstone's read path alone.
 */
public final class BareJavalin {

    private record Answer(byte[] body, String etag) {
        static Answer of(String file) throws Exception {
            byte[] body = Files.readAllBytes(Path.of(file));
            byte[] md5 = MessageDigest.getInstance("MD5").digest(body);
            return new Answer(body, "\"" + HexFormat.of().formatHex(md5) + "\"");
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Answer fallback = Answer.of(args[1]);
        Map<String, Answer> routes = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            routes.put(args[i].substring(0, eq), Answer.of(args[i].substring(eq + 1)));
        }
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.generateEtags = false;
            config.jetty.port = port;
            config.jetty.host = "127.0.0.1";
            config.routes.get("/*", ctx -> {
                Answer answer = routes.getOrDefault(ctx.path(), fallback);
                ctx.header("ETag", answer.etag());
                ctx.header("Cache-Control", "no-cache");
                ctx.contentType("application/json");
                // Written as Inkstone writes ready bytes (Responses.writeBody): straight to the response stream,
                // not ctx.result(), which copies them through a fresh 32 KiB buffer per request.
                ctx.outputStream().write(answer.body());
            });
        }).start();
    }
}
