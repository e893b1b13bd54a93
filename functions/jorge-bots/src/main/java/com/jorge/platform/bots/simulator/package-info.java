/** Scripted personas played through the policy: the demo, the end-to-end tests and the benchmark use them. */
package com.jorge.platform.bots.simulator;
