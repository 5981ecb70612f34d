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
 * <p>Two settings describe how the shop writes things: {@code testIdAttribute} (default {@code data-testid}) is the
 * attribute a {@code testId:} locator means, and {@code cartCountWhenEmpty: absent} says that the cart badge is
 * left out of the page when the cart is empty, so that the verbs read a missing badge as 0. A hook written
 * {@code "css:a.cart @aria-label"} is read from that attribute instead of its text.
 *
 * @param name             the profile's name, used in messages
 * @param urls             paths of the pages verbs open directly; {@link ShopPage#LANDING} defaults to "/"
 * @param hooks            the locators this shop has; missing hooks are verbs the shop does not support
 * @param reads            hooks read from an attribute instead of their text (hook -> attribute name)
 * @param testIdAttribute  the attribute {@code testId:} locators mean
 * @param absentCountIsZero whether a missing cart-count element means an empty cart
 * @param orderRequests    the requests that place an order ({@code orders: ["POST /checkout/payment"]}): on a
 *                         production site that does not allow orders the browser blocks them at the network level
 */
public record StorefrontProfile(String name, Map<ShopPage, String> urls, Map<Hook, Locator> hooks, Map<Hook, String> reads,
                                String testIdAttribute, boolean absentCountIsZero, List<RequestPattern> orderRequests) {

    /** The attribute {@code testId:} means unless a profile says otherwise. */
    public static final String DEFAULT_TEST_ID_ATTRIBUTE = "data-testid";

    /** The classpath resource of the profile for the embedded demo store. */
    public static final String DEMO_STORE_RESOURCE = "/flows/profiles/demo-store.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final List<String> TOP_KEYS = List.of("name", "testIdAttribute", "cartCountWhenEmpty", "urls", "hooks", "orders");

    /** A profile with the default settings: {@code data-testid}, a cart count that is always shown, hooks read as text, no order requests. */
    public StorefrontProfile(String name, Map<ShopPage, String> urls, Map<Hook, Locator> hooks) {
        this(name, urls, hooks, Map.of(), DEFAULT_TEST_ID_ATTRIBUTE, false, List.of());
    }

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
        reads = Map.copyOf(Objects.requireNonNull(reads, "reads"));
        for (Hook h : reads.keySet()) {
            if (!hooks.containsKey(h)) {
                throw new IllegalArgumentException("hooks." + h.key() + ": reads an attribute but has no locator");
            }
        }
        testIdAttribute = testIdAttribute == null ? DEFAULT_TEST_ID_ATTRIBUTE : testIdAttribute.strip();
        if (!testIdAttribute.matches("[A-Za-z_][A-Za-z0-9_.:-]*")) {
            throw new IllegalArgumentException("testIdAttribute: must be an attribute name such as data-test: \"" + testIdAttribute + "\"");
        }
        orderRequests = List.copyOf(orderRequests == null ? List.of() : orderRequests);
    }

    /** The attribute {@code hook} is read from, if it is not read as text. */
    public Optional<String> readsAttribute(Hook hook) {
        return Optional.ofNullable(reads.get(hook));
    }

    /** The profile of the demo store's single-page shape with its short checkout. */
    public static final String DEMO_STORE_EXPRESS_RESOURCE = "/flows/profiles/demo-store-express.yaml";
    /** The profile of the demo store's single-page shape with its one-page checkout (its count read from an aria-label). */
    public static final String DEMO_STORE_EXPRESS_ONE_PAGE_RESOURCE = "/flows/profiles/demo-store-express-one-page.yaml";

    /** The profile of the demo store's single-page shape ({@code DemoStore.Shape.SINGLE_PAGE}, short checkout). */
    public static StorefrontProfile demoStoreExpress() {
        return fromClasspath(DEMO_STORE_EXPRESS_RESOURCE);
    }

    /** The profile of the single-page shape with its one-page checkout ({@code DemoStore.CheckoutFlow.ONE_PAGE}). */
    public static StorefrontProfile demoStoreExpressOnePage() {
        return fromClasspath(DEMO_STORE_EXPRESS_ONE_PAGE_RESOURCE);
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
        JsonNode attribute = root.get("testIdAttribute");
        String testIdAttribute = DEFAULT_TEST_ID_ATTRIBUTE;
        if (attribute != null) {
            testIdAttribute = text(attribute, source, "testIdAttribute");
            if (!testIdAttribute.matches("[A-Za-z_][A-Za-z0-9_.:-]*")) {
                throw new IllegalArgumentException(source + ": testIdAttribute: must be an attribute name such as data-test: \"" + testIdAttribute + "\"");
            }
            builder.testIdAttribute(testIdAttribute);
        }
        JsonNode whenEmpty = root.get("cartCountWhenEmpty");
        if (whenEmpty != null) {
            String said = text(whenEmpty, source, "cartCountWhenEmpty");
            if (!said.equals("absent") && !said.equals("shown")) {
                throw new IllegalArgumentException(source + ": cartCountWhenEmpty: must be 'absent' (no badge for an empty cart) or 'shown', got '" + said + "'");
            }
            builder.absentCartCountIsZero(said.equals("absent"));
        }
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
                java.util.regex.Matcher read = java.util.regex.Pattern.compile("^(.*\\S)\\s+@([A-Za-z_][A-Za-z0-9_.:-]*)$").matcher(locator);
                if (read.matches()) {
                    locator = read.group(1);
                    builder.read(hook, read.group(2));
                }
                try {
                    builder.hook(hook, LocatorSyntax.parse(locator, testIdAttribute));
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
        private final EnumMap<Hook, String> reads = new EnumMap<>(Hook.class);
        private String testIdAttribute = DEFAULT_TEST_ID_ATTRIBUTE;
        private boolean absentCountIsZero;
        private final List<RequestPattern> orderRequests = new java.util.ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Starts from another profile: for a shop that differs from it in a few places. */
        public Builder from(StorefrontProfile base) {
            urls.putAll(base.urls());
            hooks.putAll(base.hooks());
            reads.putAll(base.reads());
            testIdAttribute = base.testIdAttribute();
            absentCountIsZero = base.absentCountIsZero();
            orderRequests.addAll(base.orderRequests());
            return this;
        }

        /**
         * The attribute {@code testId:} means in YAML ({@code data-test}, {@code data-qa}); in Java, write hooks with
         * {@link #testId(String)} to follow it.
         */
        public Builder testIdAttribute(String attribute) {
            this.testIdAttribute = Objects.requireNonNull(attribute, "testIdAttribute");
            return this;
        }

        /** A locator for this profile's test-id attribute. */
        public Locator testId(String id) {
            return LocatorSyntax.parse("testId:" + id, testIdAttribute);
        }

        /** The shop leaves the cart badge out when the cart is empty: the verbs read a missing badge as 0. */
        public Builder absentCartCountIsZero(boolean absentIsZero) {
            this.absentCountIsZero = absentIsZero;
            return this;
        }

        /** Reads {@code hook} from {@code attribute} (e.g. a count in {@code aria-label}) instead of its text. */
        public Builder read(Hook hook, String attribute) {
            reads.put(Objects.requireNonNull(hook, "hook"), Objects.requireNonNull(attribute, "attribute"));
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
            reads.remove(hook);
            return this;
        }

        /** A request that places an order: {@code RequestPattern.parse("POST /checkout/payment")}. */
        public Builder orderRequest(RequestPattern request) {
            orderRequests.add(Objects.requireNonNull(request, "order request"));
            return this;
        }

        public StorefrontProfile build() {
            try {
                return new StorefrontProfile(name, urls, hooks, reads, testIdAttribute, absentCountIsZero, orderRequests);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("storefront profile '" + name + "': " + e.getMessage());
            }
        }
    }
}
