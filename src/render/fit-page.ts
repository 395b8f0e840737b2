import type { BriefView, PageFit } from '../model/view-types.js';

/**
 * A brief that must fit one page (audience option `onePage: true`) is laid out, its pages
 * counted, and, while it runs over, laid out again with the next item of lower priority
 * shortened or dropped. Key figures and the trade chart are never touched; the page says
 * what was left out ("+2 more in the analyst brief", short citations).
 */

/** Cumulative cuts, least important first. */
interface Cut {
  shortSources: boolean;
  milestones: number;
  contacts: number;
  points: number;
}

const ALL = Number.POSITIVE_INFINITY;
export const CUTS: readonly Cut[] = [
  { shortSources: false, milestones: ALL, contacts: ALL, points: ALL },
  { shortSources: true, milestones: ALL, contacts: ALL, points: ALL },
  { shortSources: true, milestones: 2, contacts: ALL, points: ALL },
  { shortSources: true, milestones: 2, contacts: 2, points: ALL },
  { shortSources: true, milestones: 1, contacts: 2, points: ALL },
  { shortSources: true, milestones: 1, contacts: 1, points: ALL },
  { shortSources: true, milestones: 1, contacts: 1, points: 3 },
  { shortSources: true, milestones: 0, contacts: 1, points: 3 },
  { shortSources: true, milestones: 0, contacts: 0, points: 3 },
  { shortSources: true, milestones: 0, contacts: 0, points: 1 },
];

/**
 * The view for cut `step`. `shown` is how many contacts and milestones the template shows
 * uncut, so "+N more" counts what a reader of the full brief would find beyond the page.
 */
export function cutView(view: BriefView, step: number, shown: { contacts: number; milestones: number }): BriefView {
  const cut = CUTS[Math.min(step, CUTS.length - 1)]!;
  if (step === 0) return view;
  const contacts = Math.min(cut.contacts, shown.contacts, view.recentContacts.length);
  const milestones = Math.min(cut.milestones, shown.milestones, view.anniversaries.length);
  const points = Math.min(cut.points, view.talkingPoints.length);
  const fit: PageFit = {
    shortSources: cut.shortSources,
    // Only what the cut removed is announced; an uncut list reads as it always did.
    contactsMore: contacts < Math.min(shown.contacts, view.recentContacts.length) ? view.recentContacts.length - contacts : 0,
    milestonesMore: milestones < Math.min(shown.milestones, view.anniversaries.length) ? view.anniversaries.length - milestones : 0,
    pointsMore: view.talkingPoints.length - points,
  };
  return {
    ...view,
    recentContacts: view.recentContacts.slice(0, contacts),
    anniversaries: view.anniversaries.slice(0, milestones),
    talkingPoints: view.talkingPoints.slice(0, points),
    has: {
      ...view.has,
      anniversaries: view.has.anniversaries === true && (milestones > 0 || fit.milestonesMore > 0),
      talkingPoints: view.has.talkingPoints === true && points > 0,
    },
    fit,
  };
}

/** Pages in a PDF written by pdfkit: one `/Type /Page` dictionary each (no object streams). */
export function countPages(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)
      .toString('latin1')
      .match(/\/Type \/Page(?![a-zA-Z])/g)?.length ?? 0
  );
}

/**
 * Finds the first cut whose PDF has one page (or, if none does, the last and shortest
 * form). Cuts are cumulative, so one page at cut k means one page at every later cut: the
 * first two are tried in turn (the usual cases), the rest by bisection, so a brief that
 * runs far over costs a handful of layouts, not ten.
 */
export async function fitOnePage(
  view: BriefView,
  shown: { contacts: number; milestones: number },
  render: (v: BriefView) => { article: string },
  layOut: (article: string, v: BriefView) => Promise<Uint8Array>,
): Promise<{ view: BriefView; article: string; pdf: Uint8Array; step: number }> {
  const tried = new Map<number, { view: BriefView; article: string; pdf: Uint8Array; step: number; fits: boolean }>();
  const attempt = async (step: number) => {
    const known = tried.get(step);
    if (known) return known;
    const v = cutView(view, step, shown);
    const { article } = render(v);
    const pdf = await layOut(article, v);
    const r = { view: v, article, pdf, step, fits: countPages(pdf) <= 1 };
    tried.set(step, r);
    return r;
  };
  const last = CUTS.length - 1;
  for (const step of [0, 1]) {
    const r = await attempt(step);
    if (r.fits) return r;
  }
  let lo = 2;
  let hi = last;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await attempt(mid)).fits) hi = mid;
    else lo = mid + 1;
  }
  return attempt(lo);
}
