package com.jorge.platform.infra;

import com.jorge.platform.infra.config.EnvironmentSettings;
import com.jorge.platform.infra.config.EnvironmentSettingsLoader;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;

/** {@code cdk synth|deploy -c env=dev|staging|prod}: the whole platform, checked by cdk-nag's AWS Solutions rules. */
public final class JorgePlatformApp {
    private JorgePlatformApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        EnvironmentSettings config = EnvironmentSettingsLoader.fromContext(app.getNode());
        JorgePlatform.build(app, config, RepositoryLayout.discover());
        Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        app.synth();
    }
}
