package dev.flows.demostore;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** A browser-like test client: its own cookie jar, real HTTP over loopback. */
final class ShopClient implements AutoCloseable {

    /** A response, read completely. */
    record Reply(int status, String body, Map<String, String> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }

    private final URI base;
    private final CloseableHttpClient http;

    private ShopClient(URI base, boolean followRedirects) {
        this.base = base;
        HttpClientBuilder b = HttpClients.custom()
                .setDefaultCookieStore(new BasicCookieStore())
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(2)).setSocketTimeout(Timeout.ofSeconds(10)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build());
        if (!followRedirects) {
            b.disableRedirectHandling();
        }
        this.http = b.build();
    }

    static ShopClient of(DemoStore store) {
        return new ShopClient(store.baseUrl(), true);
    }

    static ShopClient withoutRedirects(DemoStore store) {
        return new ShopClient(store.baseUrl(), false);
    }

    Reply get(String path, String... headerPairs) {
        return send(new HttpUriRequestBase("GET", base.resolve(path)), headerPairs);
    }

    Reply postForm(String path, Map<String, String> form, String... headerPairs) {
        HttpUriRequestBase req = new HttpUriRequestBase("POST", base.resolve(path));
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        req.setEntity(new StringEntity(body, ContentType.APPLICATION_FORM_URLENCODED));
        return send(req, headerPairs);
    }

    Reply postJson(String path, String json, String... headerPairs) {
        HttpUriRequestBase req = new HttpUriRequestBase("POST", base.resolve(path));
        req.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return send(req, headerPairs);
    }

    Reply delete(String path, String... headerPairs) {
        return send(new HttpUriRequestBase("DELETE", base.resolve(path)), headerPairs);
    }

    Reply send(HttpUriRequestBase req, String... headerPairs) {
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            req.addHeader(headerPairs[i], headerPairs[i + 1]);
        }
        try {
            return http.execute(req, response -> {
                String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                Map<String, String> headers = new java.util.LinkedHashMap<>();
                for (Header h : response.getHeaders()) {
                    headers.merge(h.getName(), h.getValue(), (a, b) -> a + "\n" + b);
                }
                return new Reply(response.getCode(), body, headers);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
