// Copies the non-TypeScript assets the compiled code serves (the inspector page) into dist/.
import { cpSync, existsSync } from 'node:fs';
for (const dir of ['visualize/page']) {
  if (existsSync(dir)) cpSync(dir, `dist/${dir}`, { recursive: true });
}
