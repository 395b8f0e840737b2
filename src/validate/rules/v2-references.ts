import type { Diagnostic } from '../../diagnostics.js';
import type { RelationshipData } from '../../schema/v2/normalize.js';
import { dateRange } from '../../model/dates.js';
import type { PartialDate } from '../../schema/common.js';
import { didYouMean } from '../did-you-mean.js';
import { diag, type RuleContext } from '../context.js';
import { refChecker } from './ids.js';

/**
 * The reference lists version 2 adds, each id checked where it is written: documents signed
 * at an engagement, the engagement a treaty was signed at, mechanisms and their sessions and
 * co-chairs, indicators, status, quotes, a participant's several roles, mirror figures.
 */
export function v2References(ctx: RuleContext): Diagnostic[] {
  const v2 = (ctx.data as RelationshipData).v2;
  if (!v2) return [];
  const out: Diagnostic[] = [];
  const ref = refChecker(ctx, out);
  const sources = (list: readonly string[] | undefined, path: PropertyKey[]) =>
    list?.forEach((s, i) => ref('sources', s, [...path, 'sources', i]));
  const notes = (list: readonly string[] | undefined, path: PropertyKey[]) =>
    list?.forEach((s, i) => ref('notes', s, [...path, 'quality', i]));
  const people = new Map((v2.people ?? []).map((p) => [p.id, p]));
  /** False when the person does not hold a role of that title at all (reported here), true otherwise. */
  const role = (person: string, title: string | undefined, path: PropertyKey[]): boolean => {
    const p = people.get(person);
    if (!p || title === undefined) return true;
    const titles = p.roles.map((r) => inOneLanguage(r.title));
    if (titles.includes(title)) return false;
    const guess = didYouMean(title, titles);
    out.push(
      diag(
        ctx,
        'error',
        'reference',
        path,
        `${inOneLanguage(p.name)} has no role "${title}"`,
        guess ? `did you mean "${guess}"?` : `known roles: ${titles.join('; ')}; add the role under people`,
      ),
    );
    return true;
  };
  /** Each of several roles must be held on the day, as rolePeriods checks the single `role`. */
  const heldThen = (person: string, title: string, day: PartialDate, path: PropertyKey[]): void => {
    const p = people.get(person);
    const tenures = p?.roles.filter((r) => r.title === title) ?? [];
    const span = dateRange(day);
    const reversed = tenures.some((r) => r.from !== undefined && r.to !== undefined && dateRange(r.from).start > dateRange(r.to).end);
    if (!p || tenures.length === 0 || reversed) return;
    const held = tenures.some(
      (r) => !(r.from !== undefined && span.end < dateRange(r.from).start) && !(r.to !== undefined && span.start > dateRange(r.to).end),
    );
    if (!held) {
      const spans = tenures.map((r) => `${r.from ?? '…'}–${r.to ?? '…'}`).join(', ');
      out.push(
        diag(
          ctx,
          'error',
          'role-period',
          path,
          `${p.name} held "${title}" ${spans}, not on ${String(day)}`,
          "check the engagement date or the role's from/to",
        ),
      );
    }
  };

  v2.engagements?.forEach((e, i) => {
    const base = ['engagements', i];
    if (e.mechanism) ref('mechanisms', e.mechanism, [...base, 'mechanism']);
    e.participants?.forEach((p, j) =>
      p.roles?.forEach(
        (r, k) =>
          role(p.person, r, [...base, 'participants', j, 'roles', k]) ||
          heldThen(p.person, r, e.date ?? e.dates!.start, [...base, 'participants', j, 'roles', k]),
      ),
    );
    if (e.documents) {
      sources(e.documents.sources, [...base, 'documents']);
      e.documents.list?.forEach((doc, j) => {
        if (doc.treaty) ref('treaties', doc.treaty, [...base, 'documents', 'list', j, 'treaty']);
        else if (!doc.title)
          out.push(
            diag(
              ctx,
              'error',
              'reference',
              [...base, 'documents', 'list', j],
              'a signed document needs `treaty` (an id under agreements.treaties) or `title`',
              'name the treaty by id, or give the title as reported',
            ),
          );
      });
    }
  });
  v2.agreements?.counts?.forEach((c, i) => notes(c.quality, ['agreements', 'counts', i]));
  v2.agreements?.treaties?.forEach((t, i) => {
    const base = ['agreements', 'treaties', i];
    notes(t.quality, base);
    if (t.signedAt) ref('engagements', t.signedAt, [...base, 'signedAt']);
    if (t.validity) sources(t.validity.sources, [...base, 'validity']);
  });
  v2.trade?.forEach((t, i) => {
    if (!t.mirror) return;
    sources(t.mirror.sources, ['trade', i, 'mirror']);
    notes(t.mirror.quality, ['trade', i, 'mirror']);
  });
  v2.mechanisms?.forEach((m, i) => {
    const base = ['mechanisms', i];
    sources(m.sources, base);
    notes(m.quality, base);
    if (m.establishedBy) ref('treaties', m.establishedBy, [...base, 'establishedBy']);
    const chairs = (list: typeof m.coChairs, path: PropertyKey[]) =>
      list?.forEach((c, j) => {
        if (ref('people', c.person, [...path, 'coChairs', j, 'person'])) role(c.person, c.role, [...path, 'coChairs', j, 'role']);
        sources(c.sources, [...path, 'coChairs', j]);
      });
    chairs(m.coChairs, base);
    m.sessions?.forEach((s, j) => {
      const at = [...base, 'sessions', j];
      sources(s.sources, at);
      notes(s.quality, at);
      if (s.engagement) ref('engagements', s.engagement, [...at, 'engagement']);
      chairs(s.coChairs, at);
    });
  });
  v2.indicators?.forEach((x, i) => {
    sources(x.sources, ['indicators', i]);
    notes(x.quality, ['indicators', i]);
  });
  v2.status?.forEach((s, i) => {
    sources(s.sources, ['status', i]);
    notes(s.quality, ['status', i]);
    if (s.treaty) ref('treaties', s.treaty, ['status', i, 'treaty']);
  });
  v2.quotes?.forEach((q, i) => {
    sources(q.sources, ['quotes', i]);
    notes(q.quality, ['quotes', i]);
    ref('people', q.speaker, ['quotes', i, 'speaker']);
    if (q.engagement) ref('engagements', q.engagement, ['quotes', i, 'engagement']);
  });
  return out;
}

/** A range must not end before it starts: event dates, milestone periods, sessions, indicator periods, validity. */
export function v2PeriodOrder(ctx: RuleContext): Diagnostic[] {
  const v2 = (ctx.data as RelationshipData).v2;
  if (!v2) return [];
  const out: Diagnostic[] = [];
  const check = (from: PartialDate | undefined, to: PartialDate | undefined, path: PropertyKey[], what: string) => {
    if (from === undefined || to === undefined) return;
    if (dateRange(from).start > dateRange(to).end)
      out.push(
        diag(
          ctx,
          'error',
          'period-order',
          path,
          `${what} starts (${String(from)}) after it ends (${String(to)})`,
          'swap or correct the dates',
        ),
      );
  };
  v2.engagements?.forEach((e, i) => check(e.dates?.start, e.dates?.end, ['engagements', i, 'dates', 'end'], 'the engagement'));
  v2.milestones?.forEach((m, i) => {
    check(m.dates?.start, m.dates?.end, ['milestones', i, 'dates', 'end'], 'the milestone');
    check(m.period?.start, m.period?.end, ['milestones', i, 'period', 'end'], 'the period');
  });
  v2.mechanisms?.forEach((m, i) =>
    m.sessions?.forEach((s, j) => check(s.dates?.start, s.dates?.end, ['mechanisms', i, 'sessions', j, 'dates', 'end'], 'the session')),
  );
  v2.indicators?.forEach((x, i) => check(x.period?.start, x.period?.end, ['indicators', i, 'period', 'end'], 'the period'));
  v2.agreements?.treaties?.forEach((t, i) => {
    check(t.validity?.inForce, t.validity?.until, ['agreements', 'treaties', i, 'validity', 'until'], 'the validity');
    check(
      t.signed,
      t.validity?.inForce,
      ['agreements', 'treaties', i, 'validity', 'inForce'],
      'from signing to entry into force, the treaty',
    );
  });
  v2.trade?.forEach((t, i) => {
    if (t.reporter !== 'unknown' && t.reporterInferred === undefined) return;
    if (t.reporter === 'unknown' && t.reporterInferred !== undefined)
      out.push(
        diag(
          ctx,
          'warning',
          'trade-reporter',
          ['trade', i, 'reporterInferred'],
          'reporterInferred explains an inferred reporter, but reporter is unknown',
          'name the country you infer as reporter, or drop reporterInferred',
        ),
      );
  });
  return out;
}

/** A text as written, string or per language: the data's own language first (rules quote it). */
function inOneLanguage(t: string | Readonly<Record<string, string>>): string {
  return typeof t === 'string' ? t : (t.en ?? Object.values(t)[0] ?? '');
}
