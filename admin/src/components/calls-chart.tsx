/** Calls per day of a billing month as an SVG bar chart, with a text alternative. */
export function CallsChart({ days }: { days: { day: string; calls: number }[] }) {
  const width = 720;
  const height = 220;
  const pad = { left: 48, right: 8, top: 12, bottom: 28 };
  const max = Math.max(1, ...days.map((d) => d.calls));
  const step = (width - pad.left - pad.right) / Math.max(1, days.length);
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const ticks = [0, Math.round(max / 2), max];
  const total = days.reduce((s, d) => s + d.calls, 0);
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="chart-title chart-desc"
        data-testid="usage-chart"
      >
        <title id="chart-title">API calls per day</title>
        <desc id="chart-desc">{`${total} calls over ${days.length} days; the busiest day had ${max === 1 && total === 0 ? 0 : max}.`}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} className="grid" />
            <text x={pad.left - 6} y={y(t) + 4} textAnchor="end" className="axis">
              {t}
            </text>
          </g>
        ))}
        {days.map((d, i) => (
          <g key={d.day}>
            <rect
              className="bar"
              x={pad.left + i * step + step * 0.15}
              width={step * 0.7}
              y={y(d.calls)}
              height={Math.max(0, height - pad.bottom - y(d.calls))}
            >
              <title>{`${d.day}: ${d.calls} calls`}</title>
            </rect>
            {(i === 0 || (i + 1) % 5 === 0) && (
              <text x={pad.left + i * step + step / 2} y={height - 8} textAnchor="middle" className="axis">
                {Number(d.day.slice(8))}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption>Calls per day (UTC); hover a bar for its figure.</figcaption>
    </figure>
  );
}
