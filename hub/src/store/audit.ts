import { statements, type Db } from './db.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}
interface AuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}

export interface AuditFilter {
  entity?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

const parse = (text: string | null): unknown =>
  text === null ? null : (JSON.parse(text) as unknown);

export function auditStore(db: Db) {
  const sql = statements(db);
  return {
    write(e: Omit<AuditEntry, 'id'>): void {
      sql(
        'INSERT INTO audit_log (at, actor_id, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        e.at,
        e.actorId,
        e.actor,
        e.action,
        e.entity,
        e.entityId,
        e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
        e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
      );
    },
    list: (f: AuditFilter): AuditEntry[] =>
      sql<[Record<string, string | number | null>], AuditRow>(
        `SELECT * FROM audit_log WHERE (@entity IS NULL OR entity = @entity) AND (@actor IS NULL OR actor = @actor)
           AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to) ORDER BY id DESC LIMIT @limit OFFSET @offset`,
      )
        .all({
          entity: f.entity ?? null,
          actor: f.actor ?? null,
          from: f.from ?? null,
          to: f.to ?? null,
          limit: f.limit,
          offset: f.offset,
        })
        .map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actor: r.actor,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          before: parse(r.before),
          after: parse(r.after),
        })),
  };
}
export type AuditStore = ReturnType<typeof auditStore>;
