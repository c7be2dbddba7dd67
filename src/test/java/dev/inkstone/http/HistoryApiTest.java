package dev.inkstone.http;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.inkstone.auth.Role;
import dev.inkstone.testing.TestRepo;
import dev.inkstone.testing.TestServer;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** History over HTTP, with the git CLI as the witness of what history holds. */
class HistoryApiTest {

    @TempDir
    Path dir;
    TestRepo repo;
    TestServer server;
    String editor;

    @BeforeEach
    void setUp() {
        repo = TestRepo.create(dir);
        repo.write("index.md", "# Home\n");
        repo.write("notes/a.md", "# A\n\none\ntwo\nthree\n");
        repo.commit("create a");
        repo.write("notes/a.md", "# A\n\none\nTWO\nthree\n");
        repo.commit("edit a");
        repo.write("notes/b.md", "# B\n");
        repo.commit("create b");
        repo.write("notes/a.md", "# A\n\none\nTWO\nthree\nfour\n");
        repo.commit("extend a");
        server = TestServer.start(repo);
        editor = server.token("Hana Historian", Role.EDITOR);
    }

    @AfterEach
    void tearDown() {
        server.close();
        repo.close();
    }

    private JsonPath get(String path) {
        return given().spec(server.spec()).get(path).then().statusCode(200).extract().jsonPath();
    }

    private RequestSpecification as() {
        return given().spec(server.spec()).header("Authorization", "Bearer " + editor).contentType("application/json");
    }

    @Test
    void historyIsNewestFirstAndPaginatesWithACursor() {
        List<String> expected = List.of(repo.git("log", "--format=%H", "--", "notes/a.md").split("\n"));
        JsonPath first = get("/api/history/notes/a?limit=2");
        assertThat(first.getList("items.commit")).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(first.getList("items.change")).containsExactly("modified", "modified");
        assertThat(first.getString("items[0].path")).isEqualTo("notes/a");
        assertThat(first.getString("items[0].message")).isEqualTo("extend a");
        assertThat(first.getString("items[0].author.name")).isEqualTo("Alice Author");
        assertThat(first.getString("items[0].date")).isEqualTo(repo.git("log", "-1", "--format=%aI", "--", "notes/a.md"));
        repo.write("notes/a.md", "# A\n\nmoved on\n");
        repo.commit("later edit");
        JsonPath second = get("/api/history/notes/a?limit=2&cursor=" + first.getString("next"));
        assertThat(second.getList("items.commit")).containsExactly(expected.get(2));
        assertThat(second.getList("items.change")).containsExactly("added");
        assertThat(second.getString("next")).isNull();
    }

    @Test
    void historyOfASectionPageIsItsIndexFileEvenWhenASiblingFileShadowsIt() {
        repo.write("guide.md", "# Guide, shadowed\n");
        repo.write("guide/index.md", "# Guide\n");
        repo.commit("guide twice");
        repo.write("guide.md", "# Guide, shadowed, edited\n");
        repo.commit("edit the shadowed file");
        repo.write("guide/index.md", "# Guide\n\nedited\n");
        repo.commit("edit the guide");
        JsonPath json = get("/api/history/guide?limit=10");
        assertThat(json.getList("items.commit")).containsExactlyElementsOf(
                List.of(repo.git("log", "--format=%H", "--", "guide/index.md").split("\n")));
        assertThat(json.getList("items.path")).containsOnly("guide");
        assertThat(get("/api/diff/guide").getString("unified")).contains("+edited");
    }

    @Test
    void limitOutsideOneToHundredIs400() {
        for (String limit : List.of("0", "101", "x")) {
            given().spec(server.spec()).get("/api/history/notes/a?limit=" + limit).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void historyFollowsMovesAndGitRenames() {
        String sha = repo.git("rev-parse", "main:notes/a.md");
        as().body(Map.of("from", "notes/a", "to", "notes/c", "sha", sha)).post("/api/move").then().statusCode(200);
        repo.git("mv", "notes/c.md", "notes/d.md");
        repo.git("commit", "-q", "-m", "cli exact rename");
        repo.git("mv", "notes/d.md", "notes/e.md");
        repo.write("notes/e.md", "# A\n\none\nTWO\nthree\nfour\nfive\n");
        repo.git("add", "-A");
        repo.git("commit", "-q", "-m", "cli similar rename");
        JsonPath json = get("/api/history/notes/e?limit=100");
        assertThat(json.getList("items.message")).containsExactly("cli similar rename", "cli exact rename",
                "Move notes/a to notes/c", "extend a", "edit a", "create a");
        assertThat(json.getList("items.change")).containsExactly("renamed", "renamed", "renamed", "modified",
                "modified", "added");
        assertThat(json.getList("items.previousPath")).containsExactly("notes/d", "notes/c", "notes/a", null, null, null);
        assertThat(json.getList("items.path")).containsExactly("notes/e", "notes/d", "notes/c", "notes/a", "notes/a",
                "notes/a");
    }

    @Test
    void diffHunksAndStatsAgreeWithGit() {
        JsonPath diff = get("/api/diff/notes/a");
        String previous = repo.git("log", "-2", "--format=%H", "--", "notes/a.md").split("\n")[1];
        assertThat(diff.getString("from")).isEqualTo(previous);
        assertThat(diff.getString("to")).isEqualTo(repo.git("rev-parse", "main"));
        String numstat = repo.git("diff", "--numstat", "--diff-algorithm=histogram", previous, "main", "--",
                "notes/a.md");
        assertThat(diff.getInt("stats.added") + "\t" + diff.getInt("stats.removed") + "\tnotes/a.md").isEqualTo(numstat);
        assertThat(diff.getList("hunks.lines.type").toString()).contains("add");
        assertThat(diff.getString("unified")).contains("+four");

        String first = repo.git("log", "--format=%H", "--reverse", "--", "notes/a.md").split("\n")[0];
        JsonPath range = get("/api/diff/notes/a?from=" + first + "&to=main");
        String rangeStat = repo.git("diff", "--numstat", "--diff-algorithm=histogram", first, "main", "--", "notes/a.md");
        assertThat(range.getInt("stats.added") + "\t" + range.getInt("stats.removed") + "\tnotes/a.md")
                .isEqualTo(rangeStat);
        String gitHunk = repo.git("diff", "--diff-algorithm=histogram", first, "main", "--", "notes/a.md").lines()
                .filter(line -> line.startsWith("@@")).findFirst().orElseThrow();
        assertThat("@@ -" + range.getInt("hunks[0].oldStart") + "," + range.getInt("hunks[0].oldLines") + " +"
                + range.getInt("hunks[0].newStart") + "," + range.getInt("hunks[0].newLines") + " @@")
                .isEqualTo(gitHunk);
    }

    @Test
    void restoreBringsBackAnEditedAndADeletedPage() {
        String firstVersion = repo.git("log", "--format=%H", "--reverse", "--", "notes/a.md").split("\n")[0];
        as().body(Map.of("path", "notes/a", "ref", firstVersion, "sha", repo.git("rev-parse", "main:notes/a.md")))
                .post("/api/restore").then().statusCode(200).body("page.path", equalTo("notes/a"));
        assertThat(repo.git("show", "main:notes/a.md")).isEqualTo(repo.git("show", firstVersion + ":notes/a.md"));
        assertThat(repo.git("log", "-1", "--format=%s")).startsWith("Restore notes/a to ");

        String beforeDelete = repo.git("rev-parse", "main");
        as().delete("/api/pages/notes/b?sha=" + repo.git("rev-parse", "main:notes/b.md")).then().statusCode(200);
        given().spec(server.spec()).get("/api/pages/notes/b").then().statusCode(404);
        as().body(Map.of("path", "notes/b", "ref", beforeDelete)).post("/api/restore").then().statusCode(200);
        assertThat(repo.git("show", "main:notes/b.md")).isEqualTo("# B");
    }

    @Test
    void revertUndoesACommitOrReportsItsConflicts() {
        String createB = repo.git("log", "--format=%H", "--grep=create b");
        as().post("/api/commits/" + createB + "/revert").then().statusCode(200).body("changed", equalTo(true));
        assertThat(repo.git("ls-tree", "-r", "--name-only", "main")).doesNotContain("notes/b.md");
        assertThat(repo.git("log", "-1", "--format=%s")).isEqualTo("Revert \"create b\"");

        String editA = repo.git("log", "--format=%H", "--grep=edit a");
        String tip = repo.git("rev-parse", "main");
        repo.write("notes/a.md", "# A\n\none\nTWO CHANGED AGAIN\nthree\nfour\n");
        repo.commit("touch the same line");
        String touched = repo.git("rev-parse", "main");
        as().body(Map.of("message", "try")).post("/api/commits/" + editA + "/revert").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemType.BASE + "revert-conflict"))
                .body("paths", equalTo(List.of("notes/a.md")));
        assertThat(repo.git("rev-parse", "main")).isEqualTo(touched).isNotEqualTo(tip);
    }

    @Test
    void commitDetailsListChangedFilesWithPages() {
        String sha = repo.git("rev-parse", "main:notes/b.md");
        as().body(Map.of("from", "notes/b", "to", "notes/bee", "sha", sha)).post("/api/move").then().statusCode(200);
        JsonPath commit = get("/api/commits/" + repo.git("rev-parse", "--short=10", "main"));
        assertThat(commit.getString("commit")).isEqualTo(repo.git("rev-parse", "main"));
        assertThat(commit.getList("files.change")).contains("renamed", "added");
        int renamed = commit.getList("files.change").indexOf("renamed");
        assertThat(commit.getString("files[" + renamed + "].page")).isEqualTo("notes/bee");
        assertThat(commit.getString("files[" + renamed + "].previousPage")).isEqualTo("notes/b");
        given().spec(server.spec()).get("/api/commits/" + "f".repeat(40)).then().statusCode(404);
    }

    @Test
    void changeFeedListsCommitsAndEverythingSinceACommit() {
        String since = repo.git("log", "--format=%H", "--grep=edit a");
        repo.write("notes/new.md", "# New\n");
        repo.delete("notes/b.md");
        repo.commit("outside the API");
        JsonPath feed = get("/api/changes?limit=2");
        assertThat(feed.getList("items.message")).containsExactly("outside the API", "extend a");
        assertThat(feed.getList("items[0].pages.path")).containsExactlyInAnyOrder("notes/b", "notes/new");
        JsonPath next = get("/api/changes?limit=2&cursor=" + feed.getString("next"));
        assertThat(next.getList("items.message")).containsExactly("create b", "edit a");

        JsonPath changes = get("/api/changes?since=" + since);
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < changes.getList("pages").size(); i++) {
            pages.add(changes.getString("pages[" + i + "].change") + " " + changes.getString("pages[" + i + "].path"));
        }
        assertThat(pages).containsExactlyInAnyOrder("modified notes/a", "added notes/new");
        repo.git("checkout", "-q", "-b", "side", since + "~1");
        repo.write("side.md", "# side\n");
        String sideCommit = repo.commit("side");
        repo.git("checkout", "-q", "main");
        given().spec(server.spec()).get("/api/changes?since=" + sideCommit).then().statusCode(409)
                .body("type", equalTo(ProblemType.BASE + "history-rewritten"));
    }

    @Test
    void atomFeedParsesWithAStandardFeedParser() throws Exception {
        byte[] xml = given().get(server.baseUri() + "/feed.atom").then().statusCode(200)
                .contentType("application/atom+xml; charset=utf-8").extract().asByteArray();
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        List<SyndEntry> entries = feed.getEntries();
        assertThat(entries).extracting(SyndEntry::getTitle)
                .containsExactly("extend a", "create b", "edit a", "create a");
        assertThat(entries.get(0).getLink()).startsWith(server.baseUri() + "/api/commits/");
        assertThat(entries.get(0).getAuthor()).isEqualTo("Alice Author");
    }

    @Test
    void pageCarriesCreatedAndContributors() {
        repo.commitAs(new org.eclipse.jgit.lib.PersonIdent("Bob Second", "bob@example.com"), "nothing");
        repo.write("notes/a.md", "# A by Bob\n");
        repo.commitAs(new org.eclipse.jgit.lib.PersonIdent("Bob Second", "bob@example.com"), "bob edits a");
        JsonPath page = get("/api/pages/notes/a");
        assertThat(page.getString("created.commit"))
                .isEqualTo(repo.git("log", "--format=%H", "--reverse", "--", "notes/a.md").split("\n")[0]);
        assertThat(page.getList("contributors.name")).containsExactly("Alice Author", "Bob Second");
        assertThat(page.getList("contributors.commits")).containsExactly(3, 1);
    }
}
