package dev.flows.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What each service's ping URL looks like once redacted. */
class RedactedUrlTest {

    private static String redact(String url) {
        return RedactedUrl.of(url).toString();
    }

    @Test
    void eachServicesUrl() {
        assertEquals("https://hc-ping.com/****", redact("https://hc-ping.com/5f8b2c1e-0a7d-4c3b-9e21-6d4f8a9b0c1d"));
        assertEquals("https://hc-ping.com/****?create=****", redact("https://hc-ping.com/fQk4ZpL2mN8x/flows?create=1"));
        assertEquals("https://hc.example.com/ping/****", redact("https://hc.example.com/ping/5f8b2c1e"));
        assertEquals("https://cronitor.link/p/****", redact("https://cronitor.link/p/AbC123key/flows-monitor"));
        assertEquals("https://kuma.example.com:3001/api/push/****?status=****&msg=****&ping",
                redact("https://kuma.example.com:3001/api/push/Tk9x2QrLm7?status=up&msg=OK&ping="));
        assertEquals("https://uptime.betterstack.com/api/v1/heartbeat/****",
                redact("https://uptime.betterstack.com/api/v1/heartbeat/Bs7TokQ2wE9"));
        assertEquals("https://****@hooks.example.com/****?token=****",
                redact("https://user:pa55@hooks.example.com/services/T0/B0?token=abc#frag"));
    }

    @Test
    void wordsAfterAKeyAreMaskedWithIt() {
        // "push" after the key could be part of a key-bearing path; only a leading run of known words shows.
        assertEquals("https://x.example/api/****", redact("https://x.example/api/Zk2/push/ping"));
    }

    @Test
    void whatIsNotAUrlIsMaskedWhole() {
        assertEquals("****", redact("hc-ping.com/5f8b2c1e"));
        assertEquals("(no url)", redact(" "));
    }

    @Test
    void scrubRemovesTheSecretsFromForeignText() {
        RedactedUrl url = RedactedUrl.of("https://hc-ping.com/fQk4ZpL2mN8x/flows?create=1");
        assertEquals("Connect to https://hc-ping.com/****/**** failed (create=1)",
                url.scrub("Connect to https://hc-ping.com/fQk4ZpL2mN8x/flows failed (create=1)"));
    }
}
