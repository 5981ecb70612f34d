package dev.flows.heartbeat;

import java.nio.charset.StandardCharsets;

/** Cuts message bodies to a service's limit without splitting a character, and says that it did. */
final class BodyText {

    static final String TRIMMED = "\n[trimmed to fit the service's limit]";

    private BodyText() {
    }

    /** {@code text} in at most {@code maxBytes} UTF-8 bytes. */
    static String toBytes(String text, long maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        long room = maxBytes - TRIMMED.getBytes(StandardCharsets.UTF_8).length;
        if (room <= 0) {
            return cutBytes(text, maxBytes);
        }
        return cutBytes(text, room) + TRIMMED;
    }

    /** {@code text} in at most {@code maxChars} chars (UTF-16 units), never ending in half a surrogate pair. */
    static String toChars(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        String marker = "...";
        int end = Math.max(0, maxChars - marker.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + marker.substring(0, Math.min(marker.length(), maxChars));
    }

    private static String cutBytes(String text, long maxBytes) {
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > maxBytes) {
                break;
            }
            used += size;
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }
}
