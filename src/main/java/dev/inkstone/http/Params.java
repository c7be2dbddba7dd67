package dev.inkstone.http;

import io.javalin.http.Context;

/** Query parameters parsed strictly: a malformed value is a 400, never silently ignored. */
final class Params {

    private Params() {
    }

    static String ref(Context ctx) {
        String ref = ctx.queryParam("ref");
        return ref == null || ref.isEmpty() ? null : ref;
    }

    static Integer integer(Context ctx, String name, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw new ApiException(ProblemType.INVALID_PARAMETER,
                        name + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiException(ProblemType.INVALID_PARAMETER, name + " must be an integer, got '" + raw + "'");
        }
    }

    static boolean bool(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty() || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw new ApiException(ProblemType.INVALID_PARAMETER, name + " must be true or false, got '" + raw + "'");
    }
}
