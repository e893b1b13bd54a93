/**
 * Business alerts on the BI numbers (issue 15): the qualification rate dropping against its own recent
 * baseline ({@link com.jorge.platform.alerts.business.QualificationRateCheck}), the open pipeline falling
 * hour over hour ({@link com.jorge.platform.alerts.business.PipelineValueCheck}) and the month's commission
 * projection missing its target ({@link com.jorge.platform.alerts.business.CommissionTargetCheck}), per
 * location, judged by {@link com.jorge.platform.alerts.business.BusinessAlerts} through the technical
 * alerts' state store and publisher (same Redis state, same SNS topic), with the numbers that triggered them.
 */
package com.jorge.platform.alerts.business;
