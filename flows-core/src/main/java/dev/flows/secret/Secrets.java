package dev.flows.secret;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The secret values of a run, and the one way Flows redacts them: every text and file a run writes (messages,
 * reports, alert state, diagnostics, traces, heartbeat bodies) goes through {@link #scrub(String)} or
 * {@link #scrubFile(Path)}, which replace each secret with {@value #MASK}.
 *
 * <pre>{@code
 * Secrets secrets = Secrets.of(List.of("hunter2"));
 * secrets.scrub("login with hunter2 failed");   // "login with **** failed"
 * secrets.scrubFile(Path.of("trace.zip"));       // rewrites every text entry of the zip
 * }</pre>
 *
 * <p>Each secret is also masked in the spellings it takes in transit: URL-encoded, and as the Base64 of a
 * basic-auth header when added with {@link BasicAuth#secrets()}. Values shorter than {@value #SHORTEST}
 * characters are refused: masking "a" everywhere would make every text unreadable and protect nothing.
 */
public final class Secrets {

    /** What a secret is replaced with. */
    public static final String MASK = "****";
    /** The shortest value that counts as a secret. */
    public static final int SHORTEST = 3;

    private static final Secrets NONE = new Secrets(List.of());
    private static final Pattern URL_USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s\"'<>]+@");

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    /** No secrets: scrubbing still masks the user-info part of URLs ({@code http://user:pass@host/}). */
    public static Secrets none() {
        return NONE;
    }

    /** These values (and their URL-encoded forms) are secret; values shorter than {@value #SHORTEST} are left out. */
    public static Secrets of(Collection<String> secrets) {
        Set<String> all = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s == null || s.length() < SHORTEST) {
                continue;
            }
            all.add(s);
            all.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
            all.add(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
            try {
                all.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException ignored) {
                // Not URL-encoded: the value as given is enough.
            }
        }
        all.removeIf(s -> s.length() < SHORTEST);
        List<String> longestFirst = new ArrayList<>(all);
        // Longest first, so that a secret containing a shorter one is masked whole.
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return new Secrets(List.copyOf(longestFirst));
    }

    /** These secrets and {@code other}'s. */
    public Secrets and(Secrets other) {
        if (other.values.isEmpty()) {
            return this;
        }
        List<String> both = new ArrayList<>(values);
        both.addAll(other.values);
        return of(both);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The values that are masked, longest first: for a scan of artefacts, never for output. */
    public List<String> values() {
        return values;
    }

    /** {@code text} with every secret and every URL's user info masked; null stays null. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = URL_USERINFO.matcher(text).replaceAll("$1" + MASK + "@");
        for (String secret : values) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    /** Whether {@code text} contains a secret. */
    public boolean foundIn(String text) {
        return text != null && values.stream().anyMatch(text::contains);
    }

    /**
     * Rewrites {@code file} in place with every secret masked: a text file as text, a zip (a Playwright trace) entry by
     * entry, nested zips included. A binary file (a screenshot) is left as it is: it holds no text to leak. Returns
     * whether anything was masked.
     */
    public boolean scrubFile(Path file) throws IOException {
        if (values.isEmpty() && !Files.isRegularFile(file)) {
            return false;
        }
        byte[] original = Files.readAllBytes(file);
        byte[] scrubbed = scrubBytes(file.getFileName().toString(), original);
        if (scrubbed == original) {
            return false;
        }
        Path temp = file.resolveSibling(file.getFileName() + ".scrub");
        Files.write(temp, scrubbed);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** {@link #scrubFile} for every file under {@code folder}; returns how many files changed. */
    public int scrubFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> files;
        try (var walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        int changed = 0;
        for (Path f : files) {
            if (scrubFile(f)) {
                changed++;
            }
        }
        return changed;
    }

    // Returns the same array when nothing changed.
    private byte[] scrubBytes(String name, byte[] content) throws IOException {
        if (isZip(content)) {
            return scrubZip(content);
        }
        String text = asText(content);
        if (text == null) {
            return content;
        }
        String scrubbed = scrub(text);
        return scrubbed.equals(text) ? content : scrubbed.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] scrubZip(byte[] zip) throws IOException {
        boolean changed = false;
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
             ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                byte[] scrubbed = entry.isDirectory() ? content : scrubBytes(entry.getName(), content);
                changed |= scrubbed != content;
                ZipEntry copy = new ZipEntry(scrub(entry.getName()));
                changed |= !copy.getName().equals(entry.getName());
                if (entry.getLastModifiedTime() != null) {
                    copy.setLastModifiedTime(entry.getLastModifiedTime());
                }
                rewritten.putNextEntry(copy);
                rewritten.write(scrubbed);
                rewritten.closeEntry();
            }
        }
        return changed ? out.toByteArray() : zip;
    }

    private static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    // UTF-8 text without NUL bytes, or null for binary content (PNG, JPEG...).
    private static String asText(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Copies {@code in} to {@code out} with secrets masked, treating it as UTF-8 text. */
    public void scrubStream(InputStream in, OutputStream out) throws IOException {
        out.write(scrub(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return values.size() + " secrets";
    }
}
