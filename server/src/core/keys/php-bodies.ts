/**
 * Where the function bodies of a PHP file are, found by a small lexer instead of the parser, so
 * that extraction can leave out the bodies that cannot matter (see body-ranges.ts). It knows what
 * hides a brace: strings (with `{$…}` interpolation), heredocs and nowdocs, comments, and text
 * outside `<?php … ?>`. When the text is not balanced the way it expects, it gives up and the
 * whole file is parsed.
 */

/** The body of a function, method or closure that is not inside another function body. */
export interface FunctionBody {
  /** Offset of the `{` that opens the body. */
  open: number;
  /** Offset of the `}` that closes it. */
  close: number;
  /** The declared name; undefined for a closure. */
  name?: string;
  /** Offset of the `function` keyword. */
  keyword: number;
}

const enum C {
  Tab = 9,
  NewLine = 10,
  CarriageReturn = 13,
  Space = 32,
  DoubleQuote = 34,
  Hash = 35,
  Dollar = 36,
  Quote = 39,
  OpenParen = 40,
  CloseParen = 41,
  Star = 42,
  Comma = 44,
  Minus = 45,
  Slash = 47,
  Colon = 58,
  Semicolon = 59,
  Less = 60,
  Greater = 62,
  Question = 63,
  OpenBracket = 91,
  CloseBracket = 93,
  Backslash = 92,
  Underscore = 95,
  Backtick = 96,
  OpenBrace = 123,
  CloseBrace = 125,
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === C.Underscore || c >= 0x80;
const isSpace = (c: number) => c === C.Space || c === C.Tab || c === C.NewLine || c === C.CarriageReturn;

/**
 * The characters and words that can change what the lexer is in: brackets, `;`, quotes, comment
 * openers, `?>`, `<<<`, and the keywords `function` and `__halt_compiler` as whole words (not
 * the end of a longer word nor a variable's name, `$function`).
 */
const SIGNIFICANT = /[{}();'"`#]|\/[/*]|\?>|<<<|(?<![\w$\x80-\uffff])(?:function|__halt_compiler)(?![\w\x80-\uffff])/gi;

/** Thrown inside the lexer when the text is not what it can follow; caught by {@link functionBodies}. */
class Lost extends Error {}

/**
 * The outermost function bodies of `text` in order, or undefined when the lexer cannot follow the
 * text (an unclosed string or comment, unbalanced braces, `__halt_compiler`).
 */
export function functionBodies(text: string): FunctionBody[] | undefined {
  try {
    return new Lexer(text).run();
  } catch (error) {
    if (error instanceof Lost) return undefined;
    throw error;
  }
}

class Lexer {
  private i = 0;
  private braces = 0;
  private parens = 0;
  private readonly bodies: FunctionBody[] = [];
  /** A `function` keyword whose body has not opened yet (outside any body). */
  private pending: { parens: number; name?: string; keyword: number } | undefined;
  /** The body being read, with the brace depth outside it. */
  private body: { open: number; braces: number; name?: string; keyword: number } | undefined;

  constructor(private readonly text: string) {}

  run(): FunctionBody[] {
    const { text } = this;
    this.html();
    // Jumps from one character that can matter to the next: most of a file is words, spaces and
    // operators that change nothing here, and a loop over every character costs its JIT many
    // rounds of optimization.
    const next = SIGNIFICANT;
    for (;;) {
      next.lastIndex = this.i;
      const m = next.exec(text);
      if (!m) break;
      this.i = m.index;
      const c = text.charCodeAt(this.i);
      switch (c) {
        case C.Question:
          this.i += 2;
          this.html();
          break;
        case C.Slash:
          if (text.charCodeAt(this.i + 1) === C.Slash) this.lineComment();
          else this.blockComment();
          break;
        case C.Hash:
          // `#[` opens an attribute, which is code.
          if (text.charCodeAt(this.i + 1) === C.OpenBracket) this.i++;
          else this.lineComment();
          break;
        case C.Quote:
          this.i = skipSingle(text, this.i);
          break;
        case C.DoubleQuote:
        case C.Backtick:
          this.i = skipDouble(text, this.i, c);
          break;
        case C.Less:
          this.i = skipHeredoc(text, this.i);
          break;
        case C.OpenBrace:
          this.open();
          break;
        case C.CloseBrace:
          this.close();
          break;
        case C.OpenParen:
          this.parens++;
          this.i++;
          break;
        case C.CloseParen:
          this.parens--;
          // `function` was a named argument's label (`f( function: 1 )`), not a declaration.
          if (this.pending && this.parens < this.pending.parens) this.pending = undefined;
          this.i++;
          break;
        case C.Semicolon:
          // An abstract or interface method: no body.
          if (this.pending && this.parens === this.pending.parens) this.pending = undefined;
          this.i++;
          break;
        default:
          this.word(m[0].length);
      }
    }
    if (this.braces !== 0 || this.body) throw new Lost();
    return this.bodies;
  }

  private open(): void {
    if (this.pending && !this.body && this.parens === this.pending.parens) {
      this.body = { open: this.i, braces: this.braces, name: this.pending.name, keyword: this.pending.keyword };
      this.pending = undefined;
    }
    this.braces++;
    this.i++;
  }

  private close(): void {
    this.braces--;
    if (this.braces < 0) throw new Lost();
    if (this.body && this.braces === this.body.braces) {
      this.bodies.push({ open: this.body.open, close: this.i, name: this.body.name, keyword: this.body.keyword });
      this.body = undefined;
    }
    this.i++;
  }

  /** The keyword `function` or `__halt_compiler` at `this.i`, `length` long (a whole word, not a variable's name). */
  private word(length: number): void {
    const { text } = this;
    const start = this.i;
    this.i += length;
    if (length === 15) throw new Lost();
    if (this.body || afterMemberOperator(text, start)) return;
    let j = this.i;
    while (j < text.length && (isSpace(text.charCodeAt(j)) || text.charCodeAt(j) === 38 /* & */)) j++;
    const nameStart = j;
    while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
    this.pending = { parens: this.parens, name: j > nameStart ? text.slice(nameStart, j) : undefined, keyword: start };
  }

  /** Text outside PHP: up to the next open tag. */
  private html(): void {
    const at = this.text.indexOf('<?', this.i);
    if (at < 0) {
      this.i = this.text.length;
      return;
    }
    this.i = this.text.startsWith('<?php', at) ? at + 5 : this.text.startsWith('<?=', at) ? at + 3 : at + 2;
  }

  /** `//` or `#`: to the end of the line, or to a `?>` that leaves PHP. */
  private lineComment(): void {
    const { text } = this;
    let j = this.i;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === C.NewLine || c === C.CarriageReturn) break;
      if (c === C.Question && text.charCodeAt(j + 1) === C.Greater) break;
      j++;
    }
    this.i = j;
  }

  private blockComment(): void {
    const end = this.text.indexOf('*/', this.i + 2);
    if (end < 0) throw new Lost();
    this.i = end + 2;
  }
}

/** True when the word at `at` follows `->`, `?->` or `::` (a member named like a keyword). */
function afterMemberOperator(text: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
  const c = text.charCodeAt(j);
  return (c === C.Greater && text.charCodeAt(j - 1) === C.Minus) || (c === C.Colon && text.charCodeAt(j - 1) === C.Colon) || c === C.Backslash;
}

/** Past a single-quoted string starting at `at`. */
function skipSingle(text: string, at: number): number {
  for (let j = at + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === C.Backslash) j++;
    else if (c === C.Quote) return j + 1;
  }
  throw new Lost();
}

/** Past a double-quoted (or backtick) string starting at `at`, interpolated expressions included. */
function skipDouble(text: string, at: number, quote: number): number {
  for (let j = at + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === C.Backslash) j++;
    else if (c === quote) return j + 1;
    else if ((c === C.OpenBrace && text.charCodeAt(j + 1) === C.Dollar) || (c === C.Dollar && text.charCodeAt(j + 1) === C.OpenBrace)) {
      j = skipInterpolation(text, text.indexOf('{', j)) - 1;
    }
  }
  throw new Lost();
}

/** Past the `{…}` of an interpolation starting at the `{` at `at`: code with its own strings. */
function skipInterpolation(text: string, at: number): number {
  let depth = 0;
  for (let j = at; j < text.length; ) {
    const c = text.charCodeAt(j);
    if (c === C.OpenBrace) depth++;
    else if (c === C.CloseBrace && --depth === 0) return j + 1;
    if (c === C.Quote) j = skipSingle(text, j);
    else if (c === C.DoubleQuote) j = skipDouble(text, j, c);
    else j++;
  }
  throw new Lost();
}

const LABEL = /<<<[ \t]*(["']?)([A-Za-z_\x80-\uffff][\w\x80-\uffff]*)\1\r?\n/y;

/** Past a heredoc or nowdoc starting at `at`: its closing label starts a line (indented or not). */
function skipHeredoc(text: string, at: number): number {
  LABEL.lastIndex = at;
  const m = LABEL.exec(text);
  if (!m) return at + 3;
  const end = new RegExp(`(?:^|\\n)[ \\t]*${m[2]}(?![\\w\\x80-\\uffff])`, 'g');
  end.lastIndex = at + m[0].length - 1;
  const close = end.exec(text);
  if (!close) throw new Lost();
  return close.index + close[0].length;
}

/**
 * The end of the expression that starts at `from`: the first `;` outside brackets (or `,` with
 * `stopAtComma`), or the bracket that closes one opened before `from` (so from just inside `(`,
 * its `)`). Strings are skipped; text the lexer cannot follow runs to the end. At most `limit`
 * characters are read.
 */
export function expressionEnd(text: string, from: number, options: { stopAtComma?: boolean; limit?: number } = {}): number {
  const stop = Math.min(text.length, from + (options.limit ?? 20000));
  const comma = options.stopAtComma ? C.Comma : C.Semicolon;
  let depth = 0;
  try {
    for (let j = from; j < stop; ) {
      const c = text.charCodeAt(j);
      if (c === C.Quote) j = skipSingle(text, j);
      else if (c === C.DoubleQuote || c === C.Backtick) j = skipDouble(text, j, c);
      else {
        if (c === C.OpenParen || c === C.OpenBracket || c === C.OpenBrace) depth++;
        else if (c === C.CloseParen || c === C.CloseBracket || c === C.CloseBrace) {
          if (depth === 0) return j;
          depth--;
        } else if ((c === C.Semicolon || c === comma) && depth === 0) return j;
        j++;
      }
    }
  } catch (error) {
    if (!(error instanceof Lost)) throw error;
  }
  return stop;
}

/** Words before `(` that make it no call: the parentheses hold a value. */
const VALUE_KEYWORDS = new Set(['return', 'array', 'yield', 'print', 'echo', 'clone', 'and', 'or', 'xor', 'throw', 'case', 'else', 'instanceof']);

/**
 * `text` (an expression) without the arguments of its calls, except calls of `keep`, and without
 * `{…}` blocks (closure bodies, `match` arms): what is left is the part a value can be followed
 * through. Strings stay whole, interpolations included.
 */
export function withoutCallArguments(text: string, keep: ReadonlySet<string>): string {
  let out = '';
  let from = 0;
  try {
    for (let j = 0; j < text.length; ) {
      const c = text.charCodeAt(j);
      if (c === C.Quote) j = skipSingle(text, j);
      else if (c === C.DoubleQuote || c === C.Backtick) j = skipDouble(text, j, c);
      else if (c === C.OpenBrace || (c === C.OpenParen && isCall(text, j, keep))) {
        out += text.slice(from, j + 1);
        j = closing(text, j);
        from = j;
      } else j++;
    }
  } catch (error) {
    if (!(error instanceof Lost)) throw error;
  }
  return out + text.slice(from);
}

/** True when the `(` at `at` opens the arguments of a call not in `keep`. */
function isCall(text: string, at: number, keep: ReadonlySet<string>): boolean {
  let j = at;
  while (j > 0 && isSpace(text.charCodeAt(j - 1))) j--;
  const before = text.charCodeAt(j - 1);
  if (before === C.CloseParen || before === C.CloseBracket) return true;
  const end = j;
  while (j > 0 && isWordChar(text.charCodeAt(j - 1))) j--;
  if (j === end) return false;
  const word = text.slice(j, end).toLowerCase();
  return !VALUE_KEYWORDS.has(word) && !keep.has(word);
}

/** The offset of the bracket that closes the one at `at` (or the end of the text). */
function closing(text: string, at: number): number {
  let depth = 0;
  for (let j = at; j < text.length; ) {
    const c = text.charCodeAt(j);
    if (c === C.Quote) j = skipSingle(text, j);
    else if (c === C.DoubleQuote || c === C.Backtick) j = skipDouble(text, j, c);
    else {
      if (c === C.OpenParen || c === C.OpenBracket || c === C.OpenBrace) depth++;
      else if ((c === C.CloseParen || c === C.CloseBracket || c === C.CloseBrace) && --depth === 0) return j;
      j++;
    }
  }
  return text.length;
}
