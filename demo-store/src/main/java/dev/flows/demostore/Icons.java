package dev.flows.demostore;

import dev.flows.demostore.catalogue.Product;

/** Inline SVG artwork, so the shop looks like a shop without image files or a network. */
final class Icons {

    static final String LOGO = """
            <svg width="34" height="34" viewBox="0 0 34 34" aria-hidden="true"><circle cx="17" cy="17" r="17" fill="#6b3e26"/><path d="M10 13h12v6a6 6 0 0 1-6 6h0a6 6 0 0 1-6-6z" fill="#f6efe7"/><path d="M22 15h2a2.5 2.5 0 0 1 0 5h-2" stroke="#f6efe7" stroke-width="1.6" fill="none"/><path d="M13 8c1 1.5-1 2.5 0 4M17 8c1 1.5-1 2.5 0 4" stroke="#e8c9a6" stroke-width="1.4" fill="none"/></svg>""";

    static final String CART = """
            <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8"><path d="M3 4h2l2.4 11h10.2L20 7H6.2"/><circle cx="9" cy="19.5" r="1.5"/><circle cx="17" cy="19.5" r="1.5"/></svg>""";

    static final String USER = """
            <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8"><circle cx="12" cy="8" r="4"/><path d="M4 21c1.5-4 4.5-6 8-6s6.5 2 8 6"/></svg>""";

    private Icons() {
    }

    /** A drawing for the product's category on a background tinted from its slug, so tiles differ. */
    static String product(Product p) {
        int hue = Math.floorMod(p.slug().hashCode(), 360);
        String bg = "hsl(" + hue + ", 35%, 92%)";
        String ink = "hsl(" + hue + ", 30%, 32%)";
        String shape = switch (p.categorySlug()) {
            case "espresso-machines" -> """
                    <rect x="34" y="16" width="52" height="50" rx="6" fill="%1$s"/><rect x="40" y="22" width="40" height="8" rx="2" fill="#fff" opacity=".5"/>
                    <rect x="52" y="36" width="16" height="8" rx="2" fill="#333"/><rect x="56" y="44" width="8" height="6" fill="#333"/>
                    <path d="M52 54h14v5a4 4 0 0 1-4 4h-6a4 4 0 0 1-4-4z" fill="#fff"/><rect x="30" y="66" width="60" height="5" rx="2" fill="#333"/>""";
            case "grinders" -> """
                    <path d="M44 10h32l-6 20H50z" fill="#fff" opacity=".8" stroke="%1$s" stroke-width="2"/><rect x="46" y="30" width="28" height="34" rx="5" fill="%1$s"/>
                    <circle cx="60" cy="44" r="5" fill="#fff" opacity=".6"/><rect x="50" y="64" width="20" height="8" rx="2" fill="#333"/><rect x="40" y="72" width="40" height="4" rx="2" fill="#333"/>""";
            case "brewing" -> """
                    <path d="M40 18h40l-12 22H52z" fill="%1$s"/><rect x="54" y="40" width="12" height="4" fill="%1$s"/>
                    <path d="M46 46h28l4 24H42z" fill="#fff" opacity=".8" stroke="%1$s" stroke-width="2"/><path d="M45 60h30l2 10H43z" fill="#6b3e26" opacity=".7"/>""";
            case "coffee-beans" -> """
                    <path d="M42 16h36l4 58H38z" fill="%1$s"/><rect x="42" y="12" width="36" height="8" rx="2" fill="#333"/>
                    <ellipse cx="60" cy="46" rx="10" ry="14" fill="#fff" opacity=".85"/><path d="M60 33c-4 8 4 18 0 27" stroke="%1$s" stroke-width="2" fill="none"/>""";
            default -> """
                    <circle cx="60" cy="44" r="24" fill="%1$s"/><circle cx="60" cy="44" r="14" fill="#fff" opacity=".55"/>
                    <rect x="56" y="14" width="8" height="14" rx="3" fill="#333"/>""";
        };
        return "<svg class=\"art\" viewBox=\"0 0 120 86\" role=\"img\" aria-label=\"" + Html.esc(p.name()) + "\">"
                + "<rect width=\"120\" height=\"86\" fill=\"" + bg + "\"/>" + shape.formatted(ink) + "</svg>";
    }
}
