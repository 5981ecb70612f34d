package com.example.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A heartbeat webhook on 127.0.0.1 that keeps what it hears: "start", "finish PASSED". */
final class PingReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<String> heard = new CopyOnWriteArrayList<>();

    PingReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            JsonNode ping = new ObjectMapper().readTree(exchange.getRequestBody());
            String event = ping.path("event").asText();
            heard.add(event.equals("finish") ? event + " " + ping.path("status").asText() : event);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<String> heard() {
        return List.copyOf(heard);
    }

    /** Writes what was heard, one ping a line, for the build's verify script. */
    void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, heard);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
