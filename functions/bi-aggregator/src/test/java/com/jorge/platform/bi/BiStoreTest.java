package com.jorge.platform.bi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class with its own migrated schema ({@link BiTestRig.Store}), emptied for each rig. */
abstract class BiStoreTest {

    static BiTestRig.Store store;

    @BeforeAll
    static void migrate() {
        store = BiTestRig.Store.create();
    }

    @AfterAll
    static void drop() {
        store.close();
    }
}
