package io.fluxbatch.simulator;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens of the fresh download links handed out for tasks whose result URL expired,
 * so the CDN can tell such a link from the stale URL.
 */
final class DownloadTokens {

	private final Map<String, String> taskIdByToken = new ConcurrentHashMap<>();

	String issue(String taskId) {
		String token = UUID.randomUUID().toString().replace("-", "");
		this.taskIdByToken.put(token, taskId);
		return token;
	}

	boolean isValid(String taskId, String token) {
		return token != null && taskId.equals(this.taskIdByToken.get(token));
	}

}
