package dev.flows.demostore.catalogue;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the shop sells, in shelf order: an immutable value, so live and fallback can share one.
 *
 * <pre>{@code
 * Catalogue now = Catalogue.current();
 * Catalogue lastWeek = now.older();   // what a stale fallback deployment still serves
 * }</pre>
 */
public record Catalogue(String version, List<Category> categories, List<Product> products) {

    public Catalogue {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("catalogue version must not be blank: \"" + version + "\"");
        }
        categories = List.copyOf(categories);
        products = List.copyOf(products);
        Set<String> categorySlugs = new HashSet<>();
        for (Category c : categories) {
            if (!categorySlugs.add(c.slug())) {
                throw new IllegalArgumentException("category slug used twice: " + c.slug());
            }
        }
        Set<String> productSlugs = new HashSet<>();
        for (Product p : products) {
            if (!productSlugs.add(p.slug())) {
                throw new IllegalArgumentException("product slug used twice: " + p.slug());
            }
            if (!categorySlugs.contains(p.categorySlug())) {
                throw new IllegalArgumentException("product " + p.slug() + " is in an unknown category: " + p.categorySlug());
            }
        }
    }

    /** The catalogue the shop sells today: 5 categories, 36 products, some sold out, some with variants. */
    public static Catalogue current() {
        return CurrentRange.CATALOGUE;
    }

    /**
     * The previous version of this catalogue, as a fallback deployment that missed the last releases would serve
     * it: every price 10% lower and without the new arrivals.
     */
    public Catalogue older() {
        return new Catalogue(version + "-previous", categories,
                products.stream().filter(p -> !p.newArrival()).map(p -> p.repriced(90)).toList());
    }

    /** This catalogue with some products at another price: slug to percent of today's price (a release that changed prices). */
    public Catalogue repriced(java.util.Map<String, Integer> percentBySlug) {
        return new Catalogue(version + "-repriced", categories, products.stream()
                .map(p -> percentBySlug.containsKey(p.slug()) ? p.repriced(percentBySlug.get(p.slug())) : p).toList());
    }

    public Optional<Product> product(String slug) {
        return products.stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    public Optional<Category> category(String slug) {
        return categories.stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    public List<Product> inCategory(String slug) {
        return products.stream().filter(p -> p.categorySlug().equals(slug)).toList();
    }

    public List<Product> featured() {
        return products.stream().filter(Product::featured).toList();
    }

    /** Products whose name or description contains {@code query}, ignoring case; none for a blank query. */
    public List<Product> search(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return List.of();
        }
        return products.stream()
                .filter(p -> p.name().toLowerCase(Locale.ROOT).contains(q)
                        || p.description().toLowerCase(Locale.ROOT).contains(q))
                .toList();
    }

    /** How a category page can be ordered: {@code ?sort=featured|price-asc|price-desc|name}. */
    public enum Sort {
        FEATURED("featured", "Featured", null),
        PRICE_ASC("price-asc", "Price, low to high", Comparator.comparing(Product::price)),
        PRICE_DESC("price-desc", "Price, high to low", Comparator.comparing(Product::price).reversed()),
        NAME("name", "Name, A to Z", Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT)));

        private final String key;
        private final String label;
        private final Comparator<Product> order;

        Sort(String key, String label, Comparator<Product> order) {
            this.key = key;
            this.label = label;
            this.order = order;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        /** The sort for a query value; anything unknown falls back to featured, as shops usually do. */
        public static Sort fromKey(String key) {
            for (Sort s : values()) {
                if (s.key.equals(key)) {
                    return s;
                }
            }
            return FEATURED;
        }

        public List<Product> apply(List<Product> products) {
            return order == null ? List.copyOf(products) : products.stream().sorted(order).toList();
        }
    }
}
