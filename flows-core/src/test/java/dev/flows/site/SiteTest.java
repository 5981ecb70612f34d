package dev.flows.site;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SiteTest {

    @Test
    void defaults_and_trailing_slash() {
        Site site = Site.builder("live").url("https://shop.example.com").build();

        assertEquals(URI.create("https://shop.example.com/"), site.baseUrl());
        assertEquals("primary", site.role());
        assertFalse(site.production());
        assertEquals("live (primary, https://shop.example.com/)", site.toString());
    }

    @Test
    void bad_input_gets_one_line_naming_the_value() {
        assertEquals("site name must be 1-40 letters, digits, '-' or '_': \"live site\"",
                assertThrows(IllegalArgumentException.class, () -> Site.builder("live site").url("https://x.test/").build()).getMessage());
        assertEquals("site 'live' url must be an absolute http(s) URL: ftp://x.test/",
                assertThrows(IllegalArgumentException.class, () -> Site.builder("live").url("ftp://x.test/").build()).getMessage());
        assertEquals("site 'live' needs a url",
                assertThrows(IllegalArgumentException.class, () -> Site.builder("live").build()).getMessage());
        assertEquals("site 'live' role must not be blank",
                assertThrows(IllegalArgumentException.class, () -> Site.builder("live").url("https://x.test/").role(" ").build()).getMessage());
    }
}
