package io.fluxbatch.reuse;

import java.nio.file.Path;

import io.fluxbatch.library.ImageLibrary;
import io.fluxbatch.library.StoredImage;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Takes a row's image from the library when the library holds an intact one for the same
 * fingerprint, so the row is neither submitted nor paid for; filters the row out (to be
 * generated) otherwise.
 */
public class LibraryReuse implements ItemProcessor<ReusableRow, ReusedImage> {

	private final ImageLibrary library;

	private final Path output;

	public LibraryReuse(ImageLibrary library, Path output) {
		this.library = library;
		this.output = output;
	}

	@Override
	public ReusedImage process(ReusableRow row) {
		return this.library.find(row.fingerprint()).map((image) -> {
			StoredImage placed = ImageLibrary.place(image, this.output.resolve(ImageLibrary.IMAGES), row.fileName());
			return new ReusedImage(row.instanceId(), row.rowNo(), relative(placed.file()), placed.width(),
					placed.height(), placed.bytes(), placed.sha256(), relative(image.file()));
		}).orElse(null);
	}

	/** Inside the output folder, relative to it (as results.csv's file column is). */
	private String relative(Path file) {
		Path shown = file.startsWith(this.output) ? this.output.relativize(file) : file;
		return shown.toString().replace('\\', '/');
	}

}
