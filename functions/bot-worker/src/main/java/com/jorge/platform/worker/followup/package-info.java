/**
 * Following quiet leads up: {@code NurtureSchedule} starts the lead-nurture workflow after a bot's
 * question, {@code NurtureSteps} handles each step it sends back, {@code FollowUpWriter} stores a
 * follow-up through the outbox (also for the local runtime's sweep).
 */
package com.jorge.platform.worker.followup;
