package io.fluxbatch.simulator;

import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes task JSON in the configured {@link ResponseShape}, keeping the two shapes side
 * by side so they cannot drift apart unnoticed.
 */
final class TaskBodies {

	static final String IMAGE_TYPE = "image/png";

	private final JsonMapper json;

	private final ResponseShape shape;

	TaskBodies(JsonMapper json, ResponseShape shape) {
		this.json = json;
		this.shape = shape;
	}

	ObjectNode submitted(SimulatedTask task, long creditsRemaining) {
		String status = TaskState.PENDING.wireName();
		if (this.shape == ResponseShape.SEED) {
			ObjectNode body = this.json.createObjectNode();
			body.put("taskId", task.id());
			body.put("status", status);
			body.put("model", task.request().modelName());
			body.put("createdAt", task.createdAt().toString());
			return body;
		}
		ObjectNode envelope = success();
		ObjectNode data = envelope.putObject("data");
		data.put("id", task.id());
		data.put("status", status);
		data.put("model", task.request().modelName());
		data.put("creditsUsed", task.credits());
		data.put("creditsRemaining", creditsRemaining);
		data.put("createdAt", task.createdAt().toString());
		return envelope;
	}

	ObjectNode status(SimulatedTask task, TaskState state, String imageUrl) {
		return (this.shape == ResponseShape.SEED) ? seedStatus(task, state, imageUrl)
				: envelopeStatus(task, state, imageUrl);
	}

	ObjectNode downloadLink(String imageUrl, Instant expiresAt) {
		ObjectNode envelope = success();
		ObjectNode data = envelope.putObject("data");
		data.put("url", imageUrl);
		data.put("type", IMAGE_TYPE);
		data.put("expiresAt", expiresAt.toString());
		return envelope;
	}

	ObjectNode error(String code, String message) {
		ObjectNode body = this.json.createObjectNode();
		body.put("success", false);
		ObjectNode error = body.putObject("error");
		error.put("code", code);
		error.put("message", message);
		return body;
	}

	private ObjectNode seedStatus(SimulatedTask task, TaskState state, String imageUrl) {
		ObjectNode body = this.json.createObjectNode();
		body.put("taskId", task.id());
		body.put("status", state.wireName());
		body.put("model", task.request().modelName());
		body.put("createdAt", task.createdAt().toString());
		if (state == TaskState.COMPLETED) {
			ObjectNode output = body.putObject("output");
			output.put("url", imageUrl);
			output.put("width", task.size().width());
			output.put("height", task.size().height());
			output.put("format", "png");
		}
		else if (state == TaskState.FAILED) {
			putGenerationError(body);
		}
		return body;
	}

	private ObjectNode envelopeStatus(SimulatedTask task, TaskState state, String imageUrl) {
		ObjectNode envelope = success();
		ObjectNode data = envelope.putObject("data");
		data.put("id", task.id());
		data.put("status", state.wireName());
		data.put("model", task.request().modelName());
		data.put("mediaType", "image");
		data.put("prompt", task.request().prompt());
		data.put("createdAt", task.createdAt().toString());
		// Failed generations are refunded, so they end up costing nothing.
		data.put("creditsUsed", (state == TaskState.FAILED) ? 0 : task.credits());
		if (state == TaskState.COMPLETED) {
			ObjectNode result = data.putObject("result");
			result.put("url", imageUrl);
			result.put("type", IMAGE_TYPE);
		}
		if (state == TaskState.FAILED) {
			putGenerationError(data);
		}
		else {
			data.putNull("error");
		}
		return envelope;
	}

	private static void putGenerationError(ObjectNode parent) {
		ObjectNode error = parent.putObject("error");
		error.put("code", "GENERATION_FAILED");
		error.put("key", "generation_failed");
		error.put("message", "Image generation failed; the credits have been refunded.");
	}

	private ObjectNode success() {
		ObjectNode envelope = this.json.createObjectNode();
		envelope.put("success", true);
		return envelope;
	}

}
