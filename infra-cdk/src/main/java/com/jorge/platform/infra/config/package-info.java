/**
 * The deployment's settings per environment: {@link EnvironmentSettings}, read from CDK context by
 * {@link EnvironmentSettingsLoader} and checked field by field ({@link Check}, {@link InvalidConfigException}), so
 * a bad {@code cdk.json} fails the synth naming the field.
 */
package com.jorge.platform.infra.config;
