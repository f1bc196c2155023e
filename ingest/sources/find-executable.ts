import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** The first of `names` found as an executable file on `PATH`, or null. */
export function findExecutable(names: readonly string[], pathVariable: string | undefined): string | null {
  const dirs = (pathVariable ?? '').split(delimiter).filter((d) => d !== '' && isAbsolute(d));
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return null;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
