/** The findings of the window, filtered by the address, paged, with the chosen one under review. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FindingPage, StoredFinding } from '../../../../core/findings/finding.ts';
import { useLive, useNavigate, useUrlState } from '../../app/hooks.ts';
import { findingsPath } from '../../api/query.ts';
import { useWindow } from '../../state/use-window.ts';
import { useResource } from '../../api/use-resource.ts';
import { useCursorPages } from '../../api/use-cursor-pages.ts';
import { withFilters } from '../../state/url-state.ts';
import { Empty, ErrorNote, Loading } from '../../components/states.tsx';
import { Pager } from '../../components/pager.tsx';
import { FindingsFilters } from './findings-filters.tsx';
import { FindingsTable } from './findings-table.tsx';
import { FindingDetail } from './finding-detail.tsx';

export function FindingsPanel() {
  const { filters, range } = useUrlState();
  // Its own window, resolved on reload only: a refreshing report must not send the reviewer back to page one.
  const { window, refresh } = useWindow(range);
  const navigate = useNavigate();
  const [limit, setLimit] = useState(100);
  const query = useMemo(() => ({ rule: filters.rule, severity: filters.severity, status: filters.status }), [filters.rule, filters.severity, filters.status]);
  const queryKey = JSON.stringify([query, window.from, window.to, limit]);
  const pages = useCursorPages(queryKey);
  const findings = useResource<FindingPage>(findingsPath(query, window, pages.cursor, limit));
  const [updated, setUpdated] = useState<ReadonlyMap<number, StoredFinding>>(new Map());
  useEffect(() => setUpdated(new Map()), [findings.data]);
  const arrived = useLive((data) => data.findingCount);

  const items = useMemo(() => (findings.data?.items ?? []).map((finding) => updated.get(finding.id) ?? finding), [findings.data, updated]);
  const selectedId = filters.finding === undefined ? null : Number(filters.finding);
  const selected = items.find((finding) => finding.id === selectedId) ?? null;

  const select = useCallback((id: number) => navigate((state) => withFilters(state, { finding: String(id) }), { replace: true }), [navigate]);
  const close = useCallback(() => navigate((state) => withFilters(state, { finding: '' }), { replace: true }), [navigate]);
  const changed = useCallback(
    (finding: StoredFinding | null) => {
      if (finding === null) findings.reload();
      else setUpdated((current) => new Map(current).set(finding.id, finding));
    },
    [findings],
  );

  return (
    <section className="panel view" aria-labelledby="findings-title">
      <h3 id="findings-title">Findings</h3>
      <FindingsFilters filters={filters} onChange={(key, value) => navigate((state) => withFilters(state, { [key]: value }))} />
      <div className="view-toolbar">
        <Pager
          testId="findings-pager"
          page={pages.page}
          hasNext={findings.data?.next != null}
          onPrevious={pages.previous}
          onNext={() => pages.next(findings.data?.next ?? null)}
          limit={limit}
          onLimit={setLimit}
        />
        <div className="actions">
          {arrived > 0 ? <span className="muted">{arrived} new since the page opened</span> : null}
          <button type="button" className="secondary" onClick={() => { refresh(); findings.reload(); }} data-testid="findings-reload">
            Reload
          </button>
        </div>
      </div>
      {findings.error !== null ? <ErrorNote error={findings.error} onRetry={findings.reload} what="findings" /> : null}
      {findings.data === null ? (
        findings.loading ? <Loading what="findings" /> : null
      ) : items.length === 0 ? (
        <Empty>No findings match in this window.</Empty>
      ) : (
        <FindingsTable findings={items} selectedId={selectedId} onSelect={select} />
      )}
      {selected !== null ? <FindingDetail finding={selected} onChanged={changed} onClose={close} /> : null}
      {selectedId !== null && selected === null && findings.data !== null ? (
        <p className="muted">Finding {filters.finding} is not on this page.</p>
      ) : null}
    </section>
  );
}
