import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseGlossary } from '../../src/content/glossary-schema';

const lead = { id: 'lead', term: 'Лид', definition: 'Потенциальный клиент, который оставил контакт.' };
const crm = { id: 'crm', term: 'CRM', definition: 'Система, в которой продажи ведут клиентов и сделки.' };

describe('parseGlossary', () => {
  test('accepts the real content/glossary.json, keeping every term in file order', () => {
    const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../../content/glossary.json'), 'utf8')) as {
      id?: unknown;
    }[];
    const { terms, problems } = parseGlossary(raw);
    expect(problems).toEqual([]);
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.map((t) => t.id)).toEqual(raw.map((entry) => entry.id));
  });

  test('rejects an id used twice, naming the entry', () => {
    expect(parseGlossary([lead, crm, { ...lead, term: 'Лид (заявка)' }]).problems).toEqual([
      'term #3, field «id»: "lead" is used twice',
    ]);
  });

  test('rejects a term without a definition, naming the entry and the field', () => {
    const { definition: _, ...noDefinition } = crm;
    expect(parseGlossary([lead, noDefinition]).problems).toMatchInlineSnapshot(`
      [
        "term #2, field «definition»: Invalid input: expected string, received undefined",
      ]
    `);
  });

  test('rejects a file that is not a list of terms', () => {
    expect(parseGlossary({ lead }).problems).toEqual(['the glossary must be a JSON array of terms']);
  });
});
