/** The HTTP face: one controller per resource, request parsing, caching headers and problem+json errors. */
package dev.inkstone.http;
