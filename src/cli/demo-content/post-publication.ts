/** A few corrections (更正) and withdrawals (撤稿) through the real use cases, dated after publication, with reasons. */
import { decidePending, requestCorrection, requestWithdrawal } from '../../domain/publications/post-publication.js';
import type { Actor, Deps } from '../../domain/ports.js';
import type { ItemSpec } from './plan.js';
import type { Prng } from './prng.js';

const CORRECTIONS = [
  { reason: '内容概述中的日期表述有误，予以更正', field: 'summary' as const },
  { reason: '发布机构名称书写不规范，予以更正', field: 'summary' as const },
  { reason: '正文中联系电话有误，予以更正', field: 'bodyHtml' as const },
];

/** Later than `after` by a few days, never after now; office hours in Beijing. */
function laterInstant(after: string, now: string, rng: Prng): string | null {
  const t = Date.parse(after) + rng.int(1, 9) * 86_400_000;
  return t < Date.parse(now) - 3_600_000 ? new Date(t).toISOString() : null;
}

export async function correctSome(deps: Deps, requester: Actor, approver: Actor, specs: ItemSpec[], ids: Map<string, string>, rng: Prng, n: number): Promise<number> {
  const candidates = rng.sample(specs.filter((s) => s.columnCode !== 'gzdt' && !s.validity && !s.interprets), n);
  let done = 0;
  for (const [i, s] of candidates.entries()) {
    const id = ids.get(s.key);
    const when = laterInstant(s.publishAt, deps.clock.now(), rng);
    if (!id || !when) continue;
    const c = CORRECTIONS[i % CORRECTIONS.length]!;
    const changes = c.field === 'summary' ? { summary: `${s.summary.replace(/。$/, '')}（已更正）。` } : { bodyHtml: `${s.bodyHtml}<p>（咨询电话以本单位公布的办公电话为准。）</p>` };
    const at = (t: string) => ({ ...deps, clock: { now: () => t } });
    await requestCorrection(at(when), requester, id, { reason: c.reason, changes });
    await decidePending(at(new Date(Date.parse(when) + 2 * 3_600_000).toISOString()), approver, id, 'correct', true, { comment: '同意更正' });
    done++;
  }
  return done;
}

export async function withdrawOne(deps: Deps, requester: Actor, approver: Actor, spec: ItemSpec | undefined, ids: Map<string, string>, rng: Prng, reason: string): Promise<boolean> {
  const id = spec && ids.get(spec.key);
  const when = spec && laterInstant(spec.publishAt, deps.clock.now(), rng);
  if (!id || !when) return false;
  const at = (t: string) => ({ ...deps, clock: { now: () => t } });
  await requestWithdrawal(at(when), requester, id, { reason });
  await decidePending(at(new Date(Date.parse(when) + 3_600_000).toISOString()), approver, id, 'withdraw', true, { comment: '同意撤稿' });
  return true;
}
