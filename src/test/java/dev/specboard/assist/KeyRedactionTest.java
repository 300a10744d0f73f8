package dev.specboard.assist;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A model's failure message reaches the chat without the API key, and stays readable whatever the key looks like. */
class KeyRedactionTest {

    @Test
    void aKeyIsReplacedWhereverItStandsWhole() {
        assertEquals("Incorrect API key provided: ***. See https://example.test?key=*** (***)",
                ModelAssistant.redact("Incorrect API key provided: sk-Ab12_x. See https://example.test?key=sk-Ab12_x (sk-Ab12_x)", "sk-Ab12_x"));
        assertEquals("401 for Authorization: Bearer ***", ModelAssistant.redact("401 for Authorization: Bearer anything-at-all", null));
    }

    /** A base URL may carry the gateway's password (https://user:password@host/v1); clients echo it when they fail. */
    @Test
    void aPasswordInTheBaseUrlIsReplacedToo() {
        assertEquals("Failed to connect to https://bot:***@llm.internal.test/v1/chat/completions",
                ModelAssistant.redact("Failed to connect to https://bot:s3cret-pass@llm.internal.test/v1/chat/completions", null));
    }

    @Test
    void aShortKeyDoesNotGarbleTheWordsItOccursIn() {
        assertEquals("model x-large not found at example.test; key *** refused",
                ModelAssistant.redact("model x-large not found at example.test; key x refused", "x"));
        assertEquals("no key given", ModelAssistant.redact("no key given", " "));
    }
}
