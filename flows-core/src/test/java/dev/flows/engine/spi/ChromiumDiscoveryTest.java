package dev.flows.engine.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

class ChromiumDiscoveryTest {

    @TempDir
    Path bin;

    @Test
    void aHeadlessRunPrefersTheHeadlessShellOnPath() throws IOException {
        executable("chromium");
        Path shell = executable("chromium-headless-shell");
        ChromiumDiscovery.Found found = ChromiumDiscovery.withPath(bin.toString()).browser(null, true).orElseThrow();
        assertEquals(shell, found.path());
        assertEquals("on PATH as chromium-headless-shell", found.how());
    }

    @Test
    void aHeadedRunTakesTheFullBrowser() throws IOException {
        Path chromium = executable("chromium");
        executable("chromium-headless-shell");
        assertEquals(chromium, ChromiumDiscovery.withPath(bin.toString()).browser(null, false).orElseThrow().path());
    }

    @Test
    void aConfiguredBrowserWinsOverTheHeadlessShell() throws IOException {
        executable("chrome-headless-shell");
        Path configured = executable("my-chrome");
        ChromiumDiscovery.Found found = ChromiumDiscovery.withPath(bin.toString()).browser(configured, true).orElseThrow();
        assertEquals(configured, found.path());
        assertEquals("configured", found.how());
    }

    @Test
    void aConfiguredPathThatIsNoExecutableIsRefused() {
        Path missing = bin.resolve("no-such-chrome");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChromiumDiscovery.withPath(bin.toString()).browser(missing, true));
        assertEquals("configured browser is not an executable file: " + missing, e.getMessage());
    }

    private Path executable(String name) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
