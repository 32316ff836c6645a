/**
 * The union post templates: filled with the facts their fields ask for (the hints' own examples), each text reads
 * as concrete and in its language to the analysis; a field left empty stays visible in brackets.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/analysis/classify.js';
import { fillTemplate, POST_TEMPLATES } from '../../src/shared/post-templates.js';

describe.each(POST_TEMPLATES.map((template) => [template.id, template] as const))(
  'template %s',
  (_, template) => {
    it.each(['ru', 'kk'] as const)('filled in %s reads as concrete, in its language', (field) => {
      const values = Object.fromEntries(
        template.fields.map((spec) => [
          spec.key,
          spec.kind === 'date' ? '2026-12-03' : spec.kind === 'number' ? '25' : spec.hint[field],
        ]),
      );
      const text = fillTemplate(template, field, values);
      expect(text).not.toMatch(/[{}[\]]/);
      if (template.fields.some((spec) => spec.kind === 'date')) expect(text).toContain('03.12.2026');
      const result = classify(text);
      expect(result.language).toBe(field);
      expect(result.declarative, `${text}\n${JSON.stringify(result.reasons)}`).toBe(false);
    });

    it('keeps an empty field as its name in brackets', () => {
      const text = fillTemplate(template, 'kk', {});
      for (const spec of template.fields) expect(text).toContain(`[${spec.label.kk}]`);
    });
  },
);
