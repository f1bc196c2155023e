/**
 * What counts as a user's query (spec/gdpr.md § Rules, plaintext-query) and what does not: the names that carry
 * one, and the values that are not plaintext (hashes, redaction marks, SQL of a database log).
 */

/** JSON fields whose string value is a user's query (compared lower-cased). */
const QUERY_FIELDS = new Set(['query', 'prompt', 'question', 'user_query', 'userquery']);
/** URL parameters whose value is a user's query (compared lower-cased, after decoding). */
const QUERY_PARAMS = new Set(['query', 'q', 'prompt', 'question', 'message', 'user_query', 'conversation_history']);
/** Fields whose array value is a conversation: each message's content is a query. */
const CONVERSATION_FIELDS = new Set(['conversation_history', 'conversationhistory', 'history', 'messages', 'conversation']);
/** Conversation fields so named that even a bare string in them is a message (`history: ["login"]` is not). */
const HISTORY_FIELDS = new Set(['conversation_history', 'conversationhistory']);
/** The roles of chat messages (OpenAI, Anthropic, Gemini): an object with one of these and `content` is a message. */
const CHAT_ROLES = new Set(['user', 'assistant', 'system', 'model', 'tool', 'function', 'developer', 'human', 'ai']);

export function isQueryField(name: string): boolean {
  return QUERY_FIELDS.has(name.toLowerCase());
}

export function isQueryParam(name: string): boolean {
  return QUERY_PARAMS.has(name.toLowerCase());
}

export function isConversationField(name: string): boolean {
  return CONVERSATION_FIELDS.has(name.toLowerCase());
}

export function isHistoryField(name: string): boolean {
  return HISTORY_FIELDS.has(name.toLowerCase());
}

export function isChatRole(value: string): boolean {
  return CHAT_ROLES.has(value.toLowerCase());
}

const HEX_LENGTHS = new Set([16, 32, 40, 64]);

/**
 * A value that is a hash, not plaintext: hex of 16, 32, 40 or 64 characters with at least one letter a–f,
 * `sha256:`/`sha1:`-prefixed hex, or a redaction mark (`[REDACTED]`, `[HASHED]`, `[REDACTED:<rule>]`).
 * All-digit strings are numbers, not hashes.
 */
export function isHashValue(value: string): boolean {
  const v = value.trim();
  if (v === '[REDACTED]' || v === '[HASHED]' || /^\[REDACTED:[a-z-]{1,32}\]$/.test(v)) return true;
  const m = /^(?:sha256:|sha1:)?([0-9a-fA-F]+)$/.exec(v);
  if (m === null) return false;
  const hex = m[1] as string;
  if (v.length !== hex.length) return hex.length >= 8; // prefixed: any hex digest
  return HEX_LENGTHS.has(hex.length) && /[a-fA-F]/.test(hex);
}

/** True when a query value holds nothing: empty or blank. */
export function isBlank(value: string): boolean {
  return value.trim().length === 0;
}

// Upper-case SQL is what drivers and ORMs print; a person's question hardly ever shouts its first word.
const SQL_UPPER = /^(?:\(\s*)?(?:SELECT\b[\s\S]*\bFROM\b|SELECT\s+(?:\d|NOW\(|1\b|COUNT\()|INSERT\s+(?:OR\s+\w+\s+)?INTO\b|UPDATE\s+\S+\s+SET\b|DELETE\s+FROM\b|(?:CREATE|ALTER|DROP)\s+(?:TABLE|INDEX|VIEW|TRIGGER|SCHEMA|DATABASE|UNIQUE\s+INDEX)\b|WITH\s+\S+\s+AS\s*\(|PRAGMA\s+\w|(?:BEGIN|COMMIT|ROLLBACK|VACUUM|ANALYZE)\b\s*(?:TRANSACTION\b|;|$)|EXPLAIN\s+|TRUNCATE\s+)/;
const SQL_ANY_CASE = /^(?:\(\s*)?(?:select\b[\s\S]*\bfrom\s+\S|insert\s+into\s+\S|update\s+\S+\s+set\s|delete\s+from\s+\S)/i;
// Lower-case SQL only counts with punctuation no sentence has: placeholders, `*`, `=`, quoted identifiers.
const SQL_PUNCTUATION = /\$\d|[=(,]\s*\?|\?\s*[,)]|\bselect\s+(?:\*|\w+\.\w+|"\w+")|=\s*(?:\$|'|\d|"|\?)|`\w+`|"\w+"\."\w+"/i;

/** SQL as a database log writes it in its `query` field: not a user's query. */
export function isSqlStatement(value: string): boolean {
  const v = value.trimStart();
  if (v.length < 6) return false;
  if (SQL_UPPER.test(v)) return true;
  return SQL_ANY_CASE.test(v) && SQL_PUNCTUATION.test(v);
}
