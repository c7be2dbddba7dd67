package dev.inkstone.http.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.inkstone.content.ContentBytes;
import dev.inkstone.content.Person;
import dev.inkstone.http.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * The JSON bodies of contents writes, read as GitHub reads them: unknown fields are ignored (clients send extras),
 * a body that does not parse is 400 "Problems parsing JSON", a missing or malformed field is 422.
 */
final class ContentsRequests {

    private static final int MAX_MESSAGE = 64 * 1024;

    private ContentsRequests() {
    }

    /** A person in a write request; GitHub also takes a {@code date}, which Inkstone does not use. */
    record Identity(String name, String email, String date) {
    }

    /** {@code PUT /contents/{path}}; also the body of a delete, which carries no content. */
    record Write(String message, String content, String sha, String branch, Identity committer, Identity author) {
    }

    static Write parse(byte[] body) {
        Write empty = new Write(null, null, null, null, null, null);
        String text = ContentBytes.utf8(body).orElseThrow(() -> new GitHubException(400, "Problems parsing JSON"));
        if (text.isBlank()) {
            return empty;
        }
        ObjectReader reader = Json.MAPPER.readerFor(Write.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            Write write = reader.readValue(body);
            return write == null ? empty : write;
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
            if (field == null) {
                throw new GitHubException(400, "Problems parsing JSON");
            }
            throw GitHubException.invalid("For 'properties/" + field + "', the value has the wrong type.");
        } catch (JsonProcessingException e) {
            throw new GitHubException(400, "Problems parsing JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String message(Write body) {
        String message = body.message();
        if (message == null || message.isBlank()) {
            throw GitHubException.missing("message");
        }
        if (message.indexOf('\0') >= 0 || message.length() > MAX_MESSAGE) {
            throw GitHubException.invalid("the commit message must not contain NUL or be longer than " + MAX_MESSAGE
                    + " characters.");
        }
        return message;
    }

    /** Base64 as clients send it, with or without GitHub's line breaks; anything else is refused. */
    static byte[] content(Write body) {
        if (body.content() == null) {
            throw GitHubException.missing("content");
        }
        try {
            return Base64.getDecoder().decode(body.content().replaceAll("[\\r\\n\\t ]", ""));
        } catch (IllegalArgumentException e) {
            throw GitHubException.invalid("content is not valid Base64.");
        }
    }

    /** The body's {@code author}, else its {@code committer}, else the token's user. */
    static Person author(Write body, Person caller) {
        Identity given = body.author() != null ? body.author() : body.committer();
        if (given == null) {
            return caller;
        }
        String which = body.author() != null ? "author" : "committer";
        if (given.name() == null || given.name().isBlank()) {
            throw GitHubException.invalid("\"name\" wasn't supplied for the " + which + ".");
        }
        if (given.email() == null || given.email().isBlank()) {
            throw GitHubException.invalid("\"email\" wasn't supplied for the " + which + ".");
        }
        // Names and emails go into the commit header verbatim; a newline or angle bracket would forge its fields.
        for (String field : new String[]{given.name(), given.email()}) {
            if (field.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '<' || c == '>')) {
                throw GitHubException.invalid("the " + which + "'s name and email must be on one line, without '<'"
                        + " or '>'.");
            }
        }
        return new Person(given.name().strip(), given.email().strip());
    }

    static String sha(Write body) {
        return body.sha() == null || body.sha().isBlank() ? null : body.sha().trim();
    }
}
