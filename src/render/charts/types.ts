/**
 * Chart specs are plain data, independent of any country or data file: the model layer
 * fills them in, this module only draws them. Every figure is optional because source
 * data often is (a missing figure is shown as "no data", never guessed).
 */

import type { ChartWords } from './words.js';

/** Fields every chart kind shares. */
export interface ChartCommon {
  /** The words drawn and said, for a brief in another language; English when absent. */
  words?: Partial<ChartWords>;
  /** Overrides the generated title (e.g. for a translated brief). */
  title?: string;
  /** Source line drawn small at the bottom, e.g. "Source: State Customs Committee". Empty: none. */
  source: string;
  /** BCP 47 locale for numbers on axes, labels and in the alt text. @default 'en-US' */
  locale?: string;
  /**
   * Layout width in CSS px. Text keeps its size, so a narrower chart stays legible when it is
   * printed in a column. @default CHART_WIDTH_PX (160 mm)
   */
  width?: number;
}

export interface TradeSplitLabels {
  exports: string;
  imports: string;
  turnover: string;
  balance: string;
  noData: string;
}

/** Exports vs imports of one trade period, from the reporter's side. */
export interface TradeSplitSpec extends ChartCommon {
  kind: 'trade-split';
  /** e.g. "Jan–Oct 2018". */
  periodLabel: string;
  reporterName: string;
  partnerName: string;
  /** e.g. "USD". */
  currency: string;
  /** e.g. "million"; the axis reads "million USD". */
  unit: string;
  exports?: number;
  imports?: number;
  turnover?: number;
  balance?: number;
  /** Overrides the English wording of bar and summary labels. */
  labels?: Partial<TradeSplitLabels>;
}

export interface TradePeriod {
  /** e.g. "2019" or "Jan–Oct 2020". */
  label: string;
  turnover?: number;
  balance?: number;
  /** Partial-year periods are drawn lighter, so they are not compared with full years by eye. */
  partial?: boolean;
  /**
   * Who reports the figures (a country name). Periods of different reporters are drawn as
   * separate series: a balance line never joins one country's statistics to the other's.
   */
  reporter?: string;
}

/** Turnover (bars) and balance (line) across periods. */
export interface TradeSeriesSpec extends ChartCommon {
  kind: 'trade-series';
  reporterName: string;
  partnerName: string;
  currency: string;
  unit: string;
  periods: TradePeriod[];
  labels?: Partial<Pick<TradeSplitLabels, 'turnover' | 'balance' | 'noData'>> & {
    /** Subtitle shown when any period is partial. */
    partialNote?: string;
    /** Appended to a partial period in the alt text: "Jan–Oct 2020 (part of a year)". */
    partial?: string;
    /** Names a series when periods come from several reporters: "{series} reported by {reporter}". */
    reportedBy?: string;
    /** Legend entry of balances of partial periods (drawn as unjoined points). */
    partialBalance?: string;
  };
}

export interface ContactRow {
  year: number;
  /** e.g. "meeting", "phone-call", "visit", "credentials". */
  kind: string;
  count: number;
}

/** High-level contacts per year, stacked by kind. */
export interface ContactsByYearSpec extends ChartCommon {
  kind: 'contacts-by-year';
  rows: ContactRow[];
  /** Display label per kind; its key order is the stacking and legend order. */
  kindLabels: Record<string, string>;
  /** Axis title. @default 'number of contacts' */
  unitLabel?: string;
}

export type ChartSpec = TradeSplitSpec | TradeSeriesSpec | ContactsByYearSpec;
export type ChartKind = ChartSpec['kind'];

export interface RenderedChart {
  /** Self-contained SVG with real text in Roboto, role="img" and a <title>. */
  svg: string;
  /** Layout size in CSS pixels. */
  width: number;
  height: number;
  /** Text alternative that states every figure drawn. */
  alt: string;
  title: string;
}
