/** Users, roles and bearer tokens: who may read and who may write. */
package dev.inkstone.auth;
