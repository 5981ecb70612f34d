package dev.flows.demostore.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the shop sells, addressed as {@code /product/{slug}}.
 *
 * <pre>{@code
 * Product kit = Product.builder("descaling-kit", "Descaling Kit")
 *     .category("accessories").price("19.90").stock(40)
 *     .description("Citric-acid descaler for two treatments.")
 *     .build();
 * }</pre>
 *
 * <p>When a product has variants, {@link #price()} is the price of the first variant and each variant carries
 * its own price. Stock is counted per product, not per variant.
 *
 * @param newArrival a product that an older catalogue did not have yet (see {@link Catalogue#older()})
 */
public record Product(String slug, String name, String categorySlug, String description, Money price, int stock,
                      String variantLabel, List<Variant> variants, boolean featured, boolean newArrival) {

    public Product {
        if (slug == null || !slug.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("product slug must be lower-case letters, digits and '-': \"" + slug + "\"");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("product name must not be blank: \"" + name + "\"");
        }
        if (categorySlug == null || categorySlug.isBlank()) {
            throw new IllegalArgumentException("product " + slug + " needs a category");
        }
        if (stock < 0) {
            throw new IllegalArgumentException("stock of " + slug + " must not be negative: " + stock);
        }
        Objects.requireNonNull(price, "price of " + slug);
        description = description == null ? "" : description;
        variants = List.copyOf(variants);
        variantLabel = variants.isEmpty() ? "" : variantLabel;
        if (!variants.isEmpty() && (variantLabel == null || variantLabel.isBlank())) {
            throw new IllegalArgumentException("product " + slug + " has variants but no variant label");
        }
        if (variants.stream().map(Variant::id).distinct().count() != variants.size()) {
            throw new IllegalArgumentException("product " + slug + " has two variants with the same id");
        }
    }

    public static Builder builder(String slug, String name) {
        return new Builder(slug, name);
    }

    public boolean inStock() {
        return stock > 0;
    }

    public boolean hasVariants() {
        return !variants.isEmpty();
    }

    public Optional<Variant> variant(String id) {
        return variants.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** A copy with every price (product and variants) scaled to {@code percent}/100. */
    public Product repriced(int percent) {
        List<Variant> older = variants.stream()
                .map(v -> new Variant(v.id(), v.label(), v.price().percent(percent)))
                .toList();
        return new Product(slug, name, categorySlug, description, price.percent(percent), stock, variantLabel, older,
                featured, newArrival);
    }

    /** Builds a {@link Product}; {@link #build()} checks what the record cannot. */
    public static final class Builder {
        private final String slug;
        private final String name;
        private String category;
        private String description = "";
        private Money price;
        private int stock;
        private String variantLabel = "";
        private final List<Variant> variants = new ArrayList<>();
        private boolean featured;
        private boolean newArrival;

        private Builder(String slug, String name) {
            this.slug = slug;
            this.name = name;
        }

        public Builder category(String categorySlug) {
            this.category = categorySlug;
            return this;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /** Price in euros as a plain decimal, e.g. {@code "1249.00"}. */
        public Builder price(String euros) {
            this.price = Money.euros(euros);
            return this;
        }

        public Builder stock(int units) {
            this.stock = units;
            return this;
        }

        /** The label of the variant select, e.g. "Colour" or "Bag size". */
        public Builder variantLabel(String label) {
            this.variantLabel = label;
            return this;
        }

        /** Adds a variant; a {@code null} price means "same as the product". */
        public Builder variant(String id, String label, String euros) {
            variants.add(new Variant(id, label, euros == null ? Objects.requireNonNull(price,
                    "set the price of " + slug + " before its variants") : Money.euros(euros)));
            return this;
        }

        public Builder featured() {
            this.featured = true;
            return this;
        }

        public Builder newArrival() {
            this.newArrival = true;
            return this;
        }

        public Product build() {
            if (price == null && variants.isEmpty()) {
                throw new IllegalArgumentException("product " + slug + " needs a price");
            }
            // The shown price of a product with variants is the one preselected on its page: the first variant.
            Money shown = variants.isEmpty() ? price : variants.get(0).price();
            return new Product(slug, name, category, description, shown, stock, variantLabel, variants, featured,
                    newArrival);
        }
    }
}
