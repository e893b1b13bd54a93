/**
 * A fake of GHL's REST API on loopback for tests, the local runtime and the benchmarks: records what the
 * platform sent, lists the messages it took, signs webhooks like GHL, and switches faults on and off.
 */
package com.jorge.platform.ghlfake;
