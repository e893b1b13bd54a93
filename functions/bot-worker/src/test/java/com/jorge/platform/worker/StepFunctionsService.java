package com.jorge.platform.worker;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Step Functions for a worker test, as a JUnit extension: throw-away credentials and region for the real SDK
 * client (the worker builds its own), and a {@link StepFunctionsStandIn} on loopback, both for one test. Its
 * callbacks run around the test's own {@code @BeforeEach}/{@code @AfterEach}, so a rig built there may use
 * {@link #standIn()} and is closed before the stand-in stops.
 */
final class StepFunctionsService implements BeforeEachCallback, AfterEachCallback {

    private static final String[] CREDENTIALS = {"aws.region", "us-east-1", "aws.accessKeyId", "AKIDTEST",
            "aws.secretAccessKey", "test-secret"};
    private StepFunctionsStandIn standIn;

    StepFunctionsStandIn standIn() {
        return standIn;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        for (int i = 0; i < CREDENTIALS.length; i += 2) {
            System.setProperty(CREDENTIALS[i], CREDENTIALS[i + 1]);
        }
        standIn = new StepFunctionsStandIn();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        standIn.close();
        for (int i = 0; i < CREDENTIALS.length; i += 2) {
            System.clearProperty(CREDENTIALS[i]);
        }
    }
}
