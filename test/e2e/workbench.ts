/**
 * What a user does in the VS Code workbench, as the keyboard does it: the command palette, quick
 * open, go to line, the Problems panel, quick fixes, hovers, the Outline. Every wait polls the DOM
 * with a deadline; nothing sleeps for a fixed time.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** How long one user-visible reaction may take on a loaded 2-core machine. */
export const REACTION_MS = 45_000;

/** One row of the Problems panel, read from what it shows. */
export interface ProblemRow {
  message: string;
  /** The diagnostic code shown after the source: the rule id. */
  code: string;
  /** 1-based line, as the panel shows it. */
  line: number;
  text: string;
  /** The text of the file row the finding is listed under ("2026-05-18-login-outage.md incidents 2"). */
  file: string;
}

export class Workbench {
  private shots = 0;

  constructor(
    readonly page: Page,
    private readonly artifacts: string,
  ) {}

  /** Saves a numbered screenshot of the whole window as `NN-name.png`. */
  async screenshot(name: string): Promise<string> {
    const path = join(this.artifacts, `${String(++this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** Polls `check` in the page until it returns a truthy value; fails with `what` on timeout. */
  async until<T>(what: string, check: () => Promise<T | undefined | false | null>, timeoutMs = REACTION_MS): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
      try {
        const value = await check();
        if (value) return value;
      } catch (error) {
        last = error;
      }
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
      await this.page.waitForTimeout(250);
    }
  }

  /**
   * Waits for the quick input to be open in the mode `prefix` selects (`>` commands, `:` go to
   * line, `` files): keys typed before it has set its prefix would be lost or overwritten.
   */
  private async quickInputOpen(prefix: string): Promise<void> {
    const input = '.quick-input-widget .quick-input-box input';
    await this.page.waitForSelector(input, { state: 'visible', timeout: REACTION_MS });
    await this.until(`the quick input to open with "${prefix}"`, async () => (await this.page.inputValue(input)) === prefix && !!(await this.page.$(`${input}:focus`)));
  }

  /** The labels of the rows the quick input (palette, quick open) shows. */
  async quickInputRows(): Promise<string[]> {
    return this.page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''));
  }

  /** F1, type the command's label, wait for it in the list and run it. */
  async command(label: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.quickInputOpen('>');
    await this.page.keyboard.type(label);
    await this.until(`"${label}" in the command palette`, async () => {
      const rows = await this.page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row.focused', (r) => r.map((x) => x.textContent ?? ''));
      return rows.some((r) => r.startsWith(label));
    });
    await this.page.keyboard.press('Enter');
  }

  /** Whether the command palette lists a command with this label. */
  async hasCommand(label: string): Promise<boolean> {
    await this.page.keyboard.press('F1');
    await this.quickInputOpen('>');
    await this.page.keyboard.type(label);
    try {
      return await this.until(`"${label}" in the command palette`, async () => (await this.quickInputRows()).some((r) => r.includes(label)), 10_000);
    } catch {
      return false;
    } finally {
      await this.page.keyboard.press('Escape');
    }
  }

  /** Ctrl+P, type the workspace-relative path, open it; waits for its tab to be active. */
  async open(relativePath: string): Promise<void> {
    const name = relativePath.split('/').pop() ?? relativePath;
    await this.page.keyboard.press('Control+p');
    await this.quickInputOpen('');
    await this.page.keyboard.type(relativePath);
    // File search starts slowly on a busy machine: wait until the file is the first result.
    await this.until(`${relativePath} in quick open`, async () => {
      const rows = await this.page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row.focused', (r) => r.map((x) => x.textContent ?? ''));
      return rows.some((r) => r.startsWith(name));
    });
    await this.page.keyboard.press('Enter');
    await this.waitActiveTab(name);
    await this.focusEditor();
  }

  /** Waits until the active editor tab is the file `name`. */
  async waitActiveTab(name: string | RegExp): Promise<string> {
    return this.until(`the active tab to be ${String(name)}`, async () => {
      const label = await this.page.$eval('.editor-group-container.active .tab.active', (t) => t.getAttribute('aria-label') ?? '');
      const tabName = label.split(',')[0];
      return (typeof name === 'string' ? tabName === name : name.test(tabName)) && tabName;
    });
  }

  async focusEditor(): Promise<void> {
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  }

  /** Ctrl+G to a 1-based line; the cursor lands at its start. */
  async goToLine(line: number): Promise<void> {
    await this.page.keyboard.press('Control+g');
    await this.quickInputOpen(':');
    await this.page.keyboard.type(String(line));
    await this.page.keyboard.press('Enter');
    await this.until(`the cursor on line ${line}`, async () => (await this.statusBar()).includes(`Ln ${line}, Col 1`));
  }

  /** Selects the next occurrence of `text` after the cursor with the find widget (Ctrl+F). */
  async select(text: string): Promise<void> {
    await this.page.keyboard.press('Control+f');
    await this.page.waitForSelector('.find-widget.visible .input', { state: 'visible', timeout: REACTION_MS });
    await this.page.keyboard.press('Control+a');
    await this.page.keyboard.type(text);
    await this.until(`"${text}" found`, async () => /^1 of|^\d+ of/.test((await this.page.textContent('.find-widget.visible .matchesCount')) ?? ''));
    await this.page.keyboard.press('Escape');
    await this.until(`"${text}" selected`, async () => (await this.statusBar()).includes(`(${text.length} selected)`));
  }

  /** Ctrl+S, and wait until the active tab no longer shows unsaved changes. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+s');
    await this.until('the file to be saved', async () => !(await this.page.$('.editor-group-container.active .tab.active.dirty')));
  }

  /** The status bar's text (cursor position, language, the extension's report item). */
  async statusBar(): Promise<string> {
    return this.page.$eval('.part.statusbar', (bar) => (bar as unknown as { innerText: string }).innerText.replace(/\s+/g, ' '));
  }

  /** Opens the Problems panel (Ctrl+Shift+M) with `filter` in its filter box. */
  /**
   * Opens the Problems panel with `filter` typed in its filter box. The box can miss the text on a
   * busy machine: tests pick a file's rows by {@link ProblemRow.file}, the filter only tidies the
   * screenshot.
   */
  async showProblems(filter = ''): Promise<void> {
    if (!(await this.page.$('.markers-panel'))?.isVisible()) await this.page.keyboard.press('Control+Shift+m');
    await this.page.waitForSelector('.markers-panel', { state: 'visible', timeout: REACTION_MS });
    const box = this.page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    await box.fill(filter);
    await this.focusEditor();
  }

  /** The rows of the Problems panel, parsed. */
  async problems(): Promise<ProblemRow[]> {
    const texts = await this.page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => r.textContent ?? ''));
    const rows: ProblemRow[] = [];
    let file = '';
    for (const text of texts) {
      const m = /^(.*?)incident-scribe([a-z-]+\/[a-z-]+)\[Ln (\d+), Col \d+\]$/.exec(text);
      if (m) rows.push({ message: m[1], code: m[2], line: Number(m[3]), text, file });
      // A row that is neither a finding nor its related information ("Other.php[Ln 11, Col 10]: …") names the file of the rows below it.
      else if (!/\[Ln \d+, Col \d+\]/.test(text)) file = text;
    }
    return rows;
  }

  /** Waits until the Problems panel rows satisfy `ok`, and returns them. */
  async waitProblems(what: string, ok: (rows: ProblemRow[]) => boolean): Promise<ProblemRow[]> {
    let last: ProblemRow[] = [];
    try {
      return await this.until(what, async () => {
        last = await this.problems();
        return ok(last) && last;
      });
    } catch (error) {
      // Say what the panel showed: a wrong list and a list that never came fail differently.
      throw new Error(`${(error as Error).message}; the panel showed ${JSON.stringify(last.map((r) => `${r.line}:${r.code}`))}`);
    }
  }

  /** Ctrl+. at the cursor, then runs the quick fix titled `title`. */
  async quickFix(title: string): Promise<void> {
    const rowFor = () => this.page.$$eval('.action-widget .monaco-list-row.action', (rows) => rows.map((r) => (r.getAttribute('aria-label') ?? '').replace(/, Quick Fix$/, '')));
    // The actions come from the server; ask again until the menu lists this one.
    await this.until(`quick fix "${title}"`, async () => {
      if (!(await this.page.$('.action-widget .monaco-list-row.action'))) {
        await this.page.keyboard.press('Control+Period');
        await this.page.waitForSelector('.action-widget .monaco-list-row.action', { state: 'visible', timeout: 5_000 }).catch(() => undefined);
      }
      return (await rowFor()).includes(title);
    });
    await this.screenshot('quick-fix-menu');
    for (let i = 0; i < 20; i++) {
      const focused = await this.page.$eval('.action-widget .monaco-list-row.action.focused', (r) => (r.getAttribute('aria-label') ?? '').replace(/, Quick Fix$/, '')).catch(() => '');
      if (focused === title) break;
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
    await this.until('the quick fix menu to close', async () => !(await this.page.$('.action-widget .monaco-list-row.action')));
  }

  /** Moves the mouse onto the visible editor text `text` and returns the hover's text. */
  async hover(text: string): Promise<string> {
    const span = this.page.locator('.editor-group-container.active .monaco-editor .view-line span', { hasText: text }).last();
    const box = await span.boundingBox();
    if (!box) throw new Error(`"${text}" is not on screen`);
    return this.until(`a hover on "${text}"`, async () => {
      await this.page.mouse.move(box.x + 2, box.y + box.height / 2);
      await this.page.mouse.move(box.x + Math.min(box.width - 2, 10), box.y + box.height / 2);
      await this.page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents', { state: 'visible', timeout: 3_000 }).catch(() => undefined);
      const texts = await this.page.$$eval('.monaco-hover:not(.hidden) .hover-contents', (nodes) => nodes.map((n) => (n as unknown as { innerText: string }).innerText));
      return texts.join('\n');
    });
  }

  /** The labels of the Outline view's rows, after focusing it from the palette. */
  async outline(): Promise<string[]> {
    await this.command('Explorer: Focus on Outline View');
    return this.until('Outline rows', async () => {
      const rows = await this.page.$$eval('.outline-pane .monaco-list-row, #outline .monaco-list-row', (r) => r.map((x) => x.getAttribute('aria-label') ?? ''));
      return rows.length > 1 && rows;
    });
  }
}
