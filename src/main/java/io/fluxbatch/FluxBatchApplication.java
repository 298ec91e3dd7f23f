package io.fluxbatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of flux-batch.
 */
@SpringBootApplication
public class FluxBatchApplication {

	public static void main(String[] args) {
		SpringApplication.run(FluxBatchApplication.class, args);
	}

}
