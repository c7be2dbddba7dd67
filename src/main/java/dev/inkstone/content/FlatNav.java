package dev.inkstone.content;

import java.util.List;

/** The navigation as a list in nav order, for sites too large to ship as one nested tree. */
public record FlatNav(String revision, List<Entry> pages) {

    public record Entry(String path, String title, String navTitle, String icon, Integer order, String parent) {
    }
}
