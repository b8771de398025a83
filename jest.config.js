// Tests run with TZ=UTC (set by scripts/run-tests.sh) so that local-time bugs show;
// the date code runs a second time under Europe/London.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // .cjs too: PGlite ships CommonJS that loads its parts with import(), which jest's sandbox can
  // only run once swc has turned it into require() (else: --experimental-vm-modules).
  // .tsx (the tab's components, rendered to text by the family-words test) with JSX and React's automatic runtime.
  transform: { '^.+\\.tsx$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }], '^.+\\.(c|m)?(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  // strip-bom: ESM-only, loaded by @microsoft/app-manifest (the manifest build's validator).
  transformIgnorePatterns: ['/node_modules/(?!(jose|@electric-sql|strip-bom)/)'],
  testTimeout: 30000,
  // Makes the PGlite template databases once (test/support/template-databases.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
};
