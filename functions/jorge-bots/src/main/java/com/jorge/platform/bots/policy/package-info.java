/**
 * The qualification state machine: stages, the questions of each side, the facts and signals a
 * conversation keeps ({@code LeadFacts}), and {@code NextStepDecider}, which picks the next step.
 */
package com.jorge.platform.bots.policy;
