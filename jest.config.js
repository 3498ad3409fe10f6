// Tests import 'poolkit' as users do, from the built package (dist/). POOLKIT_DIST points them at
// another build of it (a second worktree, an installed tarball).
export default {
  testEnvironment: 'node',
  transform: {},
  testMatch: ['<rootDir>/js-tests/**/*.test.js'],
  // The examples (and their copies under build/) are projects of their own, each named in its
  // package.json: not modules of this one.
  modulePathIgnorePatterns: ['<rootDir>/build/', '<rootDir>/web/examples/'],
  moduleNameMapper: { '^poolkit$': process.env.POOLKIT_DIST ?? '<rootDir>/dist/index.js' },
  testTimeout: 60000,
};
