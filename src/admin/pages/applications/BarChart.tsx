/** A small accessible bar chart: a list of labelled bars whose values are written out, not only drawn. */
export interface Bar {
  key: string;
  label: string;
  value: number;
}

export function BarChart({ title, bars, unit = '件' }: { title: string; bars: Bar[]; unit?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const total = bars.reduce((s, b) => s + b.value, 0);
  return (
    <figure className="gk-bars" aria-label={title}>
      <figcaption className="gk-bars-title">{title}（合计 {total} {unit}）</figcaption>
      <ul>
        {bars.map((b) => (
          <li key={b.key} className="gk-bar-row">
            <span className="gk-bar-label">{b.label}</span>
            <span className="gk-bar-track" aria-hidden>
              <span className="gk-bar-fill" style={{ width: `${(b.value / max) * 100}%` }} />
            </span>
            <span className="gk-bar-value">{b.value} {unit}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
