package com.jorge.platform.audit.archive;

import com.jorge.platform.config.PlatformConfig;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -cp functions/audit-archive/target/audit-archive-lambda.jar com.jorge.platform.audit.archive.AuditVerifyCommand [locationId...]}:
 * verifies the chain of every location (or those named) in the table and in the archive, one line per
 * chain naming the first bad entry, then {@code chains=N intact=N broken=N}; exit 1 when any is broken.
 */
public final class AuditVerifyCommand {

    private AuditVerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(AuditArchiveFunction.fromConfig(PlatformConfig.fromEnvironment()).verification(),
                Arrays.asList(args), System.out));
    }

    static int run(AuditVerification verification, List<String> locations, PrintStream out) {
        List<AuditVerification.Finding> findings = verification.verify(locations);
        findings.forEach(f -> out.println(AuditVerification.line(f)));
        long broken = findings.stream().filter(f -> f.verdict() instanceof com.jorge.platform.audit.ChainVerdict.Broken).count();
        out.println("chains=%d intact=%d broken=%d".formatted(findings.size(), findings.size() - broken, broken));
        return broken == 0 ? 0 : 1;
    }
}
