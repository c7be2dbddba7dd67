// A scripted session of the real @octokit/rest client against a running Inkstone.
// Usage: node session.mjs <baseUrl> <editor token>
// baseUrl is the server with or without GitHub Enterprise's /api/v3 prefix. The server must serve a repository
// whose guide/intro.md is SEED (OctokitSessionTest sets it up). Exits 0 when every step passes.
import assert from "node:assert/strict";
import { Octokit } from "@octokit/rest";

const [baseUrl, token] = process.argv.slice(2);
if (!baseUrl || !token) {
  console.error("usage: node session.mjs <baseUrl> <token>");
  process.exit(2);
}

const owner = "inkstone";
const repo = "content";
const SEED = "# 指南 🚀\n\n正文第一行 ✨\n";
const PATH = "notes/octokit 笔记.md";
const V1 = "---\ntitle: 章鱼 🐙\n---\n第一版 ✨ emoji 😀\n";
const V2 = V1 + "第二版 🚀 — “quotes” and ünïcödé\n";

const octokit = new Octokit({ auth: token, baseUrl, userAgent: "inkstone-octokit-session" });
const utf8 = (text) => Buffer.from(text, "utf8");
const base64 = (text) => utf8(text).toString("base64");
const decoded = (content) => Buffer.from(content, "base64");

async function step(name, run) {
  try {
    await run();
    console.log(`ok   ${name}`);
  } catch (error) {
    console.log(`FAIL ${name}`);
    throw error;
  }
}

async function rejects(status, promise) {
  try {
    await promise;
  } catch (error) {
    assert.equal(error.status, status, `expected ${status}, got ${error.status}: ${error.message}`);
    return error;
  }
  assert.fail(`expected the request to fail with ${status}`);
}

async function history() {
  const commits = await octokit.paginate(octokit.rest.repos.listCommits, { owner, repo, path: PATH, per_page: 1 });
  return commits.map((commit) => commit.commit.message);
}

try {
  await step("users.getAuthenticated", async () => {
    const { data } = await octokit.rest.users.getAuthenticated();
    assert.equal(data.type, "User");
    assert.equal(data.login, "Olive Octokit");
    assert.equal(data.email, "olive.octokit@example.com");
  });

  await step("repos.get", async () => {
    const { data } = await octokit.rest.repos.get({ owner, repo });
    assert.equal(data.full_name, `${owner}/${repo}`);
    assert.equal(data.default_branch, "main");
    assert.equal(data.permissions.push, true);
  });

  await step("repos.getContent of a file, Chinese and emoji byte for byte", async () => {
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path: "guide/intro.md" });
    assert.equal(data.type, "file");
    assert.equal(data.encoding, "base64");
    assert.equal(data.size, utf8(SEED).length);
    assert.match(data.sha, /^[0-9a-f]{40}$/);
    assert.ok(data.content.split("\n").every((line) => line.length <= 60));
    assert.deepEqual(decoded(data.content), utf8(SEED));
  });

  await step("repos.getContent of a file, raw media type", async () => {
    const { data } = await octokit.rest.repos.getContent({
      owner, repo, path: "guide/intro.md", mediaType: { format: "raw" },
    });
    assert.equal(data, SEED);
  });

  await step("repos.getContent of a directory", async () => {
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path: "guide" });
    assert.ok(Array.isArray(data));
    assert.deepEqual(data.map((entry) => `${entry.type}:${entry.name}`), ["dir:deep", "file:intro.md"]);
  });

  let created;
  await step("repos.createOrUpdateFileContents creates (201)", async () => {
    const response = await octokit.rest.repos.createOrUpdateFileContents({
      owner, repo, path: PATH, message: "Create via Octokit 🐙", content: base64(V1),
    });
    assert.equal(response.status, 201);
    assert.equal(response.data.content.path, PATH);
    assert.equal(response.data.commit.message, "Create via Octokit 🐙");
    created = response.data.content.sha;
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path: PATH });
    assert.equal(data.sha, created);
    assert.deepEqual(decoded(data.content), utf8(V1));
  });

  let updated;
  await step("repos.createOrUpdateFileContents updates with the right sha (200)", async () => {
    const response = await octokit.rest.repos.createOrUpdateFileContents({
      owner, repo, path: PATH, message: "Update via Octokit", content: base64(V2), sha: created,
    });
    assert.equal(response.status, 200);
    updated = response.data.content.sha;
    assert.notEqual(updated, created);
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path: PATH });
    assert.deepEqual(decoded(data.content), utf8(V2));
  });

  await step("repos.createOrUpdateFileContents with a stale sha is 409", async () => {
    await rejects(409, octokit.rest.repos.createOrUpdateFileContents({
      owner, repo, path: PATH, message: "Stale", content: base64("lost?\n"), sha: created,
    }));
  });

  await step("repos.createOrUpdateFileContents without a sha is 422", async () => {
    const error = await rejects(422, octokit.rest.repos.createOrUpdateFileContents({
      owner, repo, path: PATH, message: "No sha", content: base64("lost?\n"),
    }));
    assert.equal(error.response.data.message, "Invalid request.\n\n\"sha\" wasn't supplied.");
  });

  await step("repos.listCommits for a path, one per page, following Link", async () => {
    const first = await octokit.rest.repos.listCommits({ owner, repo, path: PATH, per_page: 1 });
    assert.equal(first.data.length, 1);
    assert.match(first.headers.link, /rel="next"/);
    const second = await octokit.rest.repos.listCommits({ owner, repo, path: PATH, per_page: 1, page: 2 });
    assert.equal(second.data[0].commit.message, "Create via Octokit 🐙");
    assert.deepEqual(await history(), ["Update via Octokit", "Create via Octokit 🐙"]);
  });

  await step("repos.deleteFile", async () => {
    const response = await octokit.rest.repos.deleteFile({
      owner, repo, path: PATH, message: "Delete via Octokit", sha: updated,
    });
    assert.equal(response.status, 200);
    assert.equal(response.data.content, null);
    await rejects(404, octokit.rest.repos.getContent({ owner, repo, path: PATH }));
    assert.deepEqual(await history(), ["Delete via Octokit", "Update via Octokit", "Create via Octokit 🐙"]);
  });

  await step("repos.getCommit", async () => {
    const { data } = await octokit.rest.repos.getCommit({ owner, repo, ref: "main" });
    assert.equal(data.commit.message, "Delete via Octokit");
    assert.deepEqual(data.files.map((file) => `${file.status}:${file.filename}`), [`removed:${PATH}`]);
  });
  console.log("session passed");
} catch (error) {
  console.log(error.stack ?? String(error));
  if (error.response) {
    console.log(`${error.request?.method} ${error.request?.url} -> ${error.status}`);
    console.log(JSON.stringify(error.response.data, null, 2));
  }
  process.exit(1);
}
