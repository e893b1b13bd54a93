/**
 * The lead-score input schemas shared by training and serving: a {@link FeatureSet} turns raw lead attributes into
 * the model's row; {@link BankMarketingFeatureSet} ({@link LeadAttributes} through {@link LeadFeatureEncoder}) and
 * {@link ConversationFeatureSet} (what the bots learn in a conversation).
 */
package com.jorge.platform.models.features;
