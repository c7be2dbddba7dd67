/** Configuration records, validated where they are built. */
package dev.inkstone.config;
