/**
 * A chart.js chart (bundled, works offline and prints) with an accessible twin: the canvas is
 * labelled as an image and the same figures are given as a table for screen readers.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  DoughnutController,
  ArcElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily || 'system-ui, sans-serif';
Chart.defaults.color = '#344054';

export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

interface Props {
  readonly config: ChartConfiguration;
  readonly label: string;
  readonly table: ChartTable;
  readonly testId?: string;
  readonly height?: number;
  /** Shown instead of the chart when there is nothing to draw. */
  readonly emptyText?: string;
}

/** True when every dataset of the chart sums to zero. */
export function isEmptyChart(config: ChartConfiguration): boolean {
  return config.data.datasets.every((d) =>
    (d.data as unknown[]).every((v) => typeof v !== 'number' || v === 0),
  );
}

export function ChartView({ config, label, table, testId, height = 240, emptyText }: Props) {
  const empty = emptyText !== undefined && isEmptyChart(config);
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!canvas.current || empty) return;
    chart.current?.destroy();
    chart.current = new Chart(canvas.current, {
      ...config,
      options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [JSON.stringify(config.data), config.type, empty]);
  return (
    <figure class="chart" data-testid={testId}>
      <div class="chart-box" style={{ height: `${height}px` }}>
        {empty ? (
          <p class="chart-empty">{emptyText}</p>
        ) : (
          <canvas ref={canvas} role="img" aria-label={label} />
        )}
      </div>
      <table class="visually-hidden">
        <caption>{label}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Colour-blind-safe palette (Okabe–Ito, darkened for contrast on white). */
export const PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#8c6d00',
  '#555555',
];
export const SEVERITY_COLOURS: Readonly<Record<string, string>> = {
  '1': '#E69F00',
  '2': '#D55E00',
  '3': '#9b1c1c',
};
