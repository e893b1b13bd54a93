/**
 * Approvals: a location's limits on the bot ({@code ApprovalPolicy}, stored and evaluated by
 * {@code ApprovalPolicies}) over what the bot proposes ({@code ProposedAction}). The worker holds what needs
 * a person; the agents' inbox shows it and takes the decision.
 */
package com.jorge.platform.approvals;
