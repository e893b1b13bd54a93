package com.jorge.platform.infra;

import static com.jorge.platform.infra.TemplateJson.resources;
import static com.jorge.platform.infra.TemplateJson.withProperty;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit archive as deployed: Object Lock in COMPLIANCE mode with the config's retention, and an export that can only add. */
class AuditArchiveTemplateTest {

    @Test
    void theArchiveIsLockedInComplianceModeForTheConfiguredRetention() {
        assertThat(archiveLock(SynthesizedPlatform.prod().json("Data"))).isEqualTo("COMPLIANCE 2557");
        assertThat(archiveLock(SynthesizedPlatform.of("dev").json("Data"))).isEqualTo("COMPLIANCE 1");
    }

    @Test
    void theExportMayListAndAddUnderItsPrefixButNeverReadDeleteOrUnlock() {
        JsonNode functions = SynthesizedPlatform.prod().json("Functions");
        JsonNode exporter = withProperty(functions, "AWS::Lambda::Function", "FunctionName", "jorge-audit-archive");
        String role = exporter.path("Properties").path("Role").path("Fn::GetAtt").get(0).asText();
        List<String> grants = new ArrayList<>();
        for (JsonNode policy : resources(functions, "AWS::IAM::Policy").values()) {
            if (!policy.path("Properties").path("Roles").toString().contains(role)) continue;
            for (JsonNode statement : policy.path("Properties").path("PolicyDocument").path("Statement")) {
                List<String> actions = new ArrayList<>();
                JsonNode a = statement.path("Action");
                if (a.isArray()) a.forEach(x -> actions.add(x.asText())); else actions.add(a.asText());
                for (String action : actions) {
                    if (action.startsWith("s3:")) grants.add(action + " " + statement.path("Resource"));
                }
            }
        }
        assertThat(grants).hasSize(2);
        assertThat(grants).anySatisfy(g -> assertThat(g).startsWith("s3:PutObject ").contains("/audit/*"));
        assertThat(grants).anySatisfy(g -> assertThat(g).startsWith("s3:ListBucket "));
        assertThat(String.join("\n", grants)).doesNotContain("Delete", "Retention", "Bypass", "GetObject", "LegalHold");
        assertThat(exporter.path("Properties").path("Environment").path("Variables").path("AUDIT_ARCHIVE_BUCKET").isMissingNode()).isFalse();
    }

    private static String archiveLock(JsonNode data) {
        List<String> locks = new ArrayList<>();
        for (JsonNode bucket : resources(data, "AWS::S3::Bucket").values()) {
            JsonNode props = bucket.path("Properties");
            if (!props.path("ObjectLockEnabled").asBoolean()) continue;
            JsonNode retention = props.path("ObjectLockConfiguration").path("Rule").path("DefaultRetention");
            assertThat(props.path("VersioningConfiguration").path("Status").asText()).isEqualTo("Enabled");
            locks.add(retention.path("Mode").asText() + " " + retention.path("Days").asInt());
        }
        assertThat(locks).hasSize(1);
        return locks.getFirst();
    }
}
