package io.fluxbatch.simulator;

import com.github.tomakehurst.wiremock.http.RequestMethod;

/**
 * Which API endpoint a request is for and the task id in its path, if any.
 *
 * @param endpoint the endpoint
 * @param taskId the task id from the path, or {@code null}
 */
record ApiRoute(Endpoint endpoint, String taskId) {

	static final String API_PREFIX = "/api/v1";

	private static final String GENERATE = API_PREFIX + "/generate";

	private static final String TASKS = API_PREFIX + "/tasks/";

	private static final String DOWNLOAD_SUFFIX = "/download";

	static ApiRoute of(RequestMethod method, String path) {
		String trimmed = (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
		if (RequestMethod.POST.equals(method) && trimmed.equals(GENERATE)) {
			return new ApiRoute(Endpoint.GENERATE, null);
		}
		if (RequestMethod.GET.equals(method) && trimmed.startsWith(TASKS)) {
			String rest = trimmed.substring(TASKS.length());
			if (rest.endsWith(DOWNLOAD_SUFFIX)) {
				String id = rest.substring(0, rest.length() - DOWNLOAD_SUFFIX.length());
				if (isTaskId(id)) {
					return new ApiRoute(Endpoint.DOWNLOAD, id);
				}
			}
			if (isTaskId(rest)) {
				return new ApiRoute(Endpoint.TASK, rest);
			}
		}
		return new ApiRoute(Endpoint.UNKNOWN, null);
	}

	private static boolean isTaskId(String candidate) {
		return !candidate.isEmpty() && candidate.indexOf('/') < 0;
	}

	enum Endpoint {

		GENERATE("generate"), TASK("poll"), DOWNLOAD("download"), UNKNOWN(null);

		private final String requestKind;

		Endpoint(String requestKind) {
			this.requestKind = requestKind;
		}

		/**
		 * The name the request listener knows requests to this endpoint by.
		 * @return the name, or {@code null} for paths that are not the API's
		 */
		String requestKind() {
			return this.requestKind;
		}

	}

}
