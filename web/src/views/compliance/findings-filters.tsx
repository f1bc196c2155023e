/** Rule, severity and review status filters; each change goes to the address at once. */
import { useId } from 'react';
import type { Filters } from '../../state/url-state.ts';
import { REVIEW_STATUSES, RULE_IDS, SEVERITIES, ruleLabel } from './finding-logic.ts';

type FindingFilterKey = 'rule' | 'severity' | 'status';

export function FindingsFilters({ filters, onChange }: { filters: Filters; onChange(key: FindingFilterKey, value: string): void }) {
  const id = useId();
  const fields: Array<{ key: FindingFilterKey; label: string; options: ReadonlyArray<[string, string]> }> = [
    { key: 'rule', label: 'Rule', options: RULE_IDS.map((rule) => [rule, ruleLabel(rule)]) },
    { key: 'severity', label: 'Severity', options: SEVERITIES.map((severity) => [severity, severity]) },
    { key: 'status', label: 'Status', options: REVIEW_STATUSES.map((status) => [status, status]) },
  ];
  return (
    <div className="filters" role="group" aria-label="Finding filters" data-testid="findings-filters">
      {fields.map((field) => (
        <div className="field" key={field.key}>
          <label htmlFor={`${id}-${field.key}`}>{field.label}</label>
          <select
            id={`${id}-${field.key}`}
            value={filters[field.key] ?? ''}
            onChange={(event) => onChange(field.key, event.target.value)}
            data-testid={`findings-filter-${field.key}`}
          >
            <option value="">any</option>
            {field.options.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      ))}
    </div>
  );
}
