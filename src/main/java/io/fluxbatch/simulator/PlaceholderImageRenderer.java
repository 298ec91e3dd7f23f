package io.fluxbatch.simulator;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the PNG a simulated task "generated": a colour derived from the prompt with its
 * first words on it, so images are real, distinguishable and cheap to make on demand.
 */
final class PlaceholderImageRenderer {

	private static final Logger logger = LoggerFactory.getLogger(PlaceholderImageRenderer.class);

	private static final int CAPTION_WORDS = 5;

	/** Length, type and CRC around a chunk's data; also the whole of {@code IEND}. */
	private static final int CHUNK_OVERHEAD = 12;

	/** Ancillary, private, safe to copy: what a PNG decoder skips. */
	private static final byte[] PADDING_CHUNK = "fbPd".getBytes(StandardCharsets.US_ASCII);

	private static final int MIN_SIZE_FOR_CAPTION = 64;

	static {
		// The simulator runs on servers and in CI; AWT must never look for a display.
		if (System.getProperty("java.awt.headless") == null) {
			System.setProperty("java.awt.headless", "true");
		}
	}

	private static volatile boolean captionsUnavailable;

	/**
	 * Draws the image, padded to at least {@code minBytes} with a private ancillary chunk
	 * before {@code IEND}: a decoder skips it, and the file weighs what a real one does.
	 */
	byte[] render(ImageSize size, String prompt, long minBytes) {
		byte[] png = render(size, prompt);
		int padding = (int) Math.max(0, minBytes - png.length - CHUNK_OVERHEAD);
		if (padding == 0) {
			return png;
		}
		int iend = png.length - CHUNK_OVERHEAD;
		ByteBuffer padded = ByteBuffer.allocate(png.length + CHUNK_OVERHEAD + padding);
		padded.put(png, 0, iend);
		padded.putInt(padding);
		int typeAndData = padded.position();
		padded.put(PADDING_CHUNK).position(padded.position() + padding);
		CRC32 crc = new CRC32();
		crc.update(padded.array(), typeAndData, PADDING_CHUNK.length + padding);
		padded.putInt((int) crc.getValue());
		padded.put(png, iend, CHUNK_OVERHEAD);
		return padded.array();
	}

	byte[] render(ImageSize size, String prompt) {
		BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
		Color background = backgroundFor(prompt);
		Graphics2D graphics = image.createGraphics();
		try {
			graphics.setColor(background);
			graphics.fillRect(0, 0, size.width(), size.height());
			drawCaption(graphics, size, prompt, background);
		}
		finally {
			graphics.dispose();
		}
		return encode(image);
	}

	static Color backgroundFor(String prompt) {
		int hash = prompt.hashCode();
		float hue = (hash & 0xFFFF) / 65536f;
		return Color.getHSBColor(hue, 0.45f, 0.85f);
	}

	private static void drawCaption(Graphics2D graphics, ImageSize size, String prompt, Color background) {
		if (captionsUnavailable || Math.min(size.width(), size.height()) < MIN_SIZE_FOR_CAPTION) {
			return;
		}
		String caption = Arrays.stream(prompt.strip().split("\\s+"))
			.limit(CAPTION_WORDS)
			.collect(Collectors.joining(" "));
		try {
			int fontSize = Math.max(12, size.width() / 24);
			graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
			graphics.setColor(isLight(background) ? Color.BLACK : Color.WHITE);
			graphics.drawString(caption, fontSize, size.height() / 2);
		}
		catch (VirtualMachineError ex) {
			throw ex;
		}
		catch (RuntimeException | Error ex) {
			// A JVM without fonts fails here (often with an Error from font
			// configuration); a plain image is still a valid result.
			captionsUnavailable = true;
			logger.warn("Cannot draw text on simulated images, falling back to plain colour: {}", ex.toString());
		}
	}

	private static boolean isLight(Color colour) {
		return (0.299 * colour.getRed() + 0.587 * colour.getGreen() + 0.114 * colour.getBlue()) > 150;
	}

	private static byte[] encode(BufferedImage image) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		// An explicit in-memory stream keeps ImageIO from spilling to temporary files.
		try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			if (!ImageIO.write(image, "png", out)) {
				throw new IllegalStateException("No PNG writer available");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
