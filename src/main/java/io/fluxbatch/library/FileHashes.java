package io.fluxbatch.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 that results.csv records for each image, so anyone can check a file is the
 * one that was downloaded.
 */
public final class FileHashes {

	private FileHashes() {
	}

	/** The file's SHA-256 in lower-case hex. */
	public static String sha256(Path file) throws IOException {
		MessageDigest digest = newSha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return hex(digest);
	}

	public static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("every JVM has SHA-256", impossible);
		}
	}

	public static String hex(MessageDigest digest) {
		return HexFormat.of().formatHex(digest.digest());
	}

}
