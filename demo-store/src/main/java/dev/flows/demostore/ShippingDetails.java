package dev.flows.demostore;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Contact and shipping address from the checkout form, as typed (trimmed). */
record ShippingDetails(String email, String firstName, String lastName, String street, String postalCode,
                       String city, String country) {

    static final ShippingDetails BLANK = new ShippingDetails("", "", "", "", "", "", "");

    /** Country code to name, in the order of the select. */
    static final Map<String, String> COUNTRIES = countries();

    static ShippingDetails fromForm(Map<String, String> form) {
        return new ShippingDetails(v(form, "email"), v(form, "firstName"), v(form, "lastName"), v(form, "street"),
                v(form, "postalCode"), v(form, "city"), v(form, "country"));
    }

    ShippingDetails withEmail(String email) {
        return new ShippingDetails(email, firstName, lastName, street, postalCode, city, country);
    }

    /** Field name to message for every field that is wrong; empty when the form can be accepted. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (email.isEmpty()) {
            errors.put("email", "Enter your email address");
        } else if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("email", "Enter a valid email address, like name@example.com");
        }
        if (firstName.isEmpty()) {
            errors.put("firstName", "Enter your first name");
        }
        if (lastName.isEmpty()) {
            errors.put("lastName", "Enter your last name");
        }
        if (street.isEmpty()) {
            errors.put("street", "Enter your street and house number");
        }
        if (!COUNTRIES.containsKey(country)) {
            errors.put("country", "Choose a country");
        }
        if (postalCode.isEmpty()) {
            errors.put("postalCode", "Enter your postal code");
        } else if (COUNTRIES.containsKey(country) && !postalCode.toUpperCase(Locale.ROOT).matches(postalCodePattern(country))) {
            errors.put("postalCode", "Enter a valid postal code for " + COUNTRIES.get(country));
        }
        if (city.isEmpty()) {
            errors.put("city", "Enter your town or city");
        }
        return errors;
    }

    String fullName() {
        return firstName + " " + lastName;
    }

    private static String postalCodePattern(String country) {
        return switch (country) {
            case "DE", "FR", "IT", "ES" -> "\\d{5}";
            case "AT", "BE", "DK", "LU" -> "\\d{4}";
            case "NL" -> "\\d{4} ?[A-Z]{2}";
            default -> "[A-Z0-9 ]{3,8}";
        };
    }

    private static String v(Map<String, String> form, String name) {
        return form.getOrDefault(name, "").strip();
    }

    private static Map<String, String> countries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("DE", "Germany");
        m.put("NL", "Netherlands");
        m.put("BE", "Belgium");
        m.put("AT", "Austria");
        m.put("FR", "France");
        m.put("LU", "Luxembourg");
        m.put("IE", "Ireland");
        m.put("IT", "Italy");
        m.put("ES", "Spain");
        m.put("DK", "Denmark");
        return java.util.Collections.unmodifiableMap(m);
    }
}
