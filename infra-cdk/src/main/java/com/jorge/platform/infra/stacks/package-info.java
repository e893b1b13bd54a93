/**
 * The CDK stacks, one per concern: {@link NetworkStack}, {@link DataStack} (Aurora, Redis, the model bucket),
 * {@link FunctionsStack} (the Lambdas, the queue, the HTTP API), {@link WorkflowsStack}, {@link InferenceStack}
 * (the GPU tier), {@link AlertingStack} and {@link DashboardsStack}.
 */
package com.jorge.platform.infra.stacks;
