/** The live indicator's words and tone for the socket's phase and the source's state. */
import type { LiveConnection } from '../live/live-socket.ts';
import type { SourceState } from '../../../core/api.ts';

export interface IndicatorText {
  tone: 'live' | 'pending' | 'down';
  text: string;
}

export function indicatorText(connection: LiveConnection, now: number, source: SourceState | null): IndicatorText {
  switch (connection.phase) {
    case 'live':
      if (source !== null && source !== 'running') return { tone: 'pending', text: `Connected, source ${source}` };
      return { tone: 'live', text: 'Live' };
    case 'connecting':
      return { tone: 'pending', text: connection.attempt === 0 ? 'Connecting…' : 'Reconnecting…' };
    case 'waiting': {
      const seconds = connection.retryAt === null ? 0 : Math.max(0, Math.ceil((connection.retryAt - now) / 1000));
      return { tone: 'down', text: `Offline, retrying in ${seconds} s` };
    }
    case 'paused':
      return { tone: 'down', text: 'Paused: sign in to go live' };
    case 'stopped':
      return { tone: 'down', text: 'Not connected' };
  }
}
