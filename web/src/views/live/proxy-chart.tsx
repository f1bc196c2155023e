/** Proxy errors by code: 5xx that users saw and the app never logged. */
import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProxyFigures } from '../../../../core/report.ts';
import { proxyBars } from './chart-rows.ts';

export const ProxyChart = memo(function ProxyChart({ proxy }: { proxy: ProxyFigures }) {
  const bars = useMemo(() => proxyBars(proxy.byCode), [proxy.byCode]);
  const summary = bars.length === 0 ? 'No proxy errors.' : bars.map((bar) => `${bar.code}: ${bar.count}`).join(', ');
  return (
    <figure className="chart" data-testid="chart-proxy-errors" aria-labelledby="chart-proxy-errors-title">
      <figcaption>
        <span id="chart-proxy-errors-title" className="chart-title">
          Proxy errors by code
        </span>
        <span className="chart-note">{proxy.errors} in the window: 5xx the app never logged</span>
      </figcaption>
      <p className="visually-hidden">{summary}</p>
      {bars.length === 0 ? (
        <p className="muted chart-empty">No proxy errors in this window.</p>
      ) : (
        <div className="chart-body" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={bars} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
              <XAxis dataKey="code" />
              <YAxis allowDecimals={false} width={48} />
              <Tooltip />
              <Bar dataKey="count" name="errors" fill="#9333ea" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
});
