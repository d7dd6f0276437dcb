/**
 * `incidentScribe.server.importTimeline`: the timeline import of the core for any LSP editor.
 * The client sends the sources' bytes (it may read files the server cannot see, or the
 * clipboard); the server decodes them as `check` does, reads the report as the editor has it,
 * and answers with the insertions, the previewed text, and what to tell the user.
 */
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkReport } from '../core/check.js';
import { formatDate, formatTime, resolveImportZone, utcToWall } from '../core/timeline-import/clock.js';
import { describeStep, ImportError, importTimelineStepwise, isSourceFormat, type SourceInput } from '../core/timeline-import/index.js';
import { decodeText } from '../node/read.js';
import type { TimelineImportOptions, TimelineImportResult, TimelineImportSource } from '../protocol.js';
import { cancellable, nextTurn } from './cancellation.js';
import type { ServerContext } from './context.js';
import { fileOfUri } from './uris.js';

/** The sources as text; an undecodable file gives the message `check` gives. */
function decodeSources(sources: unknown): SourceInput[] | string {
  if (!Array.isArray(sources) || sources.length === 0) return 'no source to import';
  const out: SourceInput[] = [];
  for (const s of sources as TimelineImportSource[]) {
    if (typeof s?.name !== 'string' || !Array.isArray(s.files)) return 'a source must have a name and files';
    const files: SourceInput['files'] = [];
    for (const f of s.files) {
      if (typeof f?.name !== 'string' || typeof f.base64 !== 'string') return `${s.name}: a file must have a name and base64 content`;
      const read = decodeText(Buffer.from(f.base64, 'base64'));
      if (!read.ok) return `${f.name}: ${read.reason.replace(/; skipped.*$/, '')}`;
      files.push({ name: f.name, text: read.text });
    }
    out.push({ name: s.name, files });
  }
  return out;
}

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
const string = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Runs the import into `doc`; see the module comment. Each step is reported on `progress`, and
 * the event loop turns between steps, so that the progress reaches the editor and a
 * cancellation arrives while a long log is read.
 */
export function importIntoDocument(ctx: ServerContext, doc: TextDocument, sources: unknown, options: unknown, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<TimelineImportResult> {
  return cancellable(token, async (t) => {
    const inputs = decodeSources(sources);
    if (typeof inputs === 'string') return { ok: false, kind: 'input', message: inputs };
    const o = (typeof options === 'object' && options !== null ? options : {}) as TimelineImportOptions;
    const from = string(o.from) ?? 'auto';
    if (!isSourceFormat(from)) return { ok: false, kind: 'input', message: `unknown format "${from}"` };
    const { place } = ctx.analyzer.info(doc);
    if (!ctx.documents.get(doc.uri)) ctx.analyzer.forget(doc.uri);
    const { report } = checkReport(fileOfUri(doc.uri), doc.getText(), ctx.parser, place.config, t);
    progress.begin('Import Timeline from Log', 0, 'Reading the logs', false);
    try {
      const result = await importTimelineStepwise(
        inputs,
        { from, zone: string(o.zone), since: string(o.since), until: string(o.until), nicks: strings(o.nicks), words: strings(o.words), columns: { time: string(o.timeColumn), text: string(o.textColumn) } },
        async (step) => {
          progress.report(step.percent, describeStep(step));
          await nextTurn();
        },
        report,
        t,
      );
      const merge = result.merge!;
      const zone = resolveImportZone(merge.zone)!;
      return {
        ok: true,
        edits: merge.edits,
        text: merge.text,
        lines: merge.lines,
        added: merge.added.length,
        duplicates: merge.duplicates.length,
        skipped: result.skipped.map((s) => `${s.file}${s.line ? ':' + s.line : ''}: ${s.reason}`),
        proposals: result.proposals.map((p) => {
          const w = utcToWall(p.utc, zone);
          return `${p.milestone} at ${formatDate(w)} ${formatTime(w)} ${zone.name}: "${p.text}" (add ${p.marker} to confirm)`;
        }),
        zone: merge.zone,
      };
    } catch (error) {
      if (error instanceof ImportError) return { ok: false, kind: error.kind, message: error.message };
      throw error;
    } finally {
      progress.done();
    }
  });
}
