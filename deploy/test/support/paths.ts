import { join } from 'node:path';

/** The repository root and the deploy kit, for tests that read committed files or spawn the example. */
export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const DEPLOY_DIR = join(REPO_ROOT, 'deploy');
export const deployPath = (...parts: string[]): string => join(DEPLOY_DIR, ...parts);
