package dev.inkstone.http;

import dev.inkstone.testing.Contract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Proves the contract check can fail: a validator that accepts anything would make every API test hollow. */
class ContractCanaryTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void wellFormedNavPasses() {
        String body = "{\"revision\":\"" + COMMIT + "\",\"tree\":{\"path\":\"\",\"title\":\"Home\",\"navTitle\":\"Home\","
                + "\"icon\":null,\"order\":null,\"children\":[]}}";
        assertThat(Contract.validate("GET", "/api/nav", 200, "application/json", body, null).hasErrors()).isFalse();
    }

    @Test
    void unknownFieldFails() {
        String body = "{\"revision\":\"" + COMMIT + "\",\"tree\":{\"path\":\"\",\"title\":\"Home\",\"navTitle\":\"Home\","
                + "\"icon\":null,\"order\":null,\"children\":[],\"extra\":1}}";
        assertThat(Contract.validate("GET", "/api/nav", 200, "application/json", body, null).hasErrors()).isTrue();
    }

    @Test
    void missingFieldAndWrongTypeFail() {
        assertThat(Contract.validate("GET", "/api/nav", 200, "application/json",
                "{\"revision\":\"" + COMMIT + "\"}", null).hasErrors()).isTrue();
        assertThat(Contract.validate("GET", "/api/pages/a/b", 404, "application/problem+json",
                "{\"type\":\"x\",\"title\":\"t\",\"status\":\"404\",\"detail\":\"d\"}", null).hasErrors()).isTrue();
    }

    @Test
    void undocumentedStatusFails() {
        assertThat(Contract.validate("GET", "/api/health", 418, "application/json", "{}", null).hasErrors()).isTrue();
    }
}
