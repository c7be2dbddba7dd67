package dev.inkstone.http.github;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContentFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null | JSON",
            "application/vnd.github+json | JSON",
            "application/vnd.github.v3+json | JSON",
            "application/json | JSON",
            "application/vnd.github.raw | RAW",
            "application/vnd.github.raw+json | RAW",
            "application/vnd.github.v3.raw | RAW",
            "Application/VND.GitHub.Raw | RAW",
            "application/vnd.github.html | HTML",
            "application/vnd.github.html+json | HTML",
            "application/vnd.github.v3.html | HTML",
            "text/html | JSON"})
    void acceptPicksTheForm(String accept, ContentFormat expected) {
        assertThat(ContentFormat.of(accept)).isEqualTo(expected);
    }
}
