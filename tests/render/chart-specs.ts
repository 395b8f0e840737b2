/** Chart specs the render tests share: one of each kind, with figures of the az-kg dataset. */
import type { ContactsByYearSpec, TradeSeriesSpec, TradeSplitSpec } from '../../src/render/charts/index.js';

export const split: TradeSplitSpec = {
  kind: 'trade-split',
  periodLabel: 'Jan–Oct 2018',
  reporterName: 'Azerbaijan',
  partnerName: 'Kyrgyzstan',
  currency: 'USD',
  unit: 'million',
  exports: 2.3,
  imports: 1.4,
  turnover: 3.7,
  balance: 0.9,
  source: 'Source: State Customs Committee & National Statistical Committee',
};
export const series: TradeSeriesSpec = {
  kind: 'trade-series',
  reporterName: 'Azerbaijan',
  partnerName: 'Kyrgyzstan',
  currency: 'USD',
  unit: 'million',
  source: 'Source: State Customs Committee',
  periods: [
    { label: '2016', turnover: 2.9, balance: -1.1 },
    { label: '2017', turnover: 4.4, balance: 0.3 },
    { label: 'Jan–Oct 2018', turnover: 3.7, balance: 0.9, partial: true },
  ],
};
export const contacts: ContactsByYearSpec = {
  kind: 'contacts-by-year',
  source: 'Source: Ministry of Foreign Affairs',
  kindLabels: { meeting: 'Meeting', 'phone-call': 'Phone call', visit: 'Visit' },
  rows: [
    { year: 2016, kind: 'meeting', count: 2 },
    { year: 2016, kind: 'visit', count: 1 },
    { year: 2018, kind: 'phone-call', count: 3 },
    { year: 2018, kind: 'credentials', count: 1 },
  ],
};
