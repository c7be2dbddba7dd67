/**
 * The subset of GitHub's REST API that editors and Octokit scripts use (user, repository, contents, commits), with
 * GitHub's shapes, status codes and error bodies, mounted at {@code /} and at {@code /api/v3}.
 */
package dev.inkstone.http.github;
