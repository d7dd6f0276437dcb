// `npm start`: checks the bundled examples with the freshly built CLI. One example is written to
// have defects, so exit code 1 (error-severity findings) is the expected outcome and is not a
// failure of `npm start`; exit code 2 (a usage or I/O problem) still is.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['dist/cli.js', 'check', 'examples', ...process.argv.slice(2)], { stdio: 'inherit' });
if (result.status === 1) {
  console.log('\n(exit code 1: examples/incidents/2024-06-03-login-failures.md has defects on purpose)');
  process.exit(0);
}
process.exit(result.status ?? 2);
