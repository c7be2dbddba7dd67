package dev.inkstone.content;

/** A file that differs between two revisions; a rename shows as a delete and an add. Absent blobs are null. */
public record FileChange(String path, String oldBlobId, String newBlobId) {

    public boolean added() {
        return oldBlobId == null;
    }

    public boolean deleted() {
        return newBlobId == null;
    }
}
