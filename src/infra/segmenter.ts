/**
 * Chinese text analysis for search: the same normalisation and word segmentation for what is indexed and for
 * what is asked, so that a query word is found exactly when the document has that word.
 *
 * - Segmentation: jieba (@node-rs/jieba, the maintained native port). Documents use `cutForSearch`, which adds the
 *   sub-words of long words (义务教育 → 义务, 教育, 义务教育), so a query for 教育 finds 义务教育. Queries use `cut`
 *   (the plain segmentation), whose words are then all required. FTS5 trigram cannot find 2-character words such as
 *   公开 or 补贴 (see stack.md); single words separated by spaces, indexed with FTS5 unicode61 / a PostgreSQL
 *   'simple' tsvector, can.
 * - Traditional → simplified with OpenCC, characters only for documents (their wording is kept); a query written in
 *   traditional characters is converted with Taiwan phrases as well (政府資訊 → 政府信息), since that is what the
 *   person asking means.
 * - Full-width ASCII → half-width, Latin lower-cased.
 * - Tokens are runs of letters and digits only (anything else splits a token), so that SQLite's unicode61 tokenizer
 *   and PostgreSQL's default parser see each of our words as exactly one token: both engines match identically.
 * - Stop words (的, 了, 和 …) are neither indexed nor asked for.
 *
 * jieba's dictionary takes ~0.5 s to load: it is loaded on first use and shared (one instance per process).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import * as OpenCC from 'opencc-js/t2cn';

/** Function words and particles that carry no meaning for search (and would match almost every document). */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  '的', '了', '和', '与', '及', '或', '在', '是', '为', '对', '将', '等', '把', '被', '从', '向', '于', '以', '之', '其',
  '而', '并', '也', '就', '都', '又', '这', '那', '有', '中', '上', '下', '个', '我', '你', '他', '她', '它', '们', '着',
  '过', '吗', '呢', '吧', '啊', '呀', '哦', '嗯', '及其', '以及', '或者', '并且', '关于', '对于', '一个', '一些', '如下',
  'a', 'an', 'the', 'of', 'and', 'or', 'to', 'in', 'on', 'for', 'is',
]);

const TOKEN_SPLIT = /[^\p{L}\p{Nd}]+/u;

export interface TextAnalyzer {
  /** Full-width → half-width, traditional → simplified characters, lower case. */
  normalize(text: string): string;
  /** `normalize` of a single code point (cached), for mapping positions back onto the original text. */
  normalizeChar(ch: string): string;
  /** Index tokens of a text (normalised, segmented for search, stop words removed), in text order. */
  indexTokens(text: string): string[];
  /** The words a query asks for: normalised, segmented, stop words and duplicates removed. */
  queryTerms(text: string): string[];
}

function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

function splitTokens(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    for (const t of w.split(TOKEN_SPLIT)) if (t && !STOP_WORDS.has(t)) out.push(t);
  }
  return out;
}

function createAnalyzer(): TextAnalyzer {
  const jieba = Jieba.withDict(dict);
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
  const twPhrases = OpenCC.Converter({ from: 'twp', to: 'cn' });
  const charCache = new Map<string, string>();

  /** One code point normalised on its own (cached): for mapping matches back onto the original text. */
  function normalizeChar(ch: string): string {
    const hit = charCache.get(ch);
    if (hit !== undefined) return hit;
    const n: string = toSimplified(halfWidth(ch).toLowerCase());
    if (charCache.size < 100_000) charCache.set(ch, n);
    return n;
  }

  const normalize = (text: string): string => {
    const h = halfWidth(text).toLowerCase();
    return toSimplified(h);
  };

  return {
    normalize,
    normalizeChar,
    indexTokens(text) {
      if (!text) return [];
      return splitTokens(jieba.cutForSearch(normalize(text), true));
    },
    queryTerms(text) {
      const h = halfWidth(text).toLowerCase();
      const simplified = toSimplified(h);
      const asked = simplified === h ? h : twPhrases(h);
      return [...new Set(splitTokens(jieba.cut(asked, true)))];
    },
  };
}

let shared: TextAnalyzer | undefined;

/** The process-wide analyzer, created on first use. */
export function textAnalyzer(): TextAnalyzer {
  shared ??= createAnalyzer();
  return shared;
}
