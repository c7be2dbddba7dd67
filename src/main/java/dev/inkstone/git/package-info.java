/** The JGit implementation of the content store: ref resolution, tree and blob reads, history passes. JGit types stay here. */
package dev.inkstone.git;
