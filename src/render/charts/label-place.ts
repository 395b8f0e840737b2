/**
 * Where value labels go: each label tries its candidate spots in order and takes the first
 * whose box stays inside the plot and clear of every label placed before it; a label with no
 * free spot is left out (the alt text and the tables still state the figure).
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A spot for a label: anchor point, alignment, and whether it sits inside a filled bar. */
export interface Spot {
  x: number;
  y: number;
  align: 'left' | 'right' | 'center';
  baseline: 'top' | 'bottom' | 'middle';
  inside: boolean;
}

export interface TextSize {
  width: number;
  /** Above and below the anchor line of a 'middle' baseline: half the em box each way. */
  height: number;
}

/** Room kept around a label for its white halo, so halos do not cover each other's glyphs. */
export const HALO = 2;

export function boxAt(spot: Spot, size: TextSize): Box {
  const left = spot.align === 'left' ? spot.x : spot.align === 'right' ? spot.x - size.width : spot.x - size.width / 2;
  const top = spot.baseline === 'top' ? spot.y : spot.baseline === 'bottom' ? spot.y - size.height : spot.y - size.height / 2;
  return { left: left - HALO, top: top - HALO, right: left + size.width + HALO, bottom: top + size.height + HALO };
}

export const overlaps = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const within = (a: Box, area: Box): boolean => a.left >= area.left && a.right <= area.right && a.top >= area.top && a.bottom <= area.bottom;

/**
 * Picks the first free spot per label, in the order given (callers list the labels that
 * matter most first). `taken` holds boxes labels must avoid; placed boxes are added to it.
 */
export function placeLabels<T>(
  labels: { item: T; size: TextSize; spots: Spot[]; fits?: (spot: Spot, box: Box) => boolean }[],
  area: Box,
  taken: Box[] = [],
): { item: T; spot: Spot; box: Box }[] {
  const out: { item: T; spot: Spot; box: Box }[] = [];
  for (const l of labels) {
    for (const spot of l.spots) {
      const box = boxAt(spot, l.size);
      if (!within(box, area) || taken.some((t) => overlaps(t, box))) continue;
      if (l.fits && !l.fits(spot, box)) continue;
      taken.push(box);
      out.push({ item: l.item, spot, box });
      break;
    }
  }
  return out;
}
