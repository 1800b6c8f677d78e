// Static checks, run by `npm test`: TypeScript's recommended rules, the rules of hooks,
// no HTML injection, query keys written only in the key factories, and features that stay
// apart (a feature may use another's API hooks, never its components or routes; shared code
// never imports a feature).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'e2e/artifacts', 'src/lib/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'User text is rendered as text: use <PlainText>.',
        },
        {
          selector: "Property[key.name='queryKey'][value.type='ArrayExpression']",
          message: "Query keys come from the feature's api/keys.ts factory (docs/architecture.md, Code map).",
        },
        {
          selector:
            "CallExpression[callee.property.name=/^(get|set)Query(Data|State)$/][arguments.0.type='ArrayExpression']",
          message: "Query keys come from the feature's api/keys.ts factory (docs/architecture.md, Code map).",
        },
      ],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@/features/[^/]+/(components|routes)/',
              message: 'Features share only their api/; move shared UI to src/components/ui.',
            },
            { regex: '^@/app/', message: 'Features do not depend on the app shell.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^@/(features|app)/', message: 'Shared code does not depend on features or the app.' }] },
      ],
    },
  },
  {
    files: ['e2e/**/*.mjs', 'scripts/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
);
