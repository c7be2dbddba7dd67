/** Markdown to safe HTML: front matter, heading ids, table of contents, link rewriting and sanitizing. */
package dev.inkstone.render;
