package dev.flows.engine.port;

import dev.flows.browser.*;

import dev.flows.engine.spi.EngineProvider;

import java.util.ServiceLoader;

/** Finds the engine module for an engine type on the classpath, or says which artifact to add. */
final class EngineProviders {

    private EngineProviders() {
    }

    static EngineProvider find(BrowserConfig.EngineType type) {
        for (EngineProvider provider : ServiceLoader.load(EngineProvider.class, EngineProviders.class.getClassLoader())) {
            if (provider.type() == type) {
                return provider;
            }
        }
        throw new BrowserLaunchException("no " + type.id() + " engine on the classpath: add the dependency "
                + artifact(type) + " to your project");
    }

    /** The Maven coordinates of the module that brings this engine. */
    static String artifact(BrowserConfig.EngineType type) {
        return "dev.flows:flows-" + type.id();
    }
}
