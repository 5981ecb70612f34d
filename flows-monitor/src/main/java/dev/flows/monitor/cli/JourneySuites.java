package dev.flows.monitor.cli;

import dev.flows.config.ConfigException;
import dev.flows.dsl.JourneySuite;
import dev.flows.dsl.StandardJourneys;
import dev.flows.dsl.Storefront;
import dev.flows.journey.Journey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Where a command's journeys come from, in this order: the classes {@code flows.yaml} names under
 * {@code journeys}; else every {@link JourneySuite} registered in {@code META-INF/services} on the classpath; else
 * the {@link StandardJourneys} of the profile.
 *
 * @param source  what the journeys came from, for people: "com.example.ShopJourneys", "standard storefront journeys"
 * @param journeys the journeys, built against the profile's storefront
 */
record JourneySuites(String source, List<Journey> journeys) {

    JourneySuites {
        journeys = List.copyOf(journeys);
    }

    /**
     * Loads and builds the journeys; a class that is missing, of the wrong type or fails to build is a
     * {@link ConfigException} naming {@code where} (the config file) and the class.
     */
    static JourneySuites load(List<String> named, Storefront shop, String where, ClassLoader loader) {
        List<JourneySuite> suites = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            suites.add(create(named.get(i), where + ": journeys[" + i + "]", loader));
        }
        if (suites.isEmpty()) {
            ServiceLoader.load(JourneySuite.class, loader).forEach(suites::add);
        }
        if (suites.isEmpty()) {
            suites.add(new StandardJourneys());
        }
        List<Journey> journeys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> sources = new ArrayList<>();
        for (JourneySuite suite : suites) {
            String name = suite instanceof StandardJourneys ? suite.toString() : suite.getClass().getName();
            sources.add(name);
            List<Journey> built;
            try {
                built = suite.journeys(shop);
            } catch (RuntimeException e) {
                throw new ConfigException(where + ": journeys: " + name + " could not build its journeys: " + Flows.oneLine(e));
            }
            for (Journey journey : built == null ? List.<Journey>of() : built) {
                if (!names.add(journey.name())) {
                    throw new ConfigException(where + ": journeys: two journeys are named '" + journey.name()
                            + "' (the second from " + name + "): names must be unique");
                }
                journeys.add(journey);
            }
        }
        return new JourneySuites(String.join(", ", sources), journeys);
    }

    private static JourneySuite create(String name, String where, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(name, true, loader);
            if (!JourneySuite.class.isAssignableFrom(type)) {
                throw new ConfigException(where + ": " + name + " does not implement " + JourneySuite.class.getName());
            }
            return (JourneySuite) type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new ConfigException(where + ": class " + name + " is not on the classpath");
        } catch (NoSuchMethodException e) {
            throw new ConfigException(where + ": " + name + " needs a public no-argument constructor");
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException(where + ": " + name + " could not be created: " + Flows.oneLine(cause));
        }
    }
}
