package dev.inkstone.search;

/** A search request that cannot be answered as asked: a cursor that is not ours, a query too large to run. */
public final class InvalidSearchException extends RuntimeException {

    InvalidSearchException(String message) {
        super(message);
    }
}
