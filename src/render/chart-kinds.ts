/** The charts a template may ask for with `{{chart "<kind>" …}}`; the template lint checks names against it. */
export const CHART_KINDS: readonly string[] = ['trade-split', 'trade-series', 'contacts-by-year'];
