import type { Incident } from '../../core/report.ts';
import type { StoredFinding } from '../../core/findings/finding.ts';

/**
 * The text of a Slack-compatible alert. Only masked content: the incident's summary and figures, a finding's
 * rule, place and masked preview, never a sample line. Slack reads `<…>` and `&` as markup, so text is escaped.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function incidentText(incident: Incident, suppressed: number): string {
  return escapeSlack(`flight-recorder: incident opened (${incident.kind}) at ${incident.from}: ${incident.summary}`) + more(suppressed);
}

export function highFindingText(finding: StoredFinding, suppressed: number): string {
  return (
    escapeSlack(
      `flight-recorder: new high GDPR finding (${finding.rule}) in ${finding.field} of a ${finding.provider} line on ${finding.instance} ` +
        `at ${finding.time}: ${finding.preview}`,
    ) + more(suppressed)
  );
}

function more(suppressed: number): string {
  return suppressed > 0 ? ` (and ${suppressed} more of this kind since the last alert)` : '';
}
