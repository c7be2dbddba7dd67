package dev.inkstone.http.github;

/** An error answered in GitHub's shape: {@code {"message", "documentation_url"}} with GitHub's status and wording. */
final class GitHubException extends RuntimeException {

    private final int status;

    GitHubException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static GitHubException notFound() {
        return new GitHubException(404, "Not Found");
    }

    /** GitHub's 422 for a request that parses but cannot be done. */
    static GitHubException invalid(String detail) {
        return new GitHubException(422, "Invalid request.\n\n" + detail);
    }

    /** GitHub's 422 for a required field that is missing. */
    static GitHubException missing(String field) {
        return invalid("\"" + field + "\" wasn't supplied.");
    }
}
