package dev.flows.engine.port;

import dev.flows.browser.*;
import dev.flows.engine.spi.TraceShot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A trace for engines that have none of their own (Selenium): every action with its timing, outcome and URL,
 * and a screenshot taken right after it (by the engine on a channel of its own where it has one, so the journey does
 * not wait for it), written as a zip holding {@code trace.json}, the pictures (PNG, or JPEG where the engine takes
 * them beside its commands) and an {@code index.html} that shows them in order.
 */
final class RecordedTrace {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    // How long writing the trace waits for the pictures still being taken, all of them together.
    private static final Duration PICTURES_DUE = Duration.ofSeconds(5);

    private record Step(Page.Action action, CompletableFuture<TraceShot> shot) {
    }

    private final List<Step> steps = new ArrayList<>();

    /** Adds an action with the page right after it: taken already, or on its way. */
    synchronized void add(Page.Action action, CompletableFuture<TraceShot> shot) {
        steps.add(new Step(action, shot));
    }

    private static TraceShot await(CompletableFuture<TraceShot> shot, long deadline) {
        try {
            return shot.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            shot.cancel(false);
            return new TraceShot("(not known: the picture was not taken within " + Durations.say(PICTURES_DUE) + ")", null);
        } catch (ExecutionException | CancellationException e) {
            return new TraceShot("(not known: " + Messages.firstLine(String.valueOf(e.getCause())) + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TraceShot("(not known: interrupted)", null);
        }
    }

    synchronized void write(Path file, String engine) {
        List<Map<String, Object>> entries = new ArrayList<>();
        StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>Flows trace</title>"
                + "<style>body{font:14px system-ui;margin:2em}li{margin:0 0 2em}img{max-width:900px;border:1px solid #ccc}"
                + ".failed{color:#b00020}</style><h1>Flows trace</h1><p>" + escape(engine) + "</p><ol>");
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
                long deadline = System.nanoTime() + PICTURES_DUE.toNanos();
                for (int i = 0; i < steps.size(); i++) {
                    Step step = steps.get(i);
                    TraceShot shot = await(step.shot(), deadline);
                    String picture = shot.image() == null ? null : String.format("%03d.%s", i + 1, shot.extension());
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("index", i + 1);
                    entry.put("action", step.action().what());
                    entry.put("tookMs", step.action().took().toMillis());
                    entry.put("failure", step.action().failure());
                    entry.put("url", shot.url());
                    entry.put("screenshot", picture);
                    entries.add(entry);
                    if (picture != null) {
                        zip.putNextEntry(new ZipEntry(picture));
                        zip.write(shot.image());
                        zip.closeEntry();
                    }
                    html.append("<li").append(step.action().failure() == null ? "" : " class=failed").append("><b>")
                            .append(escape(step.action().toString())).append("</b><br><small>").append(escape(shot.url()))
                            .append("</small><br>").append(picture == null ? "" : "<img src=\"" + picture + "\">").append("</li>");
                }
                zip.putNextEntry(new ZipEntry("trace.json"));
                zip.write(JSON.writeValueAsBytes(Map.of("engine", engine, "actions", entries)));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("index.html"));
                zip.write(html.append("</ol>").toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace " + file, e);
        }
    }

    private static String escape(String s) {
        return String.valueOf(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
