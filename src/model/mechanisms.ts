import type { Organization } from '../schema/relationship.js';

/**
 * Bilateral mechanisms (an intergovernmental commission, an interstate council, an
 * interregional forum of the two countries) are not multilateral cooperation. With v1 data the
 * rule is the organization's `kind`: `bilateral-body` is a mechanism of the pair, every other
 * kind (or none) an organization or format with other members. See the README section
 * "Bilateral mechanisms".
 */
export const isBilateralBody = (o: Pick<Organization, 'kind'>): boolean => o.kind === 'bilateral-body';

/**
 * Whether a recorded engagement counts as a high-level contact. One that names no participant
 * counts only when its kind says principals met (a visit, a call, credentials, correspondence,
 * a meeting of its own); one of kind `other`, or held within an organization or body it names,
 * is a forum or a session: it stays in the timeline but is not counted, charted or headlined.
 */
export function isHighLevel(e: { kind: string; participants: readonly unknown[]; organizations: readonly unknown[] }): boolean {
  if (e.participants.length > 0) return true;
  return e.kind !== 'other' && e.organizations.length === 0;
}
