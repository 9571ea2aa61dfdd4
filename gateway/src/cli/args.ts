/** `--name value` and `--name=value` options; repeated options collect into a list. */
export function parseArgs(argv: string[], known: readonly string[]): { options: Record<string, string[]>; positional: string[] } {
  const options: Record<string, string[]> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!known.includes(name)) throw new Error(`unknown option --${name} (known: ${known.map((k) => `--${k}`).join(', ')})`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    (options[name] ??= []).push(value);
  }
  return { options, positional };
}

/** `--sdl name=path` pairs. */
export function sdlFiles(values: string[] = []): Record<string, string> {
  return Object.fromEntries(
    values.map((value) => {
      const [name, path] = value.split(/=(.*)/s, 2);
      if (!name || !path) throw new Error(`--sdl expects name=path, got "${value}"`);
      return [name, path];
    }),
  );
}
