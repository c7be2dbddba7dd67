package dev.inkstone.content;

import java.util.List;

/** A stale edit overlaps changes made since its base; the regions let a client show all three versions. */
public final class EditConflictException extends RuntimeException {

    /** One overlapping region: the base text, the current text ("theirs") and the editor's text ("yours"). */
    public record Region(int baseStart, String base, String theirs, String yours) {
    }

    private final String path;
    private final String currentSha;
    private final List<Region> regions;

    public EditConflictException(String path, String currentSha, List<Region> regions) {
        super("your changes to " + path + " overlap changes made since you loaded it");
        this.path = path;
        this.currentSha = currentSha;
        this.regions = List.copyOf(regions);
    }

    public String path() {
        return path;
    }

    public String currentSha() {
        return currentSha;
    }

    public List<Region> regions() {
        return regions;
    }
}
