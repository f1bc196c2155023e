/**
 * One chart over the window's time axis, with every deploy as a dashed line and every source gap shaded,
 * so a jump in the figures can be read against what happened. Animations are off: data changes every second.
 */
import { memo, type ReactNode } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatAxisTime, formatInstant } from '../../state/time-format.ts';
import type { ChartKey, ChartRow, DeployMark, Domain, GapArea } from './chart-rows.ts';

export interface ChartLine {
  key: ChartKey;
  name: string;
  color: string;
  dashed?: boolean;
  /** Counts change in steps; latencies are drawn point to point. */
  step?: boolean;
}

export interface Overlays {
  domain: Domain;
  gaps: readonly GapArea[];
  deploys: readonly DeployMark[];
}

export interface TimeChartProps {
  testId: string;
  title: string;
  note?: string;
  rows: readonly ChartRow[];
  lines: readonly ChartLine[];
  overlays: Overlays;
  utc: boolean;
  formatValue(value: number): string;
  /** Said to screen readers in place of the drawing. */
  summary: string;
  /** Counts: whole numbers on the value axis. */
  integer?: boolean;
  /** Shown under the drawing (a list that explains it). */
  children?: ReactNode;
}

export const TimeChart = memo(function TimeChart(props: TimeChartProps) {
  const { rows, lines, overlays, utc, formatValue } = props;
  const span = overlays.domain.to - overlays.domain.from;
  const titleId = `${props.testId}-title`;
  return (
    <figure className="chart" data-testid={props.testId} aria-labelledby={titleId}>
      <figcaption>
        <span id={titleId} className="chart-title">
          {props.title}
        </span>
        {props.note ? <span className="chart-note">{props.note}</span> : null}
      </figcaption>
      <p className="visually-hidden">{props.summary}</p>
      <div className="chart-body" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows as ChartRow[]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[overlays.domain.from, overlays.domain.to]}
              allowDataOverflow
              tickFormatter={(value: number) => formatAxisTime(value, utc, span)}
              minTickGap={24}
            />
            <YAxis width={64} tickFormatter={(value: number) => formatValue(value)} allowDecimals={!props.integer} />
            <Tooltip
              labelFormatter={(value) => formatInstant(Number(value), utc)}
              formatter={(value) => (typeof value === 'number' ? formatValue(value) : '—')}
            />
            <Legend />
            {overlays.gaps.map((gap) => (
              <ReferenceArea key={`gap-${gap.x1}`} x1={gap.x1} x2={gap.x2} fill="#8a94a6" fillOpacity={0.22} ifOverflow="hidden" />
            ))}
            {overlays.deploys.map((deploy) => (
              <ReferenceLine
                key={`deploy-${deploy.x}-${deploy.instance}`}
                x={deploy.x}
                stroke="#7c3aed"
                strokeDasharray="4 3"
                label={{ value: 'deploy', position: 'insideTopLeft', fontSize: 10, fill: '#7c3aed' }}
              />
            ))}
            {lines.map((line) => (
              <Line
                key={line.key}
                dataKey={line.key}
                name={line.name}
                stroke={line.color}
                strokeWidth={2}
                strokeDasharray={line.dashed ? '5 3' : undefined}
                type={line.step ? 'stepAfter' : 'linear'}
                dot={false}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {props.children}
    </figure>
  );
});
