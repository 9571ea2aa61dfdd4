// The package ships no types; this is the part the stack uses.
declare module 'async-exit-hook' {
  type Hook = (() => void) | ((done: () => void) => void);
  interface ExitHook {
    (hook: Hook): void;
    forceExitTimeout(ms: number): void;
  }
  const exitHook: ExitHook;
  export = exitHook;
}
