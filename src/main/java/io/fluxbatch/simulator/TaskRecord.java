package io.fluxbatch.simulator;

import java.time.Duration;

/**
 * One task as the simulator knows it, so a test can judge a job by what was really
 * created and paid for (a prompt with two completed tasks was paid twice) rather than by
 * what the client believes.
 *
 * @param taskId the id given to the task
 * @param prompt the prompt
 * @param model the model exactly as sent
 * @param resolution the effective resolution
 * @param state where the task is now
 * @param creditsCharged its price once completed, 0 before and if it failed
 * @param responseLost whether the answer to its {@code POST /generate} was lost, so the
 * client could not know it existed
 * @param resultUrlExpired whether its result URL answers 403 {@code URL_EXPIRED}, so only
 * a fresh download link fetches its image
 * @param latency how long it was drawn to run, so a benchmark can name the slowest task
 */
public record TaskRecord(String taskId, String prompt, String model, String resolution, TaskState state,
		long creditsCharged, boolean responseLost, boolean resultUrlExpired, Duration latency) {

	static TaskRecord of(SimulatedTask task, TaskState state) {
		GenerationRequest request = task.request();
		return new TaskRecord(task.id(), request.prompt(), request.modelName(), request.resolution(), state,
				(state == TaskState.COMPLETED) ? task.credits() : 0, task.responseLost(), task.resultUrlExpired(),
				task.latency());
	}

}
