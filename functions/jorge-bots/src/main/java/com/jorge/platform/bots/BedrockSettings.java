package com.jorge.platform.bots;

import java.net.URI;
import java.time.Duration;

/**
 * Where the LLM writer calls Amazon Bedrock.
 *
 * @param endpoint an endpoint override (tests, VPC endpoints), or null for the regional endpoint
 */
public record BedrockSettings(String region, String modelId, URI endpoint, Duration deadline) {}
