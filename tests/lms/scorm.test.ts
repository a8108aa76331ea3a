import { describe, expect, test } from 'vitest';
import {
  createLmsSession,
  findApi,
  LmsError,
  scorm12Duration,
  scorm2004Duration,
  type ApiWindow,
  type Scorm12Api,
  type Scorm2004Api,
} from '../../src/lms/scorm';

/** A SCORM 2004 API that records every call and keeps values; `refuse` makes the named calls fail. */
function fake2004(refuse: ReadonlySet<string> = new Set()) {
  const values = new Map<string, string>([['cmi.interactions._count', '0']]);
  const calls: string[] = [];
  let error = '0';
  const answer = (name: string) => {
    calls.push(name);
    error = refuse.has(name) ? '101' : '0';
    return refuse.has(name) ? 'false' : 'true';
  };
  const api: Scorm2004Api = {
    Initialize: () => answer('Initialize'),
    Terminate: () => answer('Terminate'),
    Commit: () => answer('Commit'),
    GetValue: (element) => {
      calls.push(`GetValue ${element}`);
      error = values.has(element) ? '0' : '403';
      return values.get(element) ?? '';
    },
    SetValue: (element, value) => {
      const result = answer(`SetValue ${element}`);
      if (result === 'true') {
        values.set(element, value);
        const interaction = /^cmi\.interactions\.(\d+)\.id$/.exec(element);
        if (interaction) values.set('cmi.interactions._count', String(Number(interaction[1]) + 1));
      }
      return result;
    },
    GetLastError: () => error,
    GetErrorString: (code) => `error ${code}`,
  };
  return { api, values, calls };
}

function fake12() {
  const values = new Map<string, string>([['cmi.interactions._count', '0']]);
  const api: Scorm12Api = {
    LMSInitialize: () => 'true',
    LMSFinish: () => 'true',
    LMSCommit: () => 'true',
    LMSGetValue: (element) => values.get(element) ?? '',
    LMSSetValue: (element, value) => {
      values.set(element, value);
      const interaction = /^cmi\.interactions\.(\d+)\.id$/.exec(element);
      if (interaction) values.set('cmi.interactions._count', String(Number(interaction[1]) + 1));
      return 'true';
    },
    LMSGetLastError: () => '0',
    LMSGetErrorString: () => '',
  };
  return { api, values };
}

describe('finding the API', () => {
  test('climbs parents, prefers 2004 on the same window, then tries the opener of the top window', () => {
    const { api: api2004 } = fake2004();
    const { api: api12 } = fake12();
    const top: ApiWindow = { API: api12, API_1484_11: api2004 };
    top.parent = top;
    const middle: ApiWindow = { parent: top };
    const frame: ApiWindow = { parent: middle };
    expect(findApi(frame)).toEqual({ version: '2004', api: api2004 });

    const lmsWindow: ApiWindow = { API: api12 };
    lmsWindow.parent = lmsWindow;
    const popup: ApiWindow = { opener: lmsWindow };
    popup.parent = popup;
    expect(findApi({ parent: popup })).toEqual({ version: '1.2', api: api12 });
  });

  test('finds nothing when no window has one, and survives windows it may not read', () => {
    const foreign: ApiWindow = new Proxy<ApiWindow>(
      {},
      {
        get() {
          throw new DOMException('Blocked a frame', 'SecurityError');
        },
      },
    );
    const alone: ApiWindow = { parent: foreign };
    expect(findApi(alone)).toBeNull();
    const top: ApiWindow = {};
    top.parent = top;
    expect(findApi(top)).toBeNull();
  });
});

describe('the session', () => {
  test('SCORM 2004: completion and success apart, score scaled, interactions in order, suspend on leaving', () => {
    const { api, values, calls } = fake2004();
    const session = createLmsSession({ version: '2004', api });
    session.initialize();
    session.setStanding({ completed: false, bestScore: null, passingScore: 0.8 });
    expect(values.get('cmi.completion_status')).toBe('incomplete');
    expect(values.has('cmi.success_status')).toBe(false);
    session.setStanding({ completed: true, bestScore: 0.7, passingScore: 0.8 });
    expect(values.get('cmi.completion_status')).toBe('completed');
    expect(values.get('cmi.success_status')).toBe('failed');
    expect(values.get('cmi.score.scaled')).toBe('0.7');
    session.setStanding({ completed: true, bestScore: 0.9, passingScore: 0.8 });
    expect(values.get('cmi.success_status')).toBe('passed');
    expect(values.get('cmi.score.raw')).toBe('90');
    session.addInteraction({ id: 'q-one', kind: 'choice', correct: true, atMs: Date.UTC(2026, 2, 2, 7, 0, 0, 500) });
    session.addInteraction({ id: 'q-two', kind: 'recall', correct: false, atMs: Date.UTC(2026, 2, 2, 7, 1) });
    expect(values.get('cmi.interactions.0.id')).toBe('q-one');
    expect(values.get('cmi.interactions.0.timestamp')).toBe('2026-03-02T07:00:00.5Z');
    expect(values.get('cmi.interactions.1.type')).toBe('other');
    expect(values.get('cmi.interactions.1.result')).toBe('incorrect');
    session.terminate(3_723_450);
    expect(values.get('cmi.session_time')).toBe('PT1H2M3.45S');
    expect(values.get('cmi.exit')).toBe('suspend');
    expect(calls.filter((c) => c === 'Initialize' || c === 'Terminate')).toEqual(['Initialize', 'Terminate']);
  });

  test('SCORM 1.2: one status where passed or failed outrank completed', () => {
    const { api, values } = fake12();
    const session = createLmsSession({ version: '1.2', api });
    session.initialize();
    session.setStanding({ completed: true, bestScore: null, passingScore: 0.8 });
    expect(values.get('cmi.core.lesson_status')).toBe('completed');
    session.setStanding({ completed: true, bestScore: 0.6, passingScore: 0.8 });
    expect(values.get('cmi.core.lesson_status')).toBe('failed');
    expect(values.get('cmi.core.score.raw')).toBe('60');
    session.setStanding({ completed: false, bestScore: 0.8, passingScore: 0.8 });
    expect(values.get('cmi.core.lesson_status')).toBe('passed');
    session.addInteraction({ id: 'q-two', kind: 'recall', correct: false, atMs: Date.now() });
    expect(values.get('cmi.interactions.0.type')).toBe('performance');
    expect(values.get('cmi.interactions.0.result')).toBe('wrong');
    expect(values.get('cmi.interactions.0.time')).toMatch(/^\d\d:\d\d:\d\d$/);
    session.terminate(61_000);
    expect(values.get('cmi.core.session_time')).toBe('0000:01:01.00');
    expect(values.get('cmi.core.exit')).toBe('suspend');
  });

  test('a call the LMS refuses throws an LmsError naming it; an unset element reads as empty', () => {
    const { api } = fake2004(new Set(['Commit', 'SetValue cmi.suspend_data']));
    const session = createLmsSession({ version: '2004', api });
    session.initialize();
    expect(session.get('location')).toBe('');
    expect(() => session.commit()).toThrow(LmsError);
    expect(() => session.setSuspendData('x')).toThrow(/SetValue\(cmi\.suspend_data\): 101/);
  });

  test('durations in both formats', () => {
    expect(scorm12Duration(0)).toBe('0000:00:00.00');
    expect(scorm12Duration(36_000_000 * 10)).toBe('0100:00:00.00');
    expect(scorm2004Duration(0)).toBe('PT0S');
    expect(scorm2004Duration(90_000)).toBe('PT1M30S');
  });
});

describe('the launch page', () => {
  test('knows a lesson in its frame by its file, whichever folder the package is served from', async () => {
    const { lessonLocation } = await import('../../src/lms/launch');
    const root = 'https://lms.example.com/content/42/scorm/';
    expect(lessonLocation(`${root}lessons/no-referee/index.html#what-to-do`, root)).toBe(
      'lessons/no-referee/index.html',
    );
    expect(lessonLocation(`${root}lessons/no-referee/`, root)).toBe('lessons/no-referee/index.html');
    expect(lessonLocation(`${root}review/index.html`, root)).toBeNull();
    expect(lessonLocation('https://elsewhere.example.com/lessons/no-referee/index.html', root)).toBeNull();
  });
});
