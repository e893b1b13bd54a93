/**
 * The commission plan ({@link com.jorge.platform.bi.commission.CommissionRules}, from configuration), realised
 * commission per deal in cents ({@link com.jorge.platform.bi.commission.CommissionLedger}) and the report's
 * realised and projected commission ({@link com.jorge.platform.bi.commission.CommissionReader}).
 */
package com.jorge.platform.bi.commission;
