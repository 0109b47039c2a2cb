/**
 * The decoded source text with every number that was read highlighted. Choosing a highlight (click, or Enter when
 * it has focus) shows its cell; the cells table moves focus here to show a cell's provenance. Highlights are not in
 * the tab order (a report has hundreds): keyboard users go through the cells table, which moves focus to them.
 */
import { memo, useMemo } from 'react';
import type { SourceCell } from '../../../domain/annual-report/interchange.js';

export const sourceMarkId = (path: string) => `src-${path}`;

interface Props {
  text: string;
  cells: Record<string, SourceCell>;
  labels: Record<string, string>;
  corrected: ReadonlySet<string>;
  active: string | null;
  onPick: (path: string) => void;
}

function SourcePaneInner({ text, cells, labels, corrected, active, onPick }: Props) {
  const parts = useMemo(() => {
    const marks = Object.entries(cells)
      .map(([path, c]) => ({ path, start: c.offset, end: c.offset + c.text.length }))
      .filter((m) => m.start >= 0 && m.end <= text.length)
      .sort((a, b) => a.start - b.start);
    const out: { text: string; path?: string }[] = [];
    let at = 0;
    for (const m of marks) {
      if (m.start < at) continue;
      out.push({ text: text.slice(at, m.start) });
      out.push({ text: text.slice(m.start, m.end), path: m.path });
      at = m.end;
    }
    out.push({ text: text.slice(at) });
    return out;
  }, [text, cells]);

  const pick = (target: EventTarget | null) => {
    const path = (target as HTMLElement | null)?.closest?.('mark[data-path]')?.getAttribute('data-path');
    if (path) onPick(path);
  };

  return (
    <div
      role="region"
      aria-label="原文（读取到的数字已标出）"
      tabIndex={0}
      style={{ maxHeight: '70vh', overflow: 'auto' }}
      onClick={(e) => pick(e.target)}
      onKeyDown={(e) => {
        if ((e.key === 'Enter' || e.key === ' ') && (e.target as HTMLElement).tagName === 'MARK') {
          e.preventDefault();
          pick(e.target);
        }
      }}
    >
      <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 13, margin: 0, fontFamily: 'inherit', lineHeight: 1.7 }}>
        {parts.map((p, i) =>
          p.path ? (
            <mark
              key={i}
              id={sourceMarkId(p.path)}
              data-path={p.path}
              tabIndex={-1}
              title={`${labels[p.path] ?? p.path}${corrected.has(p.path) ? '（已手工更正）' : ''}`}
              style={{
                cursor: 'pointer', padding: '0 1px', borderRadius: 2,
                background: p.path === active ? '#ffd666' : corrected.has(p.path) ? '#ffccc7' : '#d6e4ff',
                outline: p.path === active ? '2px solid #d48806' : undefined,
                textDecoration: corrected.has(p.path) ? 'line-through' : undefined,
              }}
            >
              {p.text}
            </mark>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </pre>
    </div>
  );
}

export const SourcePane = memo(SourcePaneInner);
