import type { Db } from './open-database.ts';
import type { Finding, RuleId } from '../findings/finding.ts';
import { RULE_IDS } from '../findings/finding.ts';
import { openKind, ruleKind } from './minute-counts.ts';

/** A row of `finding_kinds`, with the minute-count kinds its findings add to. */
export interface FindingKind {
  id: number;
  rule: Finding['rule'];
  source: Finding['source'];
  field: string;
  template: string;
  ruleKind: string;
  /** The rule as one bit (ruleBit): which rules an entry has is a number, not a set. */
  ruleBit: number;
  openKind: string;
  /** `sourceKind` by instance: built once, not per finding. */
  sourceKinds: Map<string, string>;
}

const RULE_BITS = new Map<string, number>(RULE_IDS.map((rule, i) => [rule, 1 << i]));

/** A rule as one bit of a number; a rule the store does not know (a newer version's) as none. */
export function ruleBit(rule: RuleId | string): number {
  return RULE_BITS.get(rule) ?? 0;
}

/**
 * A finding's kind (rule, severity, source, field and template) and its template, each stored once and found
 * again in memory: a store holds a few dozen kinds and about one finding per entry.
 */
export class FindingKinds {
  private readonly kindIdStmt;
  private readonly insertKindStmt;
  private readonly templateIdStmt;
  private readonly insertTemplateStmt;
  /**
   * Kinds by template, then by rule, source and field among the template's few. (A key joined from all four
   * cost more than the lookup: the template is the long part.)
   */
  private readonly kinds = new Map<string, FindingKind[]>();
  /** Template text → row id. */
  private readonly templateIds = new Map<string, number>();

  constructor(db: Db) {
    this.kindIdStmt = db
      .prepare<[string, string, string, number], number>('SELECT id FROM finding_kinds WHERE rule = ? AND source = ? AND field = ? AND template_id = ?')
      .pluck();
    this.insertKindStmt = db.prepare('INSERT INTO finding_kinds (rule, severity, source, field, template_id) VALUES (?, ?, ?, ?, ?)');
    this.templateIdStmt = db.prepare<[string], number>('SELECT id FROM finding_templates WHERE text = ?').pluck();
    this.insertTemplateStmt = db.prepare('INSERT INTO finding_templates (text) VALUES (?)');
  }

  /** The finding's kind, stored first if new. */
  of(f: Finding, template: string): FindingKind {
    let ofTemplate = this.kinds.get(template);
    if (ofTemplate === undefined) {
      // Bounded: a store with very many line shapes asks the table again, which is exact either way.
      if (this.kinds.size >= 10_000) this.kinds.clear();
      ofTemplate = [];
      this.kinds.set(template, ofTemplate);
    }
    for (const k of ofTemplate) if (k.rule === f.rule && k.field === f.field && k.source === f.source) return k;
    const templateId = this.templateId(template);
    const id =
      this.kindIdStmt.get(f.rule, f.source, f.field, templateId) ??
      Number(this.insertKindStmt.run(f.rule, f.severity, f.source, f.field, templateId).lastInsertRowid);
    const kind: FindingKind = {
      id, rule: f.rule, source: f.source, field: f.field, template, ruleKind: ruleKind(f.rule), ruleBit: ruleBit(f.rule), openKind: openKind(f.severity), sourceKinds: new Map(),
    };
    // Field paths can vary (array indices): past a few dozen per template, the oldest are asked of the table again.
    if (ofTemplate.length >= 64) ofTemplate.shift();
    ofTemplate.push(kind);
    return kind;
  }

  /** A transaction rolled back: rows it added went with it, and their ids may come back for other rows. */
  forget(): void {
    this.kinds.clear();
    this.templateIds.clear();
  }

  private templateId(text: string): number {
    let id = this.templateIds.get(text);
    if (id === undefined) {
      // Bounded like the kinds.
      if (this.templateIds.size >= 10_000) this.templateIds.clear();
      id = this.templateIdStmt.get(text) ?? Number(this.insertTemplateStmt.run(text).lastInsertRowid);
      this.templateIds.set(text, id);
    }
    return id;
  }
}
