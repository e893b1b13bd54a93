/**
 * Where model versions come from: a {@code ModelRepository} (S3 in AWS, a local folder on a laptop)
 * holding {@code {name}/{version}/model.onnx} with its {@code ModelMetadata}, and each model's
 * {@code RoutingManifest} ({@code live.json}: live, canary and shadow versions). Names are checked
 * against a safe alphabet before they become paths or keys.
 */
package com.jorge.platform.inference.registry;
