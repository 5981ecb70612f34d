package dev.flows.config;

import dev.flows.browser.Durations;
import static dev.flows.browser.Messages.firstLine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a {@link FlowsConfig} with Jackson and turns every problem into one line naming the file, line and key.
 * Values pass through here once from the file (so errors carry a position) and, only when there are overrides,
 * once more from the tree with the overrides applied.
 */
final class ConfigReader {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final String ENV = "flows.environment";

    private final Map<String, String> environment;
    private final Map<String, String> overrides;

    ConfigReader(Map<String, String> environment, Map<String, String> overrides) {
        this.environment = Map.copyOf(environment);
        this.overrides = new TreeMap<>(overrides);
    }

    /** The {@code flows.*} system properties, without the prefix. */
    static Map<String, String> flowsProperties(Properties properties) {
        Map<String, String> found = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("flows.") && name.length() > "flows.".length()) {
                found.put(name.substring("flows.".length()), properties.getProperty(name));
            }
        }
        return found;
    }

    FlowsConfig read(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException("config file " + file + " is a folder: give the flows.yaml inside it");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file not found: " + file);
        }
        ObjectMapper mapper = mapper(file);
        try {
            if (Files.readString(file).isBlank()) {
                throw new ConfigException(file + " is empty: it needs at least 'sites'");
            }
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        FlowsConfig config;
        try {
            config = mapper.readerFor(FlowsConfig.class).withAttribute(ENV, environment).readValue(file.toFile());
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + ":" + where(keyLocation(file, e.getPropertyName())) + describe(e));
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            if (location == null && e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                location = keyLocation(file, String.valueOf(m.getPath().get(m.getPath().size() - 1).getFieldName()));
            }
            throw new ConfigException(file + ":" + where(location) + section(file, location, e) + describe(e));
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        if (config == null) {
            throw new ConfigException(file + " is empty: it needs at least 'sites'");
        }
        return overridden(config, mapper, file);
    }

    private FlowsConfig overridden(FlowsConfig config, ObjectMapper mapper, Path file) {
        List<String[]> applied = new ArrayList<>();
        JsonNode tree = mapper.valueToTree(config);
        overrides.forEach((key, value) -> {
            set(tree, key.split("\\."), 0, value, "-Dflows." + key, true);
            applied.add(new String[] {"-Dflows." + key, value});
        });
        new TreeMap<>(environment).forEach((name, value) -> {
            if (name.startsWith("FLOWS_") && name.length() > "FLOWS_".length()
                    && set(tree, name.substring("FLOWS_".length()).split("_"), 0, value, name, false)) {
                applied.add(new String[] {name, value});
            }
        });
        if (applied.isEmpty()) {
            return config;
        }
        try {
            return mapper.readerFor(FlowsConfig.class).withAttribute(ENV, environment).readValue(mapper.treeAsTokens(tree));
        } catch (JsonProcessingException e) {
            String which = applied.stream().map(a -> a[0]).collect(Collectors.joining(", "));
            throw new ConfigException(file + " with override " + which + ": " + describe(e));
        } catch (IOException e) {
            throw new ConfigException("cannot apply overrides to " + file + ": " + e.getMessage());
        }
    }

    /**
     * Puts {@code value} at the path the words spell out: words match keys ignoring case, and a word may span
     * several keys' worth of words ({@code TIMEOUTS_WAIT_FOR} finds {@code timeouts.waitFor}); in a list of
     * sites, a word matches a site's name.
     */
    private static boolean set(JsonNode node, String[] words, int from, String value, String source, boolean strict) {
        for (int to = from + 1; to <= words.length; to++) {
            String key = normal(String.join("", java.util.Arrays.copyOfRange(words, from, to)));
            if (node instanceof ObjectNode object) {
                for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (normal(name).equals(key)) {
                        if (to == words.length) {
                            object.set(name, new TextNode(value));
                            return true;
                        }
                        if (set(object.get(name), words, to, value, source, strict)) {
                            return true;
                        }
                    }
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    JsonNode element = array.get(i);
                    String id = element.path("name").asText(String.valueOf(i));
                    if (normal(id).equals(key) && to < words.length && set(element, words, to, value, source, strict)) {
                        return true;
                    }
                }
            }
        }
        if (strict && from == 0) {
            throw new ConfigException("override " + source + " names no config key (keys are "
                    + String.join(", ", fieldNames(node)) + ")");
        }
        return false;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String normal(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase();
    }

    /**
     * Where an unknown key stands in the file. Jackson reads records through a buffer and so reports no position
     * (or the end of the mapping) for a key it does not know; a typo is rarely written twice, so its first
     * appearance as a key is the line to show.
     */
    private static JsonLocation keyLocation(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            Pattern asKey = Pattern.compile("(^|[\\s{,-])\"?" + Pattern.quote(key) + "\"?\\s*:");
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = asKey.matcher(lines.get(i));
                if (m.find()) {
                    return new JsonLocation(null, -1, i + 1, m.start() + m.group(1).length() + 1);
                }
            }
        } catch (IOException ignored) {
            // No position, then: the key's path still names it.
        }
        return null;
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']+)'.*");

    /**
     * For a syntax error, the key it stands under, so that the line reads like every other: a duplicate key names
     * itself ("retries: "), any other syntax error the top-level key whose section holds the line ("sites: ").
     */
    private static String section(Path file, JsonLocation location, JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonParseException syntax = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonParseException p) {
                syntax = p;
            }
        }
        if (syntax == null) {
            return "";
        }
        Matcher duplicate = DUPLICATE.matcher(firstLine(syntax.getOriginalMessage()));
        if (duplicate.matches()) {
            return duplicate.group(1) + ": ";
        }
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(file);
            Pattern topLevel = Pattern.compile("^\"?([A-Za-z][\\w-]*)\"?\\s*:");
            for (int i = Math.min(location.getLineNr(), lines.size()) - 1; i >= 0; i--) {
                Matcher m = topLevel.matcher(lines.get(i));
                if (m.find()) {
                    return m.group(1) + ": ";
                }
            }
        } catch (IOException ignored) {
            // The message still names the line.
        }
        return "";
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? " " : location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    /** One line: the key's path, then what is wrong with it. */
    static String describe(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonParseException syntax) {
                return "not valid " + (syntax.getProcessor() instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser
                        ? "YAML" : "JSON") + ": " + firstLine(syntax.getOriginalMessage());
            }
        }
        String path = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        String at = path.isEmpty() ? "" : path + ": ";
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            String key = path.isEmpty() || path.endsWith("." + u.getPropertyName()) || path.equals(u.getPropertyName())
                    ? at : path + "." + u.getPropertyName() + ": ";
            return (path.isEmpty() ? u.getPropertyName() + ": " : key) + "unknown key (expected one of " + String.join(", ", known) + ")";
        }
        if (e instanceof InvalidFormatException f) {
            return at + "'" + f.getValue() + "' is not " + article(f.getTargetType());
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return keyed(path, firstLine(v.getCause().getMessage()));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            String detail = firstLine(m.getOriginalMessage());
            if (detail.startsWith("Cannot deserialize value of type") || detail.startsWith("Cannot construct instance")) {
                return at + "expected " + article(m.getTargetType());
            }
            return at + detail;
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof IllegalArgumentException cause) {
            return keyed(path, firstLine(cause.getMessage()));
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof NullPointerException) {
            // Jackson's own failure on a shape it cannot convert (a list where a path goes): say what was expected.
            return at + "expected a single value, not a list or a mapping";
        }
        if (e instanceof JsonMappingException) {
            return at + firstLine(e.getOriginalMessage());
        }
        return "not valid " + (e.getProcessor() instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser ? "YAML" : "JSON")
                + ": " + firstLine(e.getOriginalMessage());
    }

    private static final Pattern REQUIRED = Pattern.compile("'([A-Za-z][\\w.]*)' is required(.*)");
    private static final Pattern LEADING_KEY = Pattern.compile("([a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*|\\[\\d+])*):? (.*)");

    /**
     * A validation message with its key first, as the reader's own messages are: at {@code sites[0]},
     * "'url' is required" becomes "sites[0].url: is required"; at {@code timeouts}, "timeouts.navigation must be
     * positive" becomes "timeouts.navigation: must be positive". A message that starts with no key keeps the path.
     */
    static String keyed(String path, String message) {
        Matcher required = REQUIRED.matcher(message);
        if (required.matches()) {
            return (path.isEmpty() ? "" : path + ".") + required.group(1) + ": is required" + required.group(2);
        }
        Matcher leading = LEADING_KEY.matcher(message);
        if (leading.matches() && KEYS.contains(leading.group(1).split("[.\\[]")[0])
                && (path.isEmpty() || leading.group(1).startsWith(path))) {
            return leading.group(1) + ": " + leading.group(2);
        }
        return path.isEmpty() ? message : path + ": " + message;
    }

    // The config's own keys, top level: a message that starts with one names where it is.
    private static final java.util.Set<String> KEYS = java.util.Arrays.stream(FlowsConfig.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).collect(Collectors.toUnmodifiableSet());

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            }
        }
        return path.toString();
    }

    private static String article(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys to values";
        }
        if (type == String.class) {
            return "a text value";
        }
        return "a " + type.getSimpleName();
    }


    private static ObjectMapper mapper(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        ObjectMapper mapper = name.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)   // retries: 1.5 is a mistake, not 1
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        SimpleModule module = new SimpleModule("flows-config");
        module.addDeserializer(String.class, new InterpolatedText());
        module.addDeserializer(Duration.class, new DurationText());
        module.addDeserializer(SecretRef.class, new SecretText());
        module.addSerializer(Duration.class, new JsonSerializer<>() {
            @Override
            public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                // ISO-8601 ("PT1.25S"), which parse reads back exactly: the overrides pass through this tree.
                gen.writeString(value.toString());
            }
        });
        module.addSerializer(SecretRef.class, new JsonSerializer<>() {
            @Override
            public void serialize(SecretRef value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        module.addSerializer(Path.class, new JsonSerializer<>() {
            @Override
            public void serialize(Path value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        module.addDeserializer(Path.class, new JsonDeserializer<>() {
            @Override
            public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return Path.of(interpolate(p, ctxt, p.getValueAsString()));
            }
        });
        return mapper.registerModule(module);
    }

    @SuppressWarnings("unchecked")
    private static String interpolate(JsonParser p, DeserializationContext ctxt, String text) throws JsonMappingException {
        if (text == null || !text.contains("${")) {
            return text;
        }
        Map<String, String> env = (Map<String, String>) ctxt.getAttribute(ENV);
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.get(m.group(1));
            if (value == null) {
                if (m.group(2) == null) {
                    throw JsonMappingException.from(p, "environment variable " + m.group(1) + " is not set");
                }
                value = m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Text values, with {@code ${VAR}} references replaced. */
    private static final class InterpolatedText extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            return interpolate(p, ctxt, p.getValueAsString());
        }
    }

    private static final class DurationText extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                throw JsonMappingException.from(p, "'" + p.getText() + "' needs a unit (write 250ms, 5s, 2m or 1h)");
            }
            String text = interpolate(p, ctxt, p.getValueAsString());
            try {
                return Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage());
            }
        }
    }

    /** A secret: the value must be a whole {@code ${VAR}} reference, so no secret is ever written into a file. */
    private static final class SecretText extends JsonDeserializer<SecretRef> {
        @Override
        @SuppressWarnings("unchecked")
        public SecretRef deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            Matcher m = text == null ? null : REFERENCE.matcher(text.strip());
            if (m == null || !m.matches() || m.group(2) != null) {
                throw JsonMappingException.from(p, "credentials must be an environment variable reference such as "
                        + "\"${SHOP_PASSWORD}\", never the secret itself");
            }
            String value = ((Map<String, String>) ctxt.getAttribute(ENV)).get(m.group(1));
            if (value == null) {
                throw JsonMappingException.from(p, "environment variable " + m.group(1) + " is not set");
            }
            return new SecretRef(m.group(1), value);
        }
    }

}
