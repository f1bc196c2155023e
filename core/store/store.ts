import type { Db } from './open-database.ts';
import { openDatabase } from './open-database.ts';
import { loadStoreSecret } from './store-secret.ts';
import { MetaTable } from './meta.ts';

/** Simulated traffic lives in its own database, never mixed with real data: the database says which it holds. */
export type StoreKind = 'real' | 'demo';

export interface StoreOpenOptions {
  env?: NodeJS.ProcessEnv;
  readonly?: boolean;
  /** What the caller is about to write; refused when the database holds the other kind. */
  kind?: StoreKind;
}

/**
 * The store: one SQLite file, its secret, and the queries that read it. The rest of the product reaches SQLite
 * only through here and the query functions that take a Store, so another engine can stand behind it later.
 */
export class Store {
  private constructor(
    readonly path: string,
    readonly db: Db,
    readonly secret: Buffer,
  ) {}

  static open(path: string, options: StoreOpenOptions = {}): Store {
    const db = openDatabase(path, { readonly: options.readonly ?? false });
    try {
      if (options.kind !== undefined && !options.readonly) {
        const meta = new MetaTable(db);
        const held = meta.get<StoreKind>('kind');
        if (held === null) meta.set('kind', options.kind);
        else if (held !== options.kind) {
          throw new StoreKindError(
            held === 'demo'
              ? `${path} holds simulated demo data: give real logs their own database (--db)`
              : `${path} holds real data: simulated traffic goes to its own database (--db ./data/demo.db)`,
          );
        }
      }
      return new Store(path, db, loadStoreSecret(path, options.env ?? process.env));
    } catch (err) {
      db.close();
      throw err;
    }
  }

  get kind(): StoreKind | null {
    return new MetaTable(this.db).get<StoreKind>('kind');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export class StoreKindError extends Error {}
