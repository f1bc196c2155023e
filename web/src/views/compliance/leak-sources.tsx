/** Where leaks come from: the log-line templates that carry them, so the fix goes to the right line of code. */
import { memo } from 'react';
import type { LeakSource } from '../../../../core/report.ts';
import { TimeText } from '../../components/time-text.tsx';
import { Empty } from '../../components/states.tsx';
import { ruleLabel } from './finding-logic.ts';

export const LeakSources = memo(function LeakSources({ sources }: { sources: readonly LeakSource[] }) {
  return (
    <section className="panel" aria-labelledby="leak-sources-title">
      <h3 id="leak-sources-title">Leak sources by template</h3>
      {sources.length === 0 ? (
        <Empty>No leaks in this window.</Empty>
      ) : (
        <div className="table-wrap">
          <table data-testid="leak-sources">
            <caption className="visually-hidden">Log templates that carried personal data</caption>
            <thead>
              <tr>
                <th scope="col">Template</th>
                <th scope="col">Rule</th>
                <th scope="col" className="number">Count</th>
                <th scope="col">First seen</th>
                <th scope="col">Last seen</th>
                <th scope="col">Instances</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((source) => (
                <tr key={`${source.template}-${source.rule}`}>
                  <td className="text mono">{source.template}</td>
                  <td>{ruleLabel(source.rule)}</td>
                  <td className="number">{source.count}</td>
                  <td className="nowrap"><TimeText value={source.firstSeen} /></td>
                  <td className="nowrap"><TimeText value={source.lastSeen} /></td>
                  <td className="mono">{source.instances.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});
