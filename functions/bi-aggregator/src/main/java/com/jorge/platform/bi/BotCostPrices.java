package com.jorge.platform.bi;

import com.jorge.platform.config.PlatformConfig;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a bot conversation costs, at configured unit prices (the location's currency).
 *
 * @param smsSegment            one SMS segment, sent or received (BI_SMS_SEGMENT_PRICE, default 0.0079)
 * @param llmInputPerMillion    a million LLM input tokens (BI_LLM_INPUT_PRICE_PER_MILLION, default 3.00)
 * @param llmOutputPerMillion   a million LLM output tokens (BI_LLM_OUTPUT_PRICE_PER_MILLION, default 15.00)
 */
public record BotCostPrices(BigDecimal smsSegment, BigDecimal llmInputPerMillion, BigDecimal llmOutputPerMillion) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public BotCostPrices {
        for (BigDecimal price : new BigDecimal[] {smsSegment, llmInputPerMillion, llmOutputPerMillion}) {
            if (price.signum() < 0) throw new IllegalStateException("configuration BI_*_PRICE values must not be negative");
        }
    }

    public static BotCostPrices fromConfig(PlatformConfig config) {
        return new BotCostPrices(price(config, "BI_SMS_SEGMENT_PRICE", "0.0079"),
                price(config, "BI_LLM_INPUT_PRICE_PER_MILLION", "3.00"),
                price(config, "BI_LLM_OUTPUT_PRICE_PER_MILLION", "15.00"));
    }

    public BigDecimal sms(long segments) {
        return cents(smsSegment.multiply(BigDecimal.valueOf(segments)));
    }

    public BigDecimal llm(long inputTokens, long outputTokens) {
        return cents(llmInputPerMillion.multiply(BigDecimal.valueOf(inputTokens))
                .add(llmOutputPerMillion.multiply(BigDecimal.valueOf(outputTokens))).divide(MILLION));
    }

    private static BigDecimal cents(BigDecimal money) {
        return money.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal price(PlatformConfig config, String key, String fallback) {
        try {
            BigDecimal price = new BigDecimal(config.get(key, fallback).trim());
            if (price.signum() < 0) throw new IllegalStateException("configuration " + key + " must not be negative");
            return price;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("configuration " + key + " must be a decimal price such as " + fallback, e);
        }
    }
}
