/**
 * Approvals: a location's limits on the bot ({@code ApprovalPolicy}, evaluated and counted for the autonomy
 * rate by {@code ApprovalPolicies}), the approval workflow's requests ({@code ApprovalRequests}) and a
 * person's decision on them ({@code ApprovalDecisions}).
 */
package com.jorge.platform.inbox.approvals;
