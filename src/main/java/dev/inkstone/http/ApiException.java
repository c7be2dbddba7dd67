package dev.inkstone.http;

/** An error found while reading the request, answered as the given problem type. */
public final class ApiException extends RuntimeException {

    private final ProblemType type;

    public ApiException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }
}
