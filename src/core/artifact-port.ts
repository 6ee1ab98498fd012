/** Atomic file writes inside the workspace; every write returns the content's sha256. */
export interface ArtifactStore {
  readonly root: string;
  read(relPath: string): Promise<string | undefined>;
  readBytes(relPath: string): Promise<Buffer | undefined>;
  /** temp file + fsync + rename. Refuses paths that leave the workspace. */
  write(relPath: string, content: string | Buffer): Promise<string>;
  exists(relPath: string): Promise<boolean>;
  /** Deletes one file (no error when it is already gone); empty parent folders inside the workspace go too. */
  remove(relPath: string): Promise<void>;
  /** sha256 of a file, or of a directory tree (sorted paths + contents). undefined if absent. */
  hash(relPath: string): Promise<string | undefined>;
  /** Absolute path for a workspace-relative one (validated to stay inside). */
  resolve(relPath: string): string;
}
