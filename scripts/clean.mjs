// Remove dist/ before a build, so no module or chunk from an earlier build lingers.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
