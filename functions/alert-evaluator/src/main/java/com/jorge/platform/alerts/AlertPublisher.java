package com.jorge.platform.alerts;

/** Sends a notice to ops (the alerts SNS topic in AWS). */
public interface AlertPublisher {

    void publish(AlertNotice notice);
}
