/**
 * An embedded, WireMock-based simulator of the FLUX.2 HTTP API and its image CDN, used by
 * the simulate option of the run command and by the tests.
 */
package io.fluxbatch.simulator;
