package dev.inkstone.content;

/**
 * The precondition a change carries. {@code STRICT} is HTTP's If-Match: any difference fails. {@code BASE} names
 * the blob the editor started from: a stale base is merged three-way. {@code ABSENT} requires that nothing exists
 * yet; {@code NONE} is an unguarded write of a path that does not exist.
 */
public record Guard(Mode mode, String blobId) {

    public enum Mode { NONE, STRICT, BASE, ABSENT }

    public static final Guard NONE = new Guard(Mode.NONE, null);
    public static final Guard ABSENT = new Guard(Mode.ABSENT, null);

    public static Guard strict(String blobId) {
        return new Guard(Mode.STRICT, blobId);
    }

    public static Guard base(String blobId) {
        return new Guard(Mode.BASE, blobId);
    }
}
