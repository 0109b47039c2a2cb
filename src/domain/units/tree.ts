/** The organisation tree (集约化: one deployment, many units). Pure: built from id/parent pairs. */
export interface TreeNode {
  id: string;
  parentId: string | null;
}

export class UnitTree {
  private readonly parent = new Map<string, string | null>();
  private readonly children = new Map<string, string[]>();

  constructor(nodes: readonly TreeNode[]) {
    for (const n of nodes) {
      this.parent.set(n.id, n.parentId);
      if (!this.children.has(n.id)) this.children.set(n.id, []);
    }
    for (const n of nodes) {
      if (n.parentId !== null) {
        const list = this.children.get(n.parentId);
        if (list) list.push(n.id);
        else this.children.set(n.parentId, [n.id]);
      }
    }
  }

  has(id: string): boolean {
    return this.parent.has(id);
  }

  /** Ancestors from the parent up to the root. Stops on a cycle rather than looping. */
  ancestors(id: string): string[] {
    const out: string[] = [];
    const seen = new Set<string>([id]);
    let cur = this.parent.get(id) ?? null;
    while (cur !== null && !seen.has(cur)) {
      out.push(cur);
      seen.add(cur);
      cur = this.parent.get(cur) ?? null;
    }
    return out;
  }

  /** The unit itself and all units below it. */
  subtree(id: string): string[] {
    const out: string[] = [];
    const stack = [id];
    const seen = new Set<string>();
    while (stack.length) {
      const cur = stack.pop() as string;
      if (seen.has(cur)) continue;
      seen.add(cur);
      out.push(cur);
      for (const c of this.children.get(cur) ?? []) stack.push(c);
    }
    return out;
  }

  childrenOf(id: string): string[] {
    return this.children.get(id) ?? [];
  }

  /** True when `id` is `ancestorId` or lies below it. */
  isWithin(id: string, ancestorId: string): boolean {
    return id === ancestorId || this.ancestors(id).includes(ancestorId);
  }

  depth(id: string): number {
    return this.ancestors(id).length;
  }
}
