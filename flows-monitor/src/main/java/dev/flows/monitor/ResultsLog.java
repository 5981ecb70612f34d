package dev.flows.monitor;

import static dev.flows.browser.Messages.firstLine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flows.run.JourneyResult;
import dev.flows.secret.Secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The monitor's verdicts as JSON lines, one per check, appended and forced to disk the moment each is reached: a
 * monitor killed mid-run has still written every verdict before the kill.
 *
 * <pre>
 * {"at":"2026-12-02T13:20:01Z","run":"20261202-132000-1a2b-1","key":"page:landing@live","check":"page: landing",
 *  "site":"live","engine":"","outcome":"PASSED","tookMs":12,"attempts":1,"message":null}
 * {"at":"...","run":"...","check":"'guest checkout' on live [playwright]","outcome":"NOT_RUN","message":"the --for deadline of 2 min was reached"}
 * </pre>
 *
 * <p>Messages are masked with the run's {@link Secrets}. A write that fails is remembered, not thrown: the monitor
 * finishes its checks, then reports that it could not keep its results and exits 2.
 */
final class ResultsLog implements AutoCloseable {

    static final String FILE = "results.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final Secrets secrets;
    private String failure;

    private ResultsLog(Path file, FileChannel channel, Secrets secrets) {
        this.file = file;
        this.channel = channel;
        this.secrets = secrets;
    }

    static ResultsLog open(Path file, Secrets secrets) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new ResultsLog(file, channel, secrets);
    }

    synchronized void verdict(String run, String key, JourneyResult r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", Instant.now().toString());
        line.put("run", run);
        line.put("key", key);
        line.put("check", r.journey());
        line.put("site", r.site());
        line.put("engine", r.engine());
        line.put("outcome", r.outcome().name());
        line.put("tookMs", r.took().toMillis());
        line.put("attempts", r.attempts().size());
        line.put("message", r.outcome().isSuccess() ? null : secrets.scrub(r.message()));
        write(line);
    }

    synchronized void notRun(String run, String what, String why) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", Instant.now().toString());
        line.put("run", run);
        line.put("check", what);
        line.put("outcome", "NOT_RUN");
        line.put("message", why);
        write(line);
    }

    /** Why a line could not be written, or null. */
    synchronized String failure() {
        return failure;
    }

    Path file() {
        return file;
    }

    private void write(Map<String, Object> line) {
        if (!channel.isOpen()) {
            return;
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (JsonProcessingException e) {
            failure = file + ": " + firstLine(e.getOriginalMessage());
        } catch (IOException e) {
            failure = file + ": " + firstLine(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            failure = failure != null ? failure : file + ": " + firstLine(e);
        }
    }
}
