/** Full-text search: the Lucene index of the branch tip, its analyzers and queries, and the indexer that follows commits. */
package dev.inkstone.search;
