/**
 * Approvals in the inbox: the approval workflow's requests ({@code ApprovalRequests}) and a person's decision
 * on them ({@code ApprovalDecisions}). The policy itself ({@code ApprovalPolicy}, {@code ApprovalPolicies}) is
 * platform-core's {@code com.jorge.platform.approvals}, which the worker evaluates before acting.
 */
package com.jorge.platform.inbox.approvals;
