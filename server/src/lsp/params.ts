/**
 * Checks on request parameters. A client that sends malformed params gets an `InvalidParams`
 * error naming what is wrong, instead of an internal error from deep inside a handler.
 */
import { ErrorCodes, ResponseError, type Position } from 'vscode-languageserver';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/** The document URI of `{ textDocument: { uri } }` params. */
export function documentUri(params: unknown): string {
  if (!isObject(params) || !isObject(params.textDocument) || typeof params.textDocument.uri !== 'string') {
    throw invalid('params.textDocument.uri must be a string');
  }
  return params.textDocument.uri;
}

/** True for a 0-based line/character pair of non-negative integers. */
export function isPosition(value: unknown): value is Position {
  return isObject(value) && Number.isInteger(value.line) && Number.isInteger(value.character) && (value.line as number) >= 0 && (value.character as number) >= 0;
}

/** The `position` of text-document-position params. */
export function documentPosition(params: unknown): { uri: string; position: Position } {
  const uri = documentUri(params);
  const position = (params as Record<string, unknown>).position;
  if (!isPosition(position)) throw invalid('params.position must be { line, character } with non-negative integers');
  return { uri, position };
}

/** The `range` of code action params. */
export function documentRange(params: unknown): { uri: string; range: { start: Position; end: Position } } {
  const uri = documentUri(params);
  const range = (params as Record<string, unknown>).range;
  if (!isObject(range) || !isPosition(range.start) || !isPosition(range.end)) throw invalid('params.range must be { start, end } positions');
  return { uri, range: range as { start: Position; end: Position } };
}

export { invalid as invalidParams };
