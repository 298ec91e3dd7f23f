package io.fluxbatch.simulator;

import java.util.List;

/**
 * An accepted generation request as the simulator understood it, so tests can check what
 * the client actually sent.
 *
 * @param taskId the id given to the task
 * @param model the model exactly as sent
 * @param prompt the prompt
 * @param resolution the effective resolution ({@code 1K} when not sent)
 * @param aspectRatio the effective aspect ratio ({@code 1:1} when not sent)
 * @param inputUrls the input image URLs, empty for text-to-image
 * @param rawBody the request body as received
 */
public record ReceivedGeneration(String taskId, String model, String prompt, String resolution, String aspectRatio,
		List<String> inputUrls, String rawBody) {

	public ReceivedGeneration {
		inputUrls = List.copyOf(inputUrls);
	}

}
