package dev.cofferdam.app.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest; "dev" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"cofferdam " + version()};
    }

    /** @return the bare version, e.g. {@code 0.1.0}, or {@code dev} */
    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
