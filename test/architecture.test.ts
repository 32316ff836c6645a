import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rule of docs/ARCHITECTURE.md is a lint rule; these cases prove it bites, so CI fails when a layer
 * reaches one it may not.
 */
describe('layer rule', () => {
  const eslint = new ESLint();
  const lint = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports');
  };

  it.each([
    ['src/domain/x.ts', "import { createDb } from '../storage/db.js';\nexport const x = createDb;\n"],
    ['src/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    [
      'src/shared/x.ts',
      "import { membersAt } from '../domain/members.measure.js';\nexport const x = membersAt;\n",
    ],
    [
      'src/storage/x.ts',
      "import { openContext } from '../services/context.js';\nexport const x = openContext;\n",
    ],
    [
      'src/cli/commands/x.ts',
      "import { createDb } from '../../storage/db.js';\nexport const x = createDb;\n",
    ],
    ['src/http/x.ts', "import { scopeOf } from '../policies/actor.js';\nexport const x = scopeOf;\n"],
    [
      'src/storage/migrations/x.ts',
      "import { DIALECTS } from '../dialect.js';\nexport const x = DIALECTS;\n",
    ],
  ])('forbids %s to import %j', async (file, code) => {
    expect(await lint(file, code)).toHaveLength(1);
  });

  it.each([
    [
      'src/domain/x.ts',
      "import { PLATFORMS } from '../shared/vocabulary.js';\nexport const x = PLATFORMS;\n",
    ],
    ['src/services/x.ts', "import { createDb } from '../storage/db.js';\nexport const x = createDb;\n"],
    [
      'src/cli/x.ts',
      "import { openContext } from '../services/context.js';\nexport const x = openContext;\n",
    ],
    ['src/cli/x.ts', "import { buildApp } from '../http/app.js';\nexport const x = buildApp;\n"],
  ])('allows %s to import %j', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
