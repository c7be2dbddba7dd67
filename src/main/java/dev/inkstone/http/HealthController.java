package dev.inkstone.http;

import dev.inkstone.content.SiteService;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code GET /api/health}: whether the service can read its branch. */
public final class HealthController {

    private final SiteService sites;
    private final BooleanSupplier workingTreeDirty;

    public HealthController(SiteService sites, BooleanSupplier workingTreeDirty) {
        this.sites = sites;
        this.workingTreeDirty = workingTreeDirty;
    }

    public void get(Context ctx) {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "ok");
        health.put("branch", sites.store().branch());
        health.put("revision", sites.resolve(null).commit());
        health.put("workingTreeDirty", workingTreeDirty.getAsBoolean());
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(CachedResponse.JSON).result(Json.bytes(health));
    }
}
