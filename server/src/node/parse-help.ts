/**
 * Two analysis workers parsing the first version of one large document together (the core's
 * `ParseHelp`): micromark is most of a cold open, and on a machine with two cores the worker
 * that does not own the document is usually idle then. The calling thread makes a channel and
 * a small shared counter and sends one end to each worker: the owner, analysing the document,
 * and the helper, which parses the chunks it claims and posts their trees to the owner. The
 * owner takes them synchronously (`receiveMessageOnPort`), waiting on the shared counter.
 *
 * Nothing here can change a result: a chunk the helper does not deliver (it started late, was
 * busy, stopped or crashed) is parsed by the owner, and a helper that starts after the owner
 * finished finds nothing left to claim.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { HelpedParse, MarkdownParser, ParseHelp } from '../core/markdown/parse.js';
import { throwIfCancelled, type CancellationToken } from '../core/types.js';

/** Slots of the shared counter. */
const NEXT = 0;
const POSTED = 1;
const STOP = 2;

/** The owner parses the rest itself when the helper has delivered nothing for this long. */
const STALL_MS = 500;

/** One end of a shared parse: the counter, and the port to the other side. */
export interface ParseHelpEnd {
  shared: SharedArrayBuffer;
  port: MessagePort;
}

/** The two ends of a new shared parse: the owner's and the helper's (send each with its port in the transfer list). */
export function shareParse(): { owner: ParseHelpEnd; helper: ParseHelpEnd } {
  const shared = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  const { port1, port2 } = new MessageChannel();
  return { owner: { shared, port: port1 }, helper: { shared, port: port2 } };
}

/** The owner's side, for `MarkdownParser.parseChunks`. */
export function ownerHelp({ shared, port }: ParseHelpEnd): ParseHelp {
  const counter = new Int32Array(shared);
  return {
    claim: () => Atomics.add(counter, NEXT, 1),
    collect(count: number, token?: CancellationToken): [number, HelpedParse][] {
      const got: [number, HelpedParse][] = [];
      let last = performance.now();
      while (got.length < count) {
        throwIfCancelled(token);
        const received = receiveMessageOnPort(port);
        if (received) {
          const { index, parse } = received.message as { index: number; parse: HelpedParse };
          got.push([index, parse]);
          last = performance.now();
          continue;
        }
        if (performance.now() - last > STALL_MS) break;
        // The helper adds to POSTED after each message it posts: wait for the next one.
        Atomics.wait(counter, POSTED, Atomics.load(counter, POSTED), 25);
      }
      return got;
    },
    done() {
      Atomics.store(counter, STOP, 1);
      port.close();
    },
  };
}

/** The helper's side: parses the chunks of `text` it claims and posts each tree to the owner. Returns how many. */
export function helpParse(parser: MarkdownParser, text: string, { shared, port }: ParseHelpEnd): number {
  const counter = new Int32Array(shared);
  try {
    return parser.parseForOther(
      text,
      () => (Atomics.load(counter, STOP) !== 0 ? Number.MAX_SAFE_INTEGER : Atomics.add(counter, NEXT, 1)),
      (index, parse) => {
        port.postMessage({ index, parse });
        Atomics.add(counter, POSTED, 1);
        Atomics.notify(counter, POSTED);
      },
      () => Atomics.load(counter, STOP) !== 0,
    );
  } finally {
    port.close();
  }
}
