// Grouped bars in plain SVG: enough for a report, no chart library.
export interface Series {
  name: string;
  color: string;
}

export function BarChart(props: {
  title: string;
  labels: string[];
  series: Series[];
  values: number[][];
}) {
  const { labels, series, values } = props;
  if (labels.length === 0) return null;
  const W = 900;
  const H = 240;
  const left = 40;
  const bottom = 44;
  const top = 24;
  const max = Math.max(1, ...values.flat());
  // Counts and seconds: whole steps.
  const step = Math.max(1, niceStep(max));
  const ceiling = Math.ceil(max / step) * step;
  const slot = (W - left - 10) / Math.max(1, labels.length);
  const bar = Math.max(2, Math.min(28, (slot * 0.8) / Math.max(1, series.length)));
  const y = (v: number) => top + (H - top - bottom) * (1 - v / ceiling);
  const ticks = Array.from({ length: Math.round(ceiling / step) + 1 }, (_, i) => i * step);
  const every = Math.ceil(labels.length / 16);
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.title}>
      <title>{props.title}</title>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={left} x2={W - 10} y1={y(v)} y2={y(v)} stroke="#eaeef2" />
          <text x={left - 6} y={y(v) + 4} text-anchor="end">
            {v}
          </text>
        </g>
      ))}
      {labels.map((label, i) => {
        const x0 = left + i * slot + (slot - bar * series.length) / 2;
        return (
          <g key={label}>
            {series.map((s, j) => {
              const v = values[i]?.[j] ?? 0;
              return (
                <rect
                  key={s.name}
                  x={x0 + j * bar}
                  y={y(v)}
                  width={bar - 1}
                  height={Math.max(0, y(0) - y(v))}
                  fill={s.color}
                >
                  <title>{`${label} · ${s.name}: ${v}`}</title>
                </rect>
              );
            })}
            {i % every === 0 && (
              <text x={left + i * slot + slot / 2} y={H - bottom + 16} text-anchor="middle">
                {label.length > 10 ? `${label.slice(0, 9)}…` : label}
              </text>
            )}
          </g>
        );
      })}
      {series.map((s, j) => (
        <g key={s.name} transform={`translate(${left + j * 140}, ${H - 12})`}>
          <rect width="10" height="10" y="-9" fill={s.color} />
          <text x="14">{s.name}</text>
        </g>
      ))}
    </svg>
  );
}

function niceStep(max: number): number {
  const raw = max / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const n = raw / p;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * p;
}
