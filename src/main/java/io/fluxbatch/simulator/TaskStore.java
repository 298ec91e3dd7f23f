package io.fluxbatch.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Holds every task for polling and hands each one back exactly once when it finishes, so
 * its credits can be charged or refunded without a background thread.
 */
final class TaskStore {

	private final Map<String, SimulatedTask> tasks = new ConcurrentHashMap<>();

	private final Queue<SimulatedTask> inCreationOrder = new ConcurrentLinkedQueue<>();

	private final Queue<SimulatedTask> unfinished = new PriorityQueue<>(
			Comparator.comparing(SimulatedTask::finishesAt));

	void add(SimulatedTask task) {
		this.tasks.put(task.id(), task);
		this.inCreationOrder.add(task);
		synchronized (this.unfinished) {
			this.unfinished.add(task);
		}
	}

	/**
	 * Tasks created with {@code apiKey} that were not handed back by
	 * {@link #takeFinished} yet: after it, those still running.
	 * @param apiKey the key's {@code Authorization} header
	 * @return how many there are
	 */
	int unfinished(String apiKey) {
		synchronized (this.unfinished) {
			return (int) this.unfinished.stream().filter((task) -> apiKey.equals(task.apiKey())).count();
		}
	}

	Optional<SimulatedTask> find(String id) {
		return Optional.ofNullable(this.tasks.get(id));
	}

	List<SimulatedTask> all() {
		return List.copyOf(this.inCreationOrder);
	}

	/**
	 * Removes and returns the tasks that have finished by {@code now} and were not
	 * returned before.
	 * @param now the current instant
	 * @return the newly finished tasks, earliest first
	 */
	List<SimulatedTask> takeFinished(Instant now) {
		List<SimulatedTask> finished = new ArrayList<>();
		synchronized (this.unfinished) {
			while (!this.unfinished.isEmpty() && !this.unfinished.peek().finishesAt().isAfter(now)) {
				finished.add(this.unfinished.poll());
			}
		}
		return finished;
	}

}
