
/**
 * A readable ASCII path segment for a unit's portal pages, from the pinyin of its short name or name
 * (阿戛镇 → agazhen). pinyin-pro handles polyphones by context, which hand-written tables get wrong.
 */
export async function suggestSlug(name: string): Promise<string> {
  // The pinyin dictionary is large: loaded when a unit is first created, not at start-up.
  const { pinyin } = await import('pinyin-pro');
  const base = pinyin(name.replace(/人民政府$/, '') || name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base.length >= 2 ? base : 'unit';
}

export async function uniqueSlug(wanted: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  if (!(await taken(wanted))) return wanted;
  for (let i = 2; i < 1000; i++) {
    const s = `${wanted}-${i}`;
    if (!(await taken(s))) return s;
  }
  return `${wanted}-${Date.now().toString(36)}`;
}
