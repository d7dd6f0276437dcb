/**
 * Cancellation between the protocol and the core: the core polls a token and throws
 * `CancelledError`; the protocol wants a `RequestCancelled` error response.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken as LspToken } from 'vscode-languageserver';
import type { CancellationToken } from '../core/types.js';

/** A core token that can also tell when it is cancelled (an analysis in a worker is then stopped). */
export interface RequestToken extends CancellationToken {
  onCancellationRequested(listener: () => void): void;
}

/** A core token that reads the protocol token each time the core polls it. */
export function coreToken(token: LspToken | undefined): RequestToken {
  return {
    get isCancellationRequested() {
      return token?.isCancellationRequested ?? false;
    },
    onCancellationRequested(listener) {
      token?.onCancellationRequested(listener);
    },
  };
}

/** The error a cancelled request answers with. */
export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'CancelledError';
}

/** Resolves after the event loop has had a chance to read pending messages. */
export function nextTurn(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs a request handler's work. The core is synchronous, so first give a `$/cancelRequest`
 * that is already on the wire a chance to arrive; then a cancelled token, or a core
 * `CancelledError`, becomes `RequestCancelled`.
 */
export async function cancellable<T>(token: LspToken | undefined, work: (token: RequestToken) => T | Promise<T>): Promise<T> {
  await nextTurn();
  if (token?.isCancellationRequested) throw cancelledError();
  try {
    return await work(coreToken(token));
  } catch (error) {
    if (isCancelled(error)) throw cancelledError();
    throw error;
  }
}
