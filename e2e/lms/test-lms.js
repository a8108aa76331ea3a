/*
 * A test LMS page, as an LMS's course player is: it provides the SCORM API (scorm-again), loads
 * the learner's stored record, and shows the package's launch file in a frame. The test reads the
 * record back (`lmsRecord()`) and hands it to the next launch, in this browser or a fresh one, as
 * an LMS's server would.
 *
 * Query: v=12|2004, learner=<id>, name=<"Last, First">, package=<path of launch.html>,
 * fail=<API call that returns false, e.g. Commit>, noapi=1 (no API at all).
 * The stored record comes from `window.lmsStoredRecord` (set by the test before the page loads).
 */
(function () {
  const params = new URLSearchParams(location.search);
  const version = params.get('v') === '12' ? '1.2' : '2004';
  const learner = params.get('learner') || 'learner-1';
  const name = params.get('name') || 'Иванова, Анна';
  const fail = params.get('fail');
  const stored = window.lmsStoredRecord ? window.lmsStoredRecord.cmi : null;
  window.lmsCalls = [];

  if (params.get('noapi') !== '1') {
    const api = version === '1.2' ? new window.Scorm12API({ logLevel: 5 }) : new window.Scorm2004API({ logLevel: 5 });
    let start;
    if (version === '1.2') {
      start = stored
        ? Object.assign({}, stored, {
            core: Object.assign({}, stored.core, {
              entry: stored.core.exit === 'suspend' ? 'resume' : '',
              exit: '',
              session_time: '00:00:00',
            }),
          })
        : { core: { student_id: learner, student_name: name } };
    } else {
      start = stored
        ? Object.assign({}, stored, {
            entry: stored.exit === 'suspend' ? 'resume' : '',
            exit: '',
            session_time: 'PT0S',
          })
        : { learner_id: learner, learner_name: name, scaled_passing_score: params.get('passing') || '' };
    }
    api.loadFromJSON(start, '');
    // Counts the calls the course makes; a call named in `fail` returns false with error 101.
    for (const method of Object.getOwnPropertyNames(Object.getPrototypeOf(api)).concat(Object.keys(api))) {
      if (!/^(LMS)?(Initialize|Finish|Terminate|GetValue|SetValue|Commit)$/.test(method)) continue;
      const real = api[method].bind(api);
      api[method] = function (...args) {
        window.lmsCalls.push(method + (args[0] ? ' ' + args[0] : ''));
        if (fail && method.replace(/^LMS/, '') === fail) {
          api.lmsFailed = true;
          return 'false';
        }
        api.lmsFailed = false;
        return real(...args);
      };
    }
    const realError = (version === '1.2' ? api.LMSGetLastError : api.GetLastError).bind(api);
    const lastError = () => (api.lmsFailed ? '101' : realError());
    if (version === '1.2') {
      api.LMSGetLastError = lastError;
      window.API = api;
    } else {
      api.GetLastError = lastError;
      window.API_1484_11 = api;
    }
    window.lmsRecord = () => api.renderCMIToJSONObject();
  }

  const frame = document.createElement('iframe');
  frame.title = 'Course';
  frame.src = params.get('package');
  document.getElementById('player').append(frame);
  document.getElementById('close').addEventListener('click', () => frame.remove());
})();
