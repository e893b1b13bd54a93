/**
 * The outbound port to the lead workflows ({@code LeadWorkflows}: start lead-nurture and hot-lead-handoff,
 * answer a nurture step's task token) and its Step Functions adapter.
 */
package com.jorge.platform.worker.workflow;
