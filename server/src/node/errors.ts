/**
 * A problem with the workspace (a configuration error, a path that does not exist) that stops a
 * command. Its message is one line, names the file, and is printed as is.
 */
export class WorkspaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceError';
  }
}
