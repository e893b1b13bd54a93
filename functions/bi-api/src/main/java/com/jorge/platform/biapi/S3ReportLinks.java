package com.jorge.platform.biapi;

import com.jorge.platform.bi.daily.DailyReports;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

import java.util.Optional;

/**
 * Links as S3 presigned GETs (SigV4, query-string signed, {@code BI_REPORT_LINK_MINUTES}) of the page the
 * daily report wrote ({@code <BI_REPORT_PREFIX><locationId>/latest.html}): S3 itself refuses the link once it
 * expired or if any part of it was changed (another key, a longer expiry). The signature is the function's
 * role's, so the role needs s3:GetObject on the prefix and the link dies with the role's session at the latest.
 */
public final class S3ReportLinks implements ReportLinks {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final ReportLinkSettings settings;

    public S3ReportLinks(S3Client s3, S3Presigner presigner, ReportLinkSettings settings) {
        this.s3 = s3;
        this.presigner = presigner;
        this.settings = settings;
    }

    @Override
    public Optional<Link> latest(String locationId) {
        Optional<String> key = DailyReports.latestKey(settings.prefix(), locationId);
        if (key.isEmpty()) return Optional.empty();
        try {
            s3.headObject(b -> b.bucket(settings.bucket()).key(key.get()));
        } catch (NoSuchKeyException e) {
            return Optional.empty(); // not published yet: a link would only lead to an S3 error page
        }
        PresignedGetObjectRequest signed = presigner.presignGetObject(r -> r.signatureDuration(settings.lifetime())
                .getObjectRequest(g -> g.bucket(settings.bucket()).key(key.get())));
        return Optional.of(new Link(signed.url().toString(), signed.expiration()));
    }
}
