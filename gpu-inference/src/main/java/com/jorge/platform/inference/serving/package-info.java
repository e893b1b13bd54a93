/**
 * Which versions serve right now: {@code RegistrySync} follows the registry, {@code ModelLoader}
 * fetches, verifies and warms a version into a {@code LoadedVersion}, {@code ModelEndpoint} routes
 * each request of one model to the current {@code Deployment} (live, canary, shadow) and swaps
 * deployments without dropping requests, {@code ModelCatalog} holds every endpoint and says when the
 * service is ready.
 */
package com.jorge.platform.inference.serving;
