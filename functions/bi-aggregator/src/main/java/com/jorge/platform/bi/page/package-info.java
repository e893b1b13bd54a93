/**
 * The BI report as one self-contained HTML page Jorge opens on his phone ({@link com.jorge.platform.bi.page.ReportPage}):
 * inline CSS and inline SVG charts ({@link com.jorge.platform.bi.page.SvgCharts}), no script and nothing fetched at
 * view time, so it reads the same from S3, the bi-api or a saved file.
 */
package com.jorge.platform.bi.page;
