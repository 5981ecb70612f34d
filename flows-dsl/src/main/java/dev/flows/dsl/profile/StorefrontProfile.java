package dev.flows.dsl.profile;

import static dev.flows.browser.Messages.firstLine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flows.browser.Locator;
import dev.flows.browser.RequestPattern;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the storefront verbs find things on one shop: the URLs of a few pages and a locator per {@link Hook}.
 * Loaded from YAML or built in Java; validated when loaded, so a typo fails with one line naming the file and key.
 *
 * <pre>{@code
 * StorefrontProfile demo = StorefrontProfile.demoStore();
 * StorefrontProfile mine = StorefrontProfile.load(Path.of("profiles/my-shop.yaml"));
 * StorefrontProfile built = StorefrontProfile.builder("my-shop")
 *     .url(ShopPage.CART, "/basket")
 *     .hook(Hook.ADD_TO_CART, Locator.css("button.add-to-basket"))
 *     .hook(Hook.CART_COUNT, Locator.css(".basket-count"))
 *     .build();
 * }</pre>
 *
 * <p>Locators in YAML are written {@code testId:add-to-cart}, {@code css:button.buy}, {@code xpath://button},
 * {@code text:Add to cart}, chained with {@code " >> "}.
 *
 * @param name  the profile's name, used in messages
 * @param urls  paths of the pages verbs open directly; {@link ShopPage#LANDING} defaults to "/"
 * @param hooks the locators this shop has; missing hooks are verbs the shop does not support
 * @param orderRequests the requests that place an order ({@code orders: ["POST /checkout/payment"]}): on a
 *              production site that does not allow orders the browser blocks them at the network level
 */
public record StorefrontProfile(String name, Map<ShopPage, String> urls, Map<Hook, Locator> hooks,
                                List<RequestPattern> orderRequests) {

    /** The classpath resource of the profile for the embedded demo store. */
    public static final String DEMO_STORE_RESOURCE = "/flows/profiles/demo-store.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final List<String> TOP_KEYS = List.of("name", "urls", "hooks", "orders");

    public StorefrontProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("storefront profile needs a name");
        }
        EnumMap<ShopPage, String> u = new EnumMap<>(ShopPage.class);
        u.put(ShopPage.LANDING, "/");
        u.putAll(Objects.requireNonNull(urls, "urls"));
        u.forEach((page, path) -> {
            try {
                checkUrl(name, page, path);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("urls." + page.key() + ": " + e.getMessage());
            }
        });
        urls = Map.copyOf(u);
        hooks = Map.copyOf(Objects.requireNonNull(hooks, "hooks"));
        orderRequests = List.copyOf(orderRequests == null ? List.of() : orderRequests);
    }

    /** A profile that names no order requests. */
    public StorefrontProfile(String name, Map<ShopPage, String> urls, Map<Hook, Locator> hooks) {
        this(name, urls, hooks, List.of());
    }

    /** The profile for the embedded demo store, from {@value #DEMO_STORE_RESOURCE}. */
    public static StorefrontProfile demoStore() {
        return fromClasspath(DEMO_STORE_RESOURCE);
    }

    /** Reads a YAML profile from the classpath. */
    public static StorefrontProfile fromClasspath(String resource) {
        try (InputStream in = StorefrontProfile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no storefront profile on the classpath at " + resource);
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "classpath:" + resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read storefront profile classpath:" + resource, e);
        }
    }

    /** Reads a YAML profile file. */
    public static StorefrontProfile load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": storefront profile file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read storefront profile " + file, e);
        }
    }

    /**
     * Reads a YAML profile from text; {@code source} names it in errors.
     *
     * @throws IllegalArgumentException with one line "source: key: what is wrong"
     */
    public static StorefrontProfile parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IllegalArgumentException(source + ": not valid YAML" + where + ": " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": a storefront profile must be a map with keys " + String.join(", ", TOP_KEYS));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_KEYS.contains(key)) {
                throw new IllegalArgumentException(source + ": unknown key '" + key + "' (expected " + String.join(", ", TOP_KEYS) + ")");
            }
        }
        JsonNode nameNode = root.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
            throw new IllegalArgumentException(source + ": name: required, a text such as 'my-shop'");
        }
        Builder builder = builder(nameNode.asText().strip());
        JsonNode urls = root.get("urls");
        if (urls != null) {
            requireMap(urls, source, "urls");
            for (Iterator<Map.Entry<String, JsonNode>> it = urls.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ShopPage page = ShopPage.ofKey(e.getKey()).orElseThrow(() -> new IllegalArgumentException(source + ": urls."
                        + e.getKey() + ": unknown page (known: " + Arrays.stream(ShopPage.values()).map(ShopPage::key)
                        .collect(Collectors.joining(", ")) + ")"));
                String path = text(e.getValue(), source, "urls." + e.getKey());
                try {
                    checkUrl(nameNode.asText(), page, path);
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException(source + ": urls." + e.getKey() + ": " + bad.getMessage());
                }
                builder.url(page, path);
            }
        }
        JsonNode hooks = root.get("hooks");
        if (hooks != null) {
            requireMap(hooks, source, "hooks");
            for (Iterator<Map.Entry<String, JsonNode>> it = hooks.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Hook hook = Hook.ofKey(e.getKey()).orElseThrow(() -> new IllegalArgumentException(source + ": hooks."
                        + e.getKey() + ": unknown hook (known: " + Arrays.stream(Hook.values()).map(Hook::key)
                        .collect(Collectors.joining(", ")) + ")"));
                String locator = text(e.getValue(), source, "hooks." + e.getKey());
                try {
                    builder.hook(hook, LocatorSyntax.parse(locator));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException(source + ": hooks." + e.getKey() + ": " + bad.getMessage());
                }
            }
        }
        JsonNode orders = root.get("orders");
        if (orders != null) {
            if (!orders.isArray()) {
                throw new IllegalArgumentException(source + ": orders: must be a list of requests such as 'POST /checkout/payment'");
            }
            for (int i = 0; i < orders.size(); i++) {
                String request = text(orders.get(i), source, "orders[" + i + "]");
                try {
                    builder.orderRequest(RequestPattern.parse(request));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException(source + ": orders[" + i + "]: " + bad.getMessage());
                }
            }
        }
        return builder.build();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Optional<Locator> hookIfPresent(Hook hook) {
        return Optional.ofNullable(hooks.get(hook));
    }

    public boolean has(Hook hook) {
        return hooks.containsKey(hook);
    }

    public Optional<String> urlIfPresent(ShopPage page) {
        return Optional.ofNullable(urls.get(page));
    }

    private static void checkUrl(String profile, ShopPage page, String path) {
        if (path == null || path.isBlank() || !(path.startsWith("/") || path.startsWith("http://") || path.startsWith("https://"))) {
            throw new IllegalArgumentException("must be a path starting with / or an http(s) URL: \"" + path + "\"");
        }
        if (page == ShopPage.SEARCH && !path.contains("{query}")) {
            throw new IllegalArgumentException("must contain {query} where the search words go: \"" + path + "\"");
        }
    }

    private static void requireMap(JsonNode node, String source, String key) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(source + ": " + key + ": must be a map of names to values");
        }
    }

    private static String text(JsonNode node, String source, String key) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException(source + ": " + key + ": must be a non-blank text, got " + node);
        }
        return node.asText().strip();
    }


    /** Builds a {@link StorefrontProfile}; hooks not given are verbs the shop does not have. */
    public static final class Builder {
        private final String name;
        private final EnumMap<ShopPage, String> urls = new EnumMap<>(ShopPage.class);
        private final EnumMap<Hook, Locator> hooks = new EnumMap<>(Hook.class);
        private final List<RequestPattern> orderRequests = new java.util.ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Starts from another profile: for a shop that differs from it in a few places. */
        public Builder from(StorefrontProfile base) {
            urls.putAll(base.urls());
            hooks.putAll(base.hooks());
            orderRequests.addAll(base.orderRequests());
            return this;
        }

        public Builder url(ShopPage page, String path) {
            urls.put(Objects.requireNonNull(page, "page"), path);
            return this;
        }

        public Builder hook(Hook hook, Locator locator) {
            hooks.put(Objects.requireNonNull(hook, "hook"), Objects.requireNonNull(locator, "locator for " + hook.key()));
            return this;
        }

        /** Removes a hook: the shop does not have this (no categories, no search...). */
        public Builder without(Hook hook) {
            hooks.remove(hook);
            return this;
        }

        /** A request that places an order: {@code RequestPattern.parse("POST /checkout/payment")}. */
        public Builder orderRequest(RequestPattern request) {
            orderRequests.add(Objects.requireNonNull(request, "order request"));
            return this;
        }

        public StorefrontProfile build() {
            try {
                return new StorefrontProfile(name, urls, hooks, orderRequests);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("storefront profile '" + name + "': " + e.getMessage());
            }
        }
    }
}
