package io.fluxbatch.bench;

/**
 * One row of a benchmark workload: the same rows go to the job (as a CSV) and to the
 * baseline client.
 */
record BenchPrompt(String key, String text, String model) {

}
