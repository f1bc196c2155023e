import type { CliContext } from './cli-context.ts';
import { UsageError } from './cli-context.ts';
import type { Subject } from '../core/store/subject-key.ts';
import { subjectFromEmail, subjectFromKey } from '../core/store/subject-key.ts';

export interface SubjectOptions {
  email?: string;
  key?: string;
}

/** Exactly one of --email and --key. */
export function subjectFrom(opts: SubjectOptions, secret: Buffer, _ctx: CliContext): Subject {
  if ((opts.email === undefined) === (opts.key === undefined)) throw new UsageError('give exactly one of --email E or --key K');
  if (opts.email !== undefined) {
    if (!/^[^\s@]+@[^\s@]+$/.test(opts.email.trim())) throw new UsageError('--email needs an e-mail address (name@domain)');
    return subjectFromEmail(opts.email, secret);
  }
  const key = (opts.key as string).trim();
  if (key === '') throw new UsageError('--key needs a key such as user:<id>');
  return subjectFromKey(key, secret);
}
