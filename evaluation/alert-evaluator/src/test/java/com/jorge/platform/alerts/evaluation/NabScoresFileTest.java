package com.jorge.platform.alerts.evaluation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NabScoresFileTest {

    @Test
    void readsNabsScoresFileWithItsTotalsRowKeptApart() {
        // as NAB's scorer writes it: an index column in front, the per-file rows, then Totals
        NabScoresFile f = NabScoresFile.parse(List.of(
                ",Detector,Profile,File,Threshold,Score,TP,TN,FP,FN,Total_Count",
                "0,numenta,standard,realKnownCause/nyc_taxi.csv,0.54,2.43572773247,7,8534,1,1028,10320",
                "1,numenta,standard,realAWSCloudwatch/grok_asg_anomaly.csv,0.54,-1.5,0,10,2,3,15",
                "2,Totals,,,,0.93572773247,7,8544,3,1031,10335"), "test");
        assertThat(f.rows()).containsOnlyKeys("realKnownCause/nyc_taxi.csv", "realAWSCloudwatch/grok_asg_anomaly.csv");
        assertThat(f.rows().get("realKnownCause/nyc_taxi.csv")).isEqualTo(new NabScoresFile.Row(0.54, 2.43572773247, 7, 8534, 1, 1028));
        assertThat(f.totals()).hasValueSatisfying(t -> assertThat(t.tn()).isEqualTo(8544));
    }

    @Test
    void readsTheCopyInThisModuleWhichHasNoTotalsRow() {
        NabScoresFile f = NabScoresFile.read(Path.of("nab/reference-results/windowedGaussian/windowedGaussian_standard_scores.csv"));
        assertThat(f.rows()).hasSize(18);
        assertThat(f.totals()).isEmpty();
        assertThat(f.rows().get("realKnownCause/ec2_request_latency_system_failure.csv").score()).isEqualTo(2.02150685678);
    }
}
