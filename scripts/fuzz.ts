// `npm run fuzz [-- SEED [SEQUENCES]]`: the fuzz test of the report analysis, longer and with any seed.
import { fuzz } from '../test/helpers/fuzz.js';

const seed = Number(process.argv[2] ?? Date.now() % 1_000_000);
const sequences = Number(process.argv[3] ?? 3000);
console.log(`fuzz: seed ${seed}, ${sequences} sequences of 10 edits`);
const start = Date.now();
const versions = fuzz(seed, sequences, 10);
console.log(`fuzz: ${versions} versions checked in ${((Date.now() - start) / 1000).toFixed(0)} s, no difference`);
