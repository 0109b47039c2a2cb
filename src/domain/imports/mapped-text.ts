/**
 * Text that remembers where each of its characters came from. Every step of the report reader (HTML to text,
 * furniture removal, script conversion) produces a MappedText whose `origin[i]` is the offset in the decoded
 * source of character i, so a number read anywhere can be shown and highlighted in the source it came from.
 */
export interface MappedText {
  text: string;
  /** origin[i] = offset in the decoded source of text[i] */
  origin: Int32Array;
}

export function identityText(text: string): MappedText {
  const origin = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) origin[i] = i;
  return { text, origin };
}

/** Accumulates characters with their source offsets (string parts + a growing Int32Array: no per-char objects). */
export class MappedBuilder {
  private parts: string[] = [];
  private offsets = new Int32Array(1024);
  private n = 0;
  private last = '';

  private grow(k: number): void {
    if (this.n + k <= this.offsets.length) return;
    let size = this.offsets.length * 2;
    while (size < this.n + k) size *= 2;
    const next = new Int32Array(size);
    next.set(this.offsets.subarray(0, this.n));
    this.offsets = next;
  }

  push(s: string, sourceOffset: number): void {
    if (!s) return;
    this.grow(s.length);
    this.offsets.fill(sourceOffset, this.n, this.n + s.length);
    this.n += s.length;
    this.parts.push(s);
    this.last = s[s.length - 1]!;
  }

  /** Appends a slice of another mapped text, keeping its origins. */
  pushSlice(m: MappedText, start: number, end: number): void {
    if (end <= start) return;
    this.grow(end - start);
    this.offsets.set(m.origin.subarray(start, end), this.n);
    this.n += end - start;
    this.parts.push(m.text.slice(start, end));
    this.last = m.text[end - 1]!;
  }

  get length(): number {
    return this.n;
  }

  lastChar(): string | undefined {
    return this.n ? this.last : undefined;
  }

  popWhile(pred: (c: string) => boolean): void {
    while (this.n && pred(this.last)) {
      const p = this.parts[this.parts.length - 1]!;
      if (p.length <= 1) this.parts.pop();
      else this.parts[this.parts.length - 1] = p.slice(0, -1);
      this.n--;
      const q = this.parts[this.parts.length - 1];
      this.last = q ? q[q.length - 1]! : '';
    }
  }

  build(): MappedText {
    return { text: this.parts.join(''), origin: this.offsets.slice(0, this.n) };
  }
}

/** Source offset of a position in the mapped text (the end of the text maps just past its last character). */
export function sourceOffset(m: MappedText, i: number): number {
  if (m.origin.length === 0) return 0;
  if (i < m.origin.length) return m.origin[Math.max(0, i)]!;
  return m.origin[m.origin.length - 1]! + 1;
}
