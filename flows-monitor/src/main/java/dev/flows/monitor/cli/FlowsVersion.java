package dev.flows.monitor.cli;

import picocli.CommandLine;

/** {@code flows --version}: the version in the jar's manifest (a build from source says so). */
final class FlowsVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Flows.class.getPackage().getImplementationVersion();
        return new String[] {"flows " + (version == null ? "(built from source)" : version)};
    }
}
