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

/** Accumulates characters with their source offsets. */
export class MappedBuilder {
  private chars: string[] = [];
  private offsets: number[] = [];

  push(s: string, sourceOffset: number): void {
    for (let i = 0; i < s.length; i++) {
      this.chars.push(s[i]!);
      this.offsets.push(sourceOffset);
    }
  }

  /** Appends a slice of another mapped text, keeping its origins. */
  pushSlice(m: MappedText, start: number, end: number): void {
    for (let i = start; i < end; i++) {
      this.chars.push(m.text[i]!);
      this.offsets.push(m.origin[i]!);
    }
  }

  get length(): number {
    return this.chars.length;
  }

  lastChar(): string | undefined {
    return this.chars[this.chars.length - 1];
  }

  popWhile(pred: (c: string) => boolean): void {
    while (this.chars.length && pred(this.chars[this.chars.length - 1]!)) {
      this.chars.pop();
      this.offsets.pop();
    }
  }

  build(): MappedText {
    return { text: this.chars.join(''), origin: Int32Array.from(this.offsets) };
  }
}

/** Source offset of a position in the mapped text (the end of the text maps just past its last character). */
export function sourceOffset(m: MappedText, i: number): number {
  if (m.origin.length === 0) return 0;
  if (i < m.origin.length) return m.origin[Math.max(0, i)]!;
  return m.origin[m.origin.length - 1]! + 1;
}
