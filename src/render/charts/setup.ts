import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BilatError } from '../../errors.js';
import { theme } from '../theme.js';
import { createPlugins } from './plugins.js';
import { compactTick } from './format.js';
import { FONT_PX } from './style.js';
import { CHART_FONT_FAMILY } from './fonts.js';

type ChartJs = typeof import('chart.js');
type CanvasLib = typeof import('@napi-rs/canvas');

/** The two heavy modules, loaded once and configured once. */
export interface ChartRuntime {
  Chart: ChartJs['Chart'];
  BasicPlatform: ChartJs['BasicPlatform'];
  canvas: CanvasLib;
}

let runtime: ChartRuntime | undefined;
let loading: Promise<ChartRuntime> | undefined;

/**
 * The Roboto files pdfmake ships, so charts draw with the same font as the PDF body and
 * never depend on what fonts the machine has.
 */
export function robotoPaths(): { regular: string; medium: string } {
  const pdfmakeDir = dirname(createRequire(import.meta.url).resolve('pdfmake/package.json'));
  const dir = join(pdfmakeDir, 'fonts', 'Roboto');
  return { regular: join(dir, 'Roboto-Regular.ttf'), medium: join(dir, 'Roboto-Medium.ttf') };
}

async function load(): Promise<ChartRuntime> {
  // Dynamic imports: commands that draw no chart (validate, --help) never pay for these.
  const [chartjs, canvas] = await Promise.all([import('chart.js'), import('@napi-rs/canvas')]);
  const fonts = robotoPaths();
  for (const path of [fonts.regular, fonts.medium]) {
    if (!canvas.GlobalFonts.registerFromPath(path, theme.font.family)) {
      throw new BilatError('E_RENDER', `cannot load chart font ${path} (is pdfmake installed?)`);
    }
  }
  const { Chart } = chartjs;
  Chart.register(
    chartjs.BarController,
    chartjs.LineController,
    chartjs.BarElement,
    chartjs.LineElement,
    chartjs.PointElement,
    chartjs.CategoryScale,
    chartjs.LinearScale,
    chartjs.Legend,
    ...createPlugins(chartjs.layouts),
  );
  const d = Chart.defaults;
  d.animation = false;
  d.responsive = false;
  d.maintainAspectRatio = false;
  // 1 keeps SVG coordinates equal to layout pixels.
  d.devicePixelRatio = 1;
  d.events = [];
  d.font.family = CHART_FONT_FAMILY;
  d.font.size = FONT_PX.tick;
  d.color = theme.color.muted;
  // Value-axis ticks in the compact form the value labels use ("500k", "1.5m"), minus sign U+2212.
  const linear = (d.scales as unknown as Record<string, { ticks?: Record<string, unknown> } | undefined>).linear;
  if (linear?.ticks) {
    linear.ticks.callback = function (this: { chart: { options: { locale?: string } } }, value: number) {
      return compactTick(this.chart.options.locale, value);
    };
  }
  return { Chart, BasicPlatform: chartjs.BasicPlatform, canvas };
}

/**
 * Loads and configures Chart.js and the canvas once; await it before the synchronous
 * renderChart (Handlebars helpers cannot await). Safe to call any number of times.
 */
export async function ensureChartsReady(): Promise<void> {
  loading ??= load().then(
    (r) => (runtime = r),
    (e: unknown) => {
      loading = undefined; // let a later call retry, e.g. after a missing font is installed
      throw e instanceof BilatError ? e : new BilatError('E_RENDER', `cannot load the chart renderer: ${String(e)}`, { cause: e });
    },
  );
  await loading;
}

export function chartsReady(): boolean {
  return runtime !== undefined;
}

export function getChartRuntime(): ChartRuntime {
  if (!runtime) {
    throw new BilatError('E_RENDER', 'charts are not loaded: await ensureChartsReady() before rendering');
  }
  return runtime;
}
