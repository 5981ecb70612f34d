package dev.flows.demostore.catalogue;

/** A shelf of the shop, addressed as {@code /category/{slug}}. */
public record Category(String slug, String name, String blurb) {

    public Category {
        if (slug == null || !slug.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("category slug must be lower-case letters, digits and '-': \"" + slug + "\"");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("category name must not be blank: \"" + name + "\"");
        }
        blurb = blurb == null ? "" : blurb;
    }
}
