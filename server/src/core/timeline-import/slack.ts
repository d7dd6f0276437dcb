/**
 * A Slack export: a folder with `users.json` (who is who), `channels.json`, and one folder per
 * channel holding one JSON file per day (`incident-ops/2024-03-10.json`), each an array of
 * messages with `ts` (seconds since the epoch, so UTC), `user`, `text`, and `thread_ts` on
 * threads. Replies follow their parent in order, whatever was said in the channel meanwhile.
 */
import type { CancellationToken } from '../types.js';
import { throwIfCancelled } from '../types.js';
import { taskIds, type LogEntry, type ParsedSource, type SkippedLine, type SourceFile } from './types.js';

interface SlackMessage {
  type?: string;
  subtype?: string;
  user?: string;
  username?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  user_profile?: { display_name?: string; real_name?: string; name?: string };
  bot_profile?: { name?: string };
}

const DAY_FILE = /(?:^|[\\/])([^\\/]+)[\\/](\d{4}-\d{2}-\d{2})\.json$/;
/** Messages that say who joined or left, not what happened. */
const NOT_SAID = new Set(['channel_join', 'channel_leave', 'group_join', 'group_leave', 'channel_purpose', 'channel_topic']);

/** True when `files` look like a Slack export: a `users.json`, or channel day files. */
export function looksLikeSlack(files: readonly SourceFile[]): boolean {
  return files.some((f) => /(?:^|[\\/])users\.json$/.test(f.name)) || (files.length > 0 && files.every((f) => DAY_FILE.test(f.name) && /^\s*\[\s*(?:\]|\{[^]*"ts"\s*:)/.test(f.text.slice(0, 2000))));
}

function parseJson(file: SourceFile, skipped: SkippedLine[]): unknown {
  try {
    return JSON.parse(file.text) as unknown;
  } catch (error) {
    skipped.push({ file: file.name, line: 0, reason: `not JSON (${(error as Error).message})` });
    return undefined;
  }
}

/** Names by user id from `users.json`: display name, else real name, else login. */
function userNames(files: readonly SourceFile[], skipped: SkippedLine[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of files) {
    if (!/(?:^|[\\/])users\.json$/.test(file.name)) continue;
    const users = parseJson(file, skipped);
    if (!Array.isArray(users)) continue;
    for (const u of users as { id?: string; name?: string; real_name?: string; profile?: { display_name?: string; real_name?: string } }[]) {
      const name = u.profile?.display_name || u.profile?.real_name || u.real_name || u.name;
      if (u.id && name) names.set(u.id, name);
    }
  }
  return names;
}

/** Slack's markup as plain words: mentions by name, links by label, entities decoded, one line. */
function plain(text: string, names: ReadonlyMap<string, string>): string {
  return text
    .replace(/<@(\w+)(?:\|([^>]+))?>/g, (_, id: string, label?: string) => '@' + (names.get(id) ?? label ?? id))
    .replace(/<#\w+\|([^>]+)>/g, '#$1')
    .replace(/<!(\w+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<([^>|]+)\|([^>]+)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads the export's channel day files; other JSON files of the folder are not messages. */
export function parseSlack(files: readonly SourceFile[], token?: CancellationToken): ParsedSource {
  const skipped: SkippedLine[] = [];
  const names = userNames(files, skipped);
  const days = files.filter((f) => DAY_FILE.test(f.name));
  const channels = new Set(days.map((f) => DAY_FILE.exec(f.name)![1]));
  let ignored = 0;
  type Read = LogEntry & { ts: string; thread?: string };
  const read: Read[] = [];
  for (const file of days) {
    throwIfCancelled(token);
    const messages = parseJson(file, skipped);
    if (!Array.isArray(messages)) {
      if (messages !== undefined) skipped.push({ file: file.name, line: 0, reason: 'not an array of messages' });
      continue;
    }
    const channel = DAY_FILE.exec(file.name)![1];
    (messages as SlackMessage[]).forEach((m, index) => {
      if (!m || typeof m !== 'object' || typeof m.ts !== 'string' || !/^\d+(?:\.\d+)?$/.test(m.ts)) {
        skipped.push({ file: file.name, line: 0, reason: `message ${index + 1} has no "ts" time` });
        return;
      }
      if (m.subtype && NOT_SAID.has(m.subtype)) {
        ignored++;
        return;
      }
      const who = (m.user && names.get(m.user)) || m.user_profile?.display_name || m.user_profile?.real_name || m.username || m.bot_profile?.name || m.user || 'unknown';
      const words = plain(m.text ?? '', names);
      if (words === '') {
        ignored++;
        return;
      }
      const entry: Read = { utc: Math.round(Number(m.ts) * 1000), text: `${channels.size > 1 ? `#${channel} ` : ''}${who}: ${words}`, nick: who, file: file.name, line: 0, ts: m.ts };
      if (m.thread_ts && m.thread_ts !== m.ts) {
        entry.thread = m.thread_ts;
        entry.reply = true;
      }
      const tasks = taskIds(words);
      if (tasks) entry.tasks = tasks;
      read.push(entry);
    });
  }
  const byTs = (a: Read, b: Read): number => Number(a.ts) - Number(b.ts);
  const parentTs = new Set(read.filter((e) => !e.thread).map((e) => e.ts));
  // A reply whose parent is not in the export stands on its own.
  const parents = read.filter((e) => !e.thread || !parentTs.has(e.thread)).sort(byTs);
  const replies = new Map<string, Read[]>();
  for (const e of read) {
    if (e.thread && parentTs.has(e.thread)) {
      const list = replies.get(e.thread);
      if (list) list.push(e);
      else replies.set(e.thread, [e]);
    }
  }
  const entries: LogEntry[] = [];
  for (const p of parents) {
    entries.push(strip(p));
    for (const r of (replies.get(p.ts) ?? []).sort(byTs)) entries.push(strip(r));
  }
  return { format: 'slack', entries, skipped, ignored };
}

function strip(e: LogEntry & { ts: string; thread?: string }): LogEntry {
  const { ts: _ts, thread: _thread, ...entry } = e;
  return entry;
}
