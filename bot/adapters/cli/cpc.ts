// Entry point run by scripts/cpc.cjs (`npx cpc …`, `npm run --silent cpc -- …`).
import { main } from './cpc-cli';

const result = main(process.argv.slice(2));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
