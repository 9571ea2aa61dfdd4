import { readProcessSettings } from '../processSettings';

describe('readProcessSettings', () => {
  it('gives the documented defaults when nothing is set', () => {
    expect(readProcessSettings({})).toEqual({ logLevel: 'info', tracesExporter: 'none', shutdownGraceMs: 25_000, exitWithParent: false });
  });

  it('reads what is set, an empty variable counting as unset', () => {
    expect(readProcessSettings({ LOG_LEVEL: 'debug', OTEL_TRACES_EXPORTER: 'otlp', NLF_SHUTDOWN_GRACE_MS: '500', NLF_EXIT_WITH_PARENT: '1' })).toEqual({
      logLevel: 'debug', tracesExporter: 'otlp', shutdownGraceMs: 500, exitWithParent: true,
    });
    expect(readProcessSettings({ LOG_LEVEL: '', NLF_SHUTDOWN_GRACE_MS: '' })).toMatchObject({ logLevel: 'info', shutdownGraceMs: 25_000 });
    expect(readProcessSettings({ NLF_TRACES_EXPORTER: 'console', OTEL_TRACES_EXPORTER: 'otlp' }).tracesExporter).toBe('console');
  });

  it.each([
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"'],
    [{ NLF_SHUTDOWN_GRACE_MS: 'soon' }, 'NLF_SHUTDOWN_GRACE_MS: must be a whole number of milliseconds, got "soon"'],
    [{ NLF_SHUTDOWN_GRACE_MS: '-5' }, 'NLF_SHUTDOWN_GRACE_MS: must be a whole number of milliseconds, got "-5"'],
    [{ NLF_SHUTDOWN_GRACE_MS: '2.5' }, 'NLF_SHUTDOWN_GRACE_MS: must be a whole number of milliseconds, got "2.5"'],
    [{ NLF_TRACES_EXPORTER: 'jaeger' }, 'expected none, otlp or console, got "jaeger"'],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => readProcessSettings(env)).toThrow(message);
  });
});
