/**
 * Just enough TOML to read fly.toml in a test: `[table]`, `[[array of tables]]`, `[a.b]`, and `key = value` with
 * strings, numbers and booleans. Anything else is kept as its raw text. Not a TOML parser; no dependency.
 */
export type TomlValue = string | number | boolean;
export interface TomlTable {
  [key: string]: TomlValue | TomlTable | TomlTable[];
}

export function readToml(text: string): TomlTable {
  const root: TomlTable = {};
  let current = root;
  for (const raw of text.split('\n')) {
    const line = stripComment(raw).trim();
    if (line === '') continue;
    const arrayHeader = /^\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]$/.exec(line);
    const header = /^\[\s*([A-Za-z0-9_.-]+)\s*\]$/.exec(line);
    if (arrayHeader) {
      const path = (arrayHeader[1] as string).split('.');
      const parent = tableAt(root, path.slice(0, -1));
      const key = path[path.length - 1] as string;
      const list = Array.isArray(parent[key]) ? (parent[key] as TomlTable[]) : [];
      parent[key] = list;
      current = {};
      list.push(current);
    } else if (header) {
      current = tableAt(root, (header[1] as string).split('.'));
    } else {
      const kv = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(line);
      if (!kv) throw new Error(`fly.toml: a line this reader does not understand: ${line}`);
      current[kv[1] as string] = valueOf((kv[2] as string).trim());
    }
  }
  return root;
}

function tableAt(root: TomlTable, path: string[]): TomlTable {
  let t = root;
  for (const key of path) {
    const next = t[key];
    if (next === undefined) t[key] = {};
    else if (Array.isArray(next)) {
      t = next[next.length - 1] as TomlTable;
      continue;
    }
    t = t[key] as TomlTable;
  }
  return t;
}

function valueOf(text: string): TomlValue {
  if (/^".*"$/.test(text)) return JSON.parse(text) as string;
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** `#` starts a comment unless inside a string. */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"' && line[i - 1] !== '\\') inString = !inString;
    if (c === '#' && !inString) return line.slice(0, i);
  }
  return line;
}
