// Similarity between student submissions in the manner of MOSS: each source
// becomes a stream of normalised tokens (no comments or whitespace, every
// identifier the same, every literal the same), every k consecutive tokens
// are hashed, and winnowing (Schleimer, Wilkerson, Aiken 2003) keeps the
// minimum hash of each window as a fingerprint. Two submissions that share
// many fingerprints share long token sequences, whatever they renamed.
import ts from "typescript";

const { SyntaxKind } = ts;

/**
 * @typedef {{ hash: number, firstLine: number, lastLine: number }} Fingerprint
 *   hash: a k-gram's hash (an integer below 2^52); firstLine/lastLine: the
 *   1-based lines of the k-gram's first and last token.
 * @typedef {{ id: string, files: Map<string, string> }} Submission
 *   files: repo-relative path → source text.
 * @typedef {{ fileA: string, linesA: [number, number], fileB: string, linesB: [number, number], textA: string, textB: string }} Match
 * @typedef {{ a: string, b: string, shared: number, score: number, matches: Match[] }} SimilarPair
 */

/** Lines of source shown for one side of a matching region. */
const MAX_REGION_LINES = 40;
/** Matching regions reported per pair, the largest first. */
const MAX_REGIONS = 8;
/** A fingerprint that at most this many students share is never common idiom, whatever the class size. */
const NEVER_COMMON_UP_TO = 5;
/** A hash that occurs this often in each of two submissions pairs only this many occurrences each way. */
const MAX_OCCURRENCES_PAIRED = 4;

/**
 * The winnowed fingerprints of a TypeScript source: one per window of
 * `window` consecutive k-gram hashes (its minimum, the rightmost on a tie),
 * each kept once even when it is the minimum of several windows.
 * A source of fewer than k tokens has none.
 */
export function fingerprints(text, { k = 12, window = 8 } = {}) {
  return winnow(kgrams(text, k), window);
}

/**
 * The `top` most similar pairs of submissions, most similar first.
 * Fingerprints that occur anywhere in `baseline` (path → text: the stubs and
 * the kernel every student starts from) are ignored, and so are those that
 * more than `commonFraction` of the class (and more than NEVER_COMMON_UP_TO
 * students) share: common idiom, not copying.
 * score = shared / min(|A|, |B|), |A| counting A's remaining fingerprints;
 * pairs sharing fewer than `minShared` fingerprints are left out.
 * @param {Submission[]} submissions
 * @param {Map<string, string>} baseline
 * @returns {SimilarPair[]}
 */
export function similarityReport(submissions, baseline, { top = 20, minShared = 5, k = 12, window = 8, commonFraction = 0.2 } = {}) {
  const excluded = new Set();
  for (const text of baseline.values()) {
    // Every k-gram of the baseline, not only its winnowed ones: next to a
    // student's own code the window may pick a baseline k-gram the
    // baseline's own winnowing skipped.
    for (const gram of kgrams(text, k)) excluded.add(gram.hash);
  }

  // Per submission: hash → where it occurs (file and lines).
  const occurrences = submissions.map(({ files }) => {
    /** @type {Map<number, { file: string, firstLine: number, lastLine: number }[]>} */
    const byHash = new Map();
    for (const [file, text] of files) {
      for (const { hash, firstLine, lastLine } of fingerprints(text, { k, window })) {
        if (excluded.has(hash)) continue;
        const list = byHash.get(hash);
        if (list) list.push({ file, firstLine, lastLine });
        else byHash.set(hash, [{ file, firstLine, lastLine }]);
      }
    }
    return byHash;
  });

  // Inverted index: hash → the submissions holding it.
  /** @type {Map<number, number[]>} */
  const holders = new Map();
  occurrences.forEach((byHash, s) => {
    for (const hash of byHash.keys()) {
      const list = holders.get(hash);
      if (list) list.push(s);
      else holders.set(hash, [s]);
    }
  });

  // A handful of students sharing code is what this report looks for, so
  // in a small class nothing counts as common.
  const mostHolders = Math.max(NEVER_COMMON_UP_TO, Math.floor(commonFraction * submissions.length));
  const counted = occurrences.map(() => 0); // |A|: fingerprints left after the exclusions
  const sharedByPair = new Map(); // a * n + b (a < b) → shared fingerprints
  const n = submissions.length;
  for (const [hash, list] of holders) {
    if (list.length > mostHolders) {
      for (const s of list) occurrences[s].delete(hash);
      continue;
    }
    for (const s of list) counted[s]++;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = list[i] * n + list[j];
        sharedByPair.set(key, (sharedByPair.get(key) ?? 0) + 1);
      }
    }
  }

  const pairs = [];
  for (const [key, shared] of sharedByPair) {
    if (shared < minShared) continue;
    const a = Math.floor(key / n);
    const b = key % n;
    pairs.push({ a, b, shared, score: shared / Math.min(counted[a], counted[b]) });
  }
  pairs.sort((p, q) => q.score - p.score || q.shared - p.shared || p.a - q.a || p.b - q.b);

  return pairs.slice(0, top).map(({ a, b, shared, score }) => ({
    a: submissions[a].id,
    b: submissions[b].id,
    shared,
    score,
    matches: matchingRegions(occurrences[a], occurrences[b], submissions[a].files, submissions[b].files),
  }));
}

/** Every k-gram of the normalised token stream of `text`, hashed, with its lines. */
function kgrams(text, k) {
  const tokens = normalisedTokens(text);
  /** @type {Fingerprint[]} */
  const grams = [];
  for (let start = 0; start + k <= tokens.length; start++) {
    // Two independent 32-bit FNV-1a hashes, joined into one 52-bit number
    // so that 10^5..10^6 fingerprints in a class practically never collide.
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193 ^ k;
    for (let t = start; t < start + k; t++) {
      h1 = Math.imul(h1 ^ tokens[t].kind, 0x01000193);
      h2 = Math.imul(h2 ^ tokens[t].kind, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    grams.push({
      hash: (mix(h1) >>> 0) * 0x100000 + (mix(h2) >>> 12),
      firstLine: tokens[start].firstLine,
      lastLine: tokens[start + k - 1].lastLine,
    });
  }
  return grams;
}

/** Murmur3's finaliser: spreads every input bit over the whole hash, so window minima are evenly placed. */
function mix(h) {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Robust winnowing: in each window of `window` consecutive hashes keep the
 * minimum (the rightmost if tied), and record it unless that same k-gram was
 * the previous window's pick. Fewer hashes than a window make one window.
 */
function winnow(grams, window) {
  /** @type {Fingerprint[]} */
  const picked = [];
  let lastPick = -1;
  const windows = Math.max(1, grams.length - window + 1);
  for (let start = 0; start < windows && grams.length > 0; start++) {
    const end = Math.min(start + window, grams.length);
    let min = start;
    for (let g = start + 1; g < end; g++) {
      if (grams[g].hash <= grams[min].hash) min = g;
    }
    if (min !== lastPick) picked.push(grams[min]);
    lastPick = min;
  }
  return picked;
}

/**
 * The tokens of a TypeScript source as numbers (their SyntaxKind) with
 * lines: comments and whitespace gone; identifiers (and contextual keywords
 * such as `type` or `number`, which are names as often as keywords) one
 * kind; string, template and regular-expression literals one kind; number
 * literals one kind; reserved words and punctuation themselves.
 */
function normalisedTokens(text) {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ true, ts.LanguageVariant.Standard, text);
  const lineStarts = ts.computeLineStarts(text);
  const lineOf = (position) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= position) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };

  /** @type {{ kind: number, firstLine: number, lastLine: number }[]} */
  const tokens = [];
  // The scanner alone cannot tell where `${…}` in a template ends, nor a
  // division from a regular expression: the parser tells it. Here, a stack
  // of brace depths inside open template substitutions, and the previous
  // token, stand in for the parser.
  const openBracesInTemplate = [];
  let previous = SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken && openBracesInTemplate.length > 0) {
      openBracesInTemplate[openBracesInTemplate.length - 1]++;
    } else if (kind === SyntaxKind.CloseBraceToken && openBracesInTemplate.length > 0) {
      if (openBracesInTemplate[openBracesInTemplate.length - 1] === 0) {
        kind = scanner.reScanTemplateToken(/* isTaggedTemplate */ false);
        if (kind === SyntaxKind.TemplateTail) openBracesInTemplate.pop();
      } else {
        openBracesInTemplate[openBracesInTemplate.length - 1]--;
      }
    } else if ((kind === SyntaxKind.SlashToken || kind === SyntaxKind.SlashEqualsToken) && !endsOperand(previous)) {
      kind = scanner.reScanSlashToken();
    }
    if (kind === SyntaxKind.TemplateHead) openBracesInTemplate.push(0);
    previous = kind;
    tokens.push({
      kind: normalisedKind(kind),
      firstLine: lineOf(scanner.getTokenStart()),
      lastLine: lineOf(Math.max(scanner.getTokenStart(), scanner.getTokenEnd() - 1)),
    });
  }
  return tokens;
}

/** After such a token a `/` divides; after any other it starts a regular expression. */
function endsOperand(kind) {
  return kind === SyntaxKind.Identifier || kind === SyntaxKind.PrivateIdentifier ||
    kind === SyntaxKind.NumericLiteral || kind === SyntaxKind.BigIntLiteral ||
    kind === SyntaxKind.StringLiteral || kind === SyntaxKind.NoSubstitutionTemplateLiteral ||
    kind === SyntaxKind.TemplateTail || kind === SyntaxKind.RegularExpressionLiteral ||
    kind === SyntaxKind.CloseParenToken || kind === SyntaxKind.CloseBracketToken || kind === SyntaxKind.CloseBraceToken ||
    kind === SyntaxKind.ThisKeyword || kind === SyntaxKind.SuperKeyword ||
    kind === SyntaxKind.TrueKeyword || kind === SyntaxKind.FalseKeyword || kind === SyntaxKind.NullKeyword ||
    kind === SyntaxKind.PlusPlusToken || kind === SyntaxKind.MinusMinusToken ||
    (kind >= SyntaxKind.FirstContextualKeyword && kind <= SyntaxKind.LastContextualKeyword);
}

function normalisedKind(kind) {
  switch (kind) {
    case SyntaxKind.Identifier:
    case SyntaxKind.PrivateIdentifier:
      return SyntaxKind.Identifier;
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
    case SyntaxKind.TemplateHead:
    case SyntaxKind.TemplateMiddle:
    case SyntaxKind.TemplateTail:
    case SyntaxKind.RegularExpressionLiteral:
      return SyntaxKind.StringLiteral;
    case SyntaxKind.NumericLiteral:
    case SyntaxKind.BigIntLiteral:
      return SyntaxKind.NumericLiteral;
    default:
      if (kind >= SyntaxKind.FirstContextualKeyword && kind <= SyntaxKind.LastContextualKeyword) return SyntaxKind.Identifier;
      return kind;
  }
}

/**
 * The regions where A and B share fingerprints: each shared hash pairs its
 * occurrences in A with those in B, and pairs whose lines overlap or touch on
 * both sides (in the same two files) merge into one region. The largest
 * regions (most fingerprints) first, at most MAX_REGIONS.
 * @returns {Match[]}
 */
function matchingRegions(occurrencesA, occurrencesB, filesA, filesB) {
  /** @type {Map<string, { fileA: string, fileB: string, a: [number, number], b: [number, number], fingerprints: number }[]>} */
  const byFilePair = new Map();
  for (const [hash, inA] of occurrencesA) {
    const inB = occurrencesB.get(hash);
    if (!inB) continue;
    for (const x of inA.slice(0, MAX_OCCURRENCES_PAIRED)) {
      for (const y of inB.slice(0, MAX_OCCURRENCES_PAIRED)) {
        const key = `${x.file}\0${y.file}`;
        const regions = byFilePair.get(key) ?? [];
        byFilePair.set(key, regions);
        regions.push({ fileA: x.file, fileB: y.file, a: [x.firstLine, x.lastLine], b: [y.firstLine, y.lastLine], fingerprints: 1 });
      }
    }
  }

  const merged = [];
  for (const regions of byFilePair.values()) merged.push(...mergeTouching(regions));
  merged.sort((p, q) => q.fingerprints - p.fingerprints || (q.a[1] - q.a[0]) - (p.a[1] - p.a[0]) || p.a[0] - q.a[0]);

  return merged.slice(0, MAX_REGIONS).map(({ fileA, fileB, a, b }) => ({
    fileA,
    linesA: a,
    fileB,
    linesB: b,
    textA: sourceLines(filesA.get(fileA), a),
    textB: sourceLines(filesB.get(fileB), b),
  }));
}

/** Merges regions whose line ranges overlap or touch in A and in B, until none do. */
function mergeTouching(regions) {
  const touch = (x, y) => x[0] <= y[1] + 1 && y[0] <= x[1] + 1;
  let current = [...regions].sort((p, q) => p.a[0] - q.a[0] || p.b[0] - q.b[0]);
  // A merge widens a region, which may then touch one already passed: repeat until a pass merges nothing.
  for (;;) {
    const merged = [];
    for (const region of current) {
      const into = merged.find((m) => touch(m.a, region.a) && touch(m.b, region.b));
      if (!into) {
        merged.push({ ...region });
        continue;
      }
      into.a = [Math.min(into.a[0], region.a[0]), Math.max(into.a[1], region.a[1])];
      into.b = [Math.min(into.b[0], region.b[0]), Math.max(into.b[1], region.b[1])];
      into.fingerprints += region.fingerprints;
    }
    if (merged.length === current.length) return merged;
    current = merged;
  }
}

/** Lines first..last (1-based) of `text`, at most MAX_REGION_LINES of them. */
function sourceLines(text, [first, last]) {
  return text.split("\n").slice(first - 1, Math.min(last, first - 1 + MAX_REGION_LINES)).join("\n");
}
