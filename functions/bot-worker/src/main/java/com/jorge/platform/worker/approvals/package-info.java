/**
 * Approvals in the worker (issue 14): a turn the location's policy holds back waits in the outbox
 * ({@code ApprovalGate}, {@code HeldActions}), the approval workflow is started once the decision committed
 * ({@code ApprovalStarts}), and its {@code approval.decided} answer releases the turn or sends the safe
 * fallback ({@code ApprovalOutcomes}).
 */
package com.jorge.platform.worker.approvals;
