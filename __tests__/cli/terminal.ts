import { join } from 'node:path';
import { execa, execaSync } from 'execa';

/**
 * The CLI on a pseudo-terminal (util-linux `script`), as a person's terminal runs it: 120x40,
 * no CI variable (Ink renders only a last frame when CI is set at all).
 */
export class Terminal {
  readonly proc;
  private out = '';
  private listeners = new Set<() => void>();

  constructor(repo: string, cwd: string, args: string) {
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', ODOO_URL: '', ODOO_PASSWORD: '', ODOO_API_KEY: '' };
    delete env.CI;
    this.proc = execa('script', ['-qfec', `stty cols 120 rows 40; exec node ${join(repo, 'dist', 'cli.js')} ${args}`, '/dev/null'], {
      cwd,
      env,
      reject: false,
      stdin: 'pipe',
    });
    this.proc.stdout?.on('data', (b: Buffer) => {
      this.out += b.toString();
      for (const l of [...this.listeners]) l();
    });
  }

  /** Everything written since `mark` (a length of the output taken earlier), without colours. */
  since(mark: number): string {
    // eslint-disable-next-line no-control-regex
    return this.out.slice(mark).replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  }

  get length(): number {
    return this.out.length;
  }

  /** Resolves when the output after `mark` passes `test`; rejects if the program exits first. */
  waitFor(test: (screen: string) => boolean, mark = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!test(this.since(mark))) return;
        this.listeners.delete(check);
        resolve(this.since(mark));
      };
      this.listeners.add(check);
      check();
      this.proc.then(() => {
        if (this.listeners.delete(check)) reject(new Error(`exited before the expected screen:\n${this.since(mark)}`));
      }, reject);
    });
  }

  /** Types keys, returning a mark for waitFor (what is drawn after them). */
  type(keys: string): number {
    const mark = this.length;
    this.proc.stdin?.write(keys);
    return mark;
  }

  /** Ends the program and `script` (whose child is in its own session and outlives a kill of script). */
  async kill(): Promise<void> {
    const pid = this.proc.pid;
    if (pid !== undefined) {
      const kids = execaSync('pgrep', ['-P', String(pid)], { reject: false }).stdout.split('\n').filter(Boolean);
      for (const k of kids) {
        try {
          process.kill(Number(k), 'SIGKILL');
        } catch {
          // gone already
        }
      }
    }
    this.proc.kill('SIGKILL');
    await this.proc;
  }
}
