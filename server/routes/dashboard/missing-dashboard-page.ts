/** Text shown in HTML is escaped like any data. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** What `/` answers when the dashboard was never built: the command that builds it. */
export function missingDashboardPage(distPath: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>flight-recorder</title></head>
<body>
<h1>flight-recorder is running</h1>
<p>The dashboard is not built yet (no ${escapeHtml(distPath)}/index.html). Run <code>npm run build:web</code>, then reload.
<code>npm start</code> builds it by itself when it can.</p>
<p>The API answers meanwhile: <a href="/healthz">/healthz</a>, <a href="/api/report">/api/report</a>.</p>
</body>
</html>
`;
}
