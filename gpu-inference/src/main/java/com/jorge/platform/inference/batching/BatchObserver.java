package com.jorge.platform.inference.batching;

/** Hooks the batcher calls so metrics stay outside it. */
public interface BatchObserver {

    void queued(long queueNanos);

    void batch(int rows, int requests, long runNanos);

    void rejected();

    BatchObserver NONE = new BatchObserver() {
        @Override
        public void queued(long queueNanos) {
        }

        @Override
        public void batch(int rows, int requests, long runNanos) {
        }

        @Override
        public void rejected() {
        }
    };
}
