package dev.inkstone.search;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchCursorTest {

    @Test
    void cursorCarriesTheExactScoreAndPathOfTheLastHit() {
        FieldDoc after = SearchCursor.decode(SearchCursor.encode(3.1415927f, "ai/agent/检索"));
        assertThat(after.fields).containsExactly(3.1415927f, new BytesRef("ai/agent/检索"));
        assertThat(after.doc).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void homePageCursorRoundTrips() {
        assertThat(SearchCursor.decode(SearchCursor.encode(1f, "")).fields[1]).isEqualTo(new BytesRef(""));
    }

    @Test
    void cursorIsUrlSafe() {
        assertThat(SearchCursor.encode(0.5f, "a/b?c=d&e")).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void cursorsWeDidNotIssueAreRefused() {
        for (String bad : new String[] {"x", "!!!", "czE6eno6YQ", "eDE6M2Y4MDAwMDA6YQ", "czE6N2ZjMDAwMDA6YQ"}) {
            assertThatThrownBy(() -> SearchCursor.decode(bad)).as(bad).isInstanceOf(InvalidSearchException.class);
        }
    }
}
