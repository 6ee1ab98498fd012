import { UserError } from '../core/user-error.js';
import { decodeUtf8, firstBadUtf8 } from '../core/utf8.js';
import { proposalPath } from '../review/proposal.js';
import { errorsOf, validateDocument } from '../review/validate.js';
import { entryOf, type StepEntry, type StepRegistry } from '../steps/registry.js';
import type { ArtifactStore, Diagnostic, ReviewSpec, StepId } from '../steps/types.js';
import type { JournaledAction, ReviewStepId } from './actions.js';
import { sha256 } from './artifact-store.js';
import { BUILD_ID } from '../core/build-id.js';
import { approvedPath, unsavedPath } from './paths.js';
import type { Store } from './store.js';
import type { ReviewDocument, StepStatus } from './types.js';

export interface ReviewDeps {
  registry: StepRegistry;
  artifacts: ArtifactStore;
  store: Store;
  record: (a: JournaledAction) => Promise<void>;
  /** `changed`: the only files this operation changed (the others need not be checked again). */
  reconcile: (changed?: readonly string[]) => Promise<void>;
  now: () => number;
  runStep: (id: StepId) => Promise<StepStatus>;
  /** A file's sha256 through the stat cache (an unchanged file is not read). */
  digest: (file: string) => Promise<string>;
}

/** `unchanged`: the file was approved already, as it is now; nothing was read or recorded. */
export type ApproveResult = { ok: true; unchanged?: boolean } | { ok: false; errors: readonly Diagnostic[] };

type ReviewEntry = Extract<StepEntry, { kind: 'review' }>;

/** The checkpoints: open, save, approve (bytes kept as given), regenerate. */
export class ReviewOps {
  constructor(private readonly d: ReviewDeps) {}

  entry(step: ReviewStepId): ReviewEntry {
    const e = entryOf(this.d.registry, step);
    if (e.kind !== 'review') throw new Error(`${step} is not a review step`);
    return e;
  }

  /** The checkpoint's schema (loaded on first use). */
  async spec(step: ReviewStepId): Promise<ReviewSpec> {
    return this.entry(step).spec(this.d.artifacts);
  }

  async open(step: ReviewStepId): Promise<ReviewDocument> {
    const e = this.entry(step);
    const spec = await this.spec(step);
    const bytes = await this.d.artifacts.readBytes(e.file);
    if (bytes === undefined) throw this.missing(e);
    // Shown as U+FFFD, a bad byte would be saved back as one: refuse it where it is.
    const decoded = decodeUtf8(bytes, e.file);
    if (!decoded.ok) throw decoded.error;
    const text = decoded.value;
    const proposal = await this.d.artifacts.read(proposalPath(e.file));
    const st = this.d.store.getState().steps[step];
    const approved = st.kind === 'done' && st.inputs[e.file] === sha256(text);
    return { stepId: step, file: e.file, text, proposal, spec, approved };
  }

  async save(step: ReviewStepId, text: string): Promise<void> {
    const e = this.entry(step);
    await this.d.artifacts.write(e.file, text);
    await this.d.reconcile([e.file]);
  }

  private readonly leaving = new Set<Promise<void>>();
  private readonly lost: string[] = [];

  /**
   * The reviewer's last edits as its screen goes away (quit, crash, another screen): nobody
   * awaits this, so a failure is kept, shown as a notice, and handed to whoever ends the run
   * (`failedSaves`). The text then goes to .odoo-project-sync/unsaved/<file> so it is not lost.
   */
  saveOnLeave(step: ReviewStepId, text: string): void {
    const p = this.save(step, text).catch(async (e: unknown) => {
      const file = this.entry(step).file;
      const why = e instanceof Error ? e.message : String(e);
      const aside = await this.d.artifacts.write(unsavedPath(file), text).then(
        () => `your edits are in ${unsavedPath(file)}: copy them back into ${file}`,
        () => 'your last edits could not be kept anywhere: check that the disk has room and the folder is writable',
      );
      const message = `Could not save ${file}: ${why} → ${aside}`;
      this.lost.push(message);
      this.d.store.dispatch({ type: 'notice', message });
    });
    this.leaving.add(p);
    void p.finally(() => this.leaving.delete(p));
  }

  /** Waits for the saves started by saveOnLeave and returns one message per save that failed. */
  async failedSaves(): Promise<readonly string[]> {
    while (this.leaving.size > 0) await Promise.allSettled([...this.leaving]);
    return [...this.lost];
  }

  /**
   * Approves exactly these bytes when they validate: they replace the file if different, are
   * copied to .odoo-project-sync/approved/<file>, and their sha256 goes into the journal.
   */
  async approveBytes(step: ReviewStepId, bytes: Buffer, onDisk = false): Promise<ApproveResult> {
    const e = this.entry(step);
    const hash = sha256(bytes);
    if (this.checkedHash(e) !== hash) {
      const bad = firstBadUtf8(bytes);
      if (bad) return { ok: false, errors: [{ ...bad, message: 'this byte is not UTF-8 text; save the file as UTF-8 and check the character there', severity: 'error' }] };
      const errors = errorsOf(validateDocument(bytes.toString('utf8'), await this.spec(step), true));
      if (errors.length > 0) return { ok: false, errors };
    }
    const current = onDisk ? bytes : await this.d.artifacts.readBytes(e.file);
    if (!current || !current.equals(bytes)) await this.d.artifacts.write(e.file, bytes);
    await this.d.artifacts.write(approvedPath(e.file), bytes);
    await this.d.record({ type: 'review-approved', step, at: this.d.now(), file: e.file, hash });
    await this.d.reconcile([e.file]);
    return { ok: true };
  }

  /**
   * The sha256 of the file as its producing step wrote and checked it with no error, with this
   * build (see the runner's checkedOutputs): bytes with that hash would be found the same again.
   */
  private checkedHash(e: ReviewEntry): string | undefined {
    const p = this.d.store.getState().steps[e.producer];
    return p.kind === 'done' && p.checked?.build === BUILD_ID ? p.checked.files[e.file] : undefined;
  }

  /**
   * The file on disk is, by its hash through the stat cache (an untouched file is not read), the
   * one its producing step wrote and checked with no error, with this build: checking it again
   * would find the same.
   */
  async checkedAsIs(step: ReviewStepId): Promise<boolean> {
    const e = this.entry(step);
    const checked = this.checkedHash(e);
    return checked !== undefined && checked === (await this.d.digest(e.file));
  }

  /** `run <review> --yes`: approves the file as it is on disk. */
  async approveCurrent(step: ReviewStepId): Promise<ApproveResult> {
    const e = this.entry(step);
    if (await this.approvedAsIs(step)) return { ok: true, unchanged: true };
    const bytes = await this.d.artifacts.readBytes(e.file);
    if (!bytes) throw this.missing(e);
    return this.approveBytes(step, bytes, true);
  }

  /**
   * The file and its approved copy are both the bytes the journal approved (by hash, through the
   * stat cache): approving again would change nothing. An edit, even one that keeps the mtime,
   * changes the file's stat and so is hashed again.
   */
  private async approvedAsIs(step: ReviewStepId): Promise<boolean> {
    const e = this.entry(step);
    const st = this.d.store.getState().steps[step];
    if (st.kind !== 'done') return false;
    const hash = st.inputs[e.file];
    return hash !== undefined && (await this.d.digest(e.file)) === hash && (await this.d.digest(approvedPath(e.file))) === hash;
  }

  async regenerate(step: ReviewStepId): Promise<ReviewDocument> {
    const e = this.entry(step);
    const st = await this.d.runStep(e.producer);
    if (st.kind === 'failed') {
      throw new UserError('input', `regenerating ${e.file} failed: ${st.error.message}`, { where: { file: e.file }, hint: st.error.hint });
    }
    return this.open(step);
  }

  private missing(e: ReviewEntry): UserError {
    const producer = entryOf(this.d.registry, e.producer);
    return new UserError('input', `${e.file} does not exist yet`, {
      where: { file: e.file },
      hint: `run the "${producer.title}" step first (odoo-project-sync run ${producer.id})`,
    });
  }
}
