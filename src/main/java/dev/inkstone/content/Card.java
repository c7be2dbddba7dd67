package dev.inkstone.content;

/** A child page shown as a card on its section page. */
public record Card(String path, String title, String summary, String icon) {
}
