import type { PartialDate } from '../common.js';
import type { AgreementCount, Engagement, Milestone, Relationship, TradePeriod } from '../relationship.js';
import { quantityValue, type Quantity, type QuantityValue } from './quantity.js';
import type { RelationshipV2 } from './relationship-v2.js';

/** Figures of an item that the source gives as approximations, by field name. */
export type Qualified = Partial<Record<string, QuantityValue>>;

/** Extra fields a version-2 item keeps after normalizing (the v1 fields hold the plain values). */
export interface V2ItemExtras {
  /** Approximate figures: the v1 field holds the number a chart may use, this says how to print it. */
  qualified?: Qualified;
  /** Last day of an event that lasts several days (the v1 `date` holds the first). */
  dateEnd?: PartialDate;
}

/**
 * What the model and the rules read: the version-1 shape, plus the version-2 file itself
 * under `v2` when the file is version 2 (mechanisms, indicators, status, quotes, …).
 */
export type RelationshipData = Relationship & { v2?: RelationshipV2 };

export function extrasOf(item: object): V2ItemExtras {
  return item as V2ItemExtras;
}

/** A v2 figure as the v1 number, noting its qualifier in `qualified` when it has one. */
function plain(q: Quantity | undefined, field: string, qualified: Qualified): number | undefined {
  if (q === undefined) return undefined;
  const v = quantityValue(q);
  if (v.qualifier) qualified[field] = v;
  return v.value;
}

function withQualified<T extends object>(item: T, qualified: Qualified): T {
  return Object.keys(qualified).length ? { ...item, qualified } : item;
}

/**
 * The version-1 view of a version-2 file, so every v1 rule and the model read it unchanged:
 * a range's first day as `date` (the last in `dateEnd`), approximate figures as numbers
 * (the qualifier in `qualified`). Item order and list
 * indexes are kept, so a rule's data path still locates the value in the file.
 */
export function toV1Shape(v2: RelationshipV2): RelationshipData {
  const engagements = v2.engagements?.map((e): Engagement => {
    const { dates, documents: _d, mechanism: _m, participants, ...rest } = e;
    const out = {
      ...rest,
      date: (e.date ?? dates!.start) as PartialDate,
      // Several roles stay in `roles` (checked by the v2 rules, joined by the model); `role` as written.
      participants,
      topics: e.topics as Engagement['topics'],
    };
    // Texts stay as written (string or per language): validate reads them in one language after.
    return (dates ? { ...out, dateEnd: dates.end } : out) as unknown as Engagement;
  });
  const counts = v2.agreements?.counts?.map((c): AgreementCount => {
    const q: Qualified = {};
    const { quality: _q, ...rest } = c;
    return withQualified({ ...rest, count: plain(c.count, 'count', q)! }, q) as unknown as AgreementCount;
  });
  const treaties = v2.agreements?.treaties?.map(({ kind: _k, level: _l, aliases: _a, signedAt: _s, validity: _v, quality: _q, ...t }) => t);
  const trade = v2.trade?.map((t): TradePeriod => {
    const q: Qualified = {};
    const { mirror: _m, reporterInferred: _r, ...rest } = t;
    return withQualified(
      {
        ...rest,
        reporter: t.reporter,
        exports: plain(t.exports, 'exports', q),
        imports: plain(t.imports, 'imports', q),
        turnover: plain(t.turnover, 'turnover', q),
        balance: plain(t.balance, 'balance', q),
      },
      q,
    ) as unknown as TradePeriod;
  });
  const milestones = v2.milestones?.map((m): Milestone => {
    const { dates, period, ...rest } = m;
    const date = (m.date ?? dates?.start ?? period!.start) as PartialDate;
    const end = dates?.end ?? period?.end;
    const out = { ...rest, date, kind: m.kind as Milestone['kind'] };
    return (end === undefined ? out : { ...out, dateEnd: end }) as unknown as Milestone;
  });
  const { status: _s, mechanisms: _m, indicators: _i, quotes: _q, ...shared } = v2;
  const data = {
    ...shared,
    schemaVersion: 1,
    ...(engagements ? { engagements } : {}),
    ...(v2.agreements ? { agreements: { ...(counts ? { counts } : {}), ...(treaties ? { treaties } : {}) } } : {}),
    ...(trade ? { trade } : {}),
    ...(milestones ? { milestones } : {}),
    // Enumerable, so rules that walk the whole file (unused sources) see what v2 items cite.
    v2,
  } as RelationshipData;
  return data;
}
