import { expect, test } from 'vitest';
import { MAX_NAME_LENGTH, parseLearnerName } from '../../src/domain/learner-name';

test('a name is trimmed, its spaces and control characters made single spaces, and cut to the limit', () => {
  expect(parseLearnerName('  Анна\tПетрова \n')).toBe('Анна Петрова');
  expect(parseLearnerName('Иван\u0000Иванов')).toBe('Иван Иванов');
  expect(parseLearnerName('я'.repeat(MAX_NAME_LENGTH + 10))).toHaveLength(MAX_NAME_LENGTH);
  expect(parseLearnerName(42)).toBe('');
  expect(parseLearnerName(undefined)).toBe('');
});
