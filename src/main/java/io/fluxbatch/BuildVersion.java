package io.fluxbatch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * What {@code -V} prints: the version the build recorded in
 * META-INF/build-info.properties.
 */
class BuildVersion implements IVersionProvider {

	@Override
	public String[] getVersion() {
		Properties build = new Properties();
		try (InputStream in = BuildVersion.class.getResourceAsStream("/META-INF/build-info.properties")) {
			if (in != null) {
				build.load(in);
			}
		}
		catch (IOException unreadable) {
			// The fallback below says so.
		}
		String version = build.getProperty("build.version");
		if (version == null) {
			return new String[] { "flux-batch (version unknown: built without its build information)" };
		}
		return new String[] { "flux-batch " + version + " (built " + build.getProperty("build.time", "?") + ")" };
	}

}
