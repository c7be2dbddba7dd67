package dev.inkstone.content;

/** Something asked for by name does not exist at the revision; {@link #what} says which kind of thing. */
public final class NotFoundException extends RuntimeException {

    public enum What { PAGE, FILE, REF }

    private final What what;

    public NotFoundException(What what, String message) {
        super(message);
        this.what = what;
    }

    public What what() {
        return what;
    }
}
