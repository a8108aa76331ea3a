import { useEffect, useState } from 'preact/hooks';
import { pageRuntime } from './page';
import { INITIAL_STATE, type RuntimeState } from './runtime';

/**
 * The page runtime's state; starts loading on mount (with the whole log when `withLog`: islands
 * that show or export reviews). Renders `INITIAL_STATE` first, as on the server, so hydration
 * matches; then the live state. Use-cases: `pageRuntime().rate(…)` and so on.
 */
export function useRuntimeState(withLog = false): RuntimeState {
  const [state, setState] = useState<RuntimeState>(INITIAL_STATE);
  useEffect(() => {
    const runtime = pageRuntime();
    const unsubscribe = runtime.subscribe(setState);
    setState(runtime.getState());
    void (withLog ? runtime.loadLog() : runtime.load());
    return unsubscribe;
  }, []);
  return state;
}
