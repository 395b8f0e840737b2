// A small, deliberate rule set (README "Development"): each rule catches a kind of bug or keeps
// a layer rule. Layout is Prettier's (.prettierrc.json, `npm run format`), checked by `npm run lint`.
import tseslint from 'typescript-eslint';

/** node:fs calls that change the disk; outside src/write they go through src/write (README "Architecture"). */
const FS_WRITES = [
  'appendFile',
  'appendFileSync',
  'chmod',
  'chmodSync',
  'copyFile',
  'copyFileSync',
  'cp',
  'cpSync',
  'createWriteStream',
  'link',
  'linkSync',
  'mkdir',
  'mkdirSync',
  'mkdtemp',
  'mkdtempSync',
  'rename',
  'renameSync',
  'rm',
  'rmSync',
  'rmdir',
  'rmdirSync',
  'symlink',
  'symlinkSync',
  'truncate',
  'truncateSync',
  'unlink',
  'unlinkSync',
  'utimes',
  'utimesSync',
  'writeFile',
  'writeFileSync',
  'writev',
  'write',
  'writeSync',
];
const fsModules = ['node:fs', 'node:fs/promises', 'fs', 'fs/promises'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'output/**', 'coverage/**', 'tests/fixtures/**', 'tests/golden/**/*.html'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: { allowDefaultProject: ['vitest.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Dead code and forgotten parameters; `_name` says "unused on purpose".
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // A type-only import is erased: it never loads a module at run time (start-up, layers).
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // A promise nobody awaits loses its rejection (a write that failed silently).
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        module: 'writable',
        require: 'readonly',
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-unused-vars': [
        'error',
        { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      'no-undef': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/write/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: fsModules.map((name) => ({
            name,
            importNames: FS_WRITES,
            message: 'Write, rename and remove files through src/write (atomic, ensureDir).',
          })),
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...fsModules.map((m) => ({
          selector: `ImportDeclaration[source.value='${m}'] > :matches(ImportDefaultSpecifier, ImportNamespaceSpecifier)`,
          message: `Import named read functions from ${m}; writes go through src/write.`,
        })),
      ],
    },
  },
);
