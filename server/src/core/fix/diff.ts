/**
 * Unified diffs of a file before and after fixes (`check --fix-dry-run`), as `diff -u` and
 * `git apply` read them.
 */

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Splits text into lines, each keeping its line break, so that a missing final newline shows. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The line edit script of `a` into `b`: Myers' O(ND) algorithm, with the common ends trimmed first. */
function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const n = x.length;
  const m = y.length;
  const around = (middle: Op[]): Op[] => [...a.slice(0, head).map((line) => ({ kind: ' ' as const, line })), ...middle, ...a.slice(a.length - tail).map((line) => ({ kind: ' ' as const, line }))];
  // Lines only added, and too many for Myers' O((N+M)D) (a long import): a linear walk.
  if ((n + m) * (m - n) > LINEAR_ABOVE) {
    const inserted = insertionsOnly(x, y);
    if (inserted) return around(inserted);
  }
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let i = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let j = i - k;
      while (i < n && j < m && x[i] === y[j]) {
        i++;
        j++;
      }
      v[max + k] = i;
      if (i >= n && j >= m) break outer;
    }
  }
  const middle: Op[] = [];
  let i = n;
  let j = m;
  const same = () => {
    i--;
    j--;
    middle.push({ kind: ' ', line: x[i] });
  };
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d];
    const k = i - j;
    const prevK = k === -d || (k !== d && vd[max + k - 1] < vd[max + k + 1]) ? k + 1 : k - 1;
    const prevI = vd[max + prevK];
    const prevJ = prevI - prevK;
    while (i > prevI && j > prevJ) same();
    if (i === prevI) middle.push({ kind: '+', line: y[--j] });
    else middle.push({ kind: '-', line: x[--i] });
  }
  while (i > 0 && j > 0) same();
  middle.reverse();
  return around(middle);
}

/** Above this estimate of Myers' work, a diff that only adds lines is found by a linear walk. */
const LINEAR_ABOVE = 50_000_000;

/** When `x` is a subsequence of `y`, the ops that add the other lines of `y`; else undefined. */
function insertionsOnly(x: string[], y: string[]): Op[] | undefined {
  const ops: Op[] = [];
  let i = 0;
  for (const line of y) {
    if (i < x.length && x[i] === line) {
      ops.push({ kind: ' ', line });
      i++;
    } else ops.push({ kind: '+', line });
  }
  return i === x.length ? ops : undefined;
}

function printed(op: Op): string[] {
  if (op.line.endsWith('\n')) return [op.kind + op.line.slice(0, -1)];
  return [op.kind + op.line, '\\ No newline at end of file'];
}

/**
 * `--- a/PATH` / `+++ b/PATH` and hunks with `context` lines around each change; empty when the
 * texts are equal.
 */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let at = 0;
  while (at < ops.length) {
    while (at < ops.length && ops[at].kind === ' ') at++;
    if (at >= ops.length) break;
    const start = Math.max(0, at - context);
    let end = at;
    // Extend the hunk while the next change is within two contexts of the last one.
    for (let k = at; k < ops.length; k++) {
      if (ops[k].kind !== ' ') end = k;
      else if (k - end > 2 * context) break;
    }
    const stop = Math.min(ops.length, end + context + 1);
    let oldStart = 1;
    let newStart = 1;
    for (let k = 0; k < start; k++) {
      if (ops[k].kind !== '+') oldStart++;
      if (ops[k].kind !== '-') newStart++;
    }
    const hunk = ops.slice(start, stop);
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    const range = (s: number, c: number) => (c === 1 ? `${s}` : `${c === 0 ? s - 1 : s},${c}`);
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`);
    for (const op of hunk) out.push(...printed(op));
    at = stop;
  }
  return out.join('\n') + '\n';
}
