import { type App, startApp } from './app';
import { type Receiver, startReceiver } from './receiver';

/** Accessors handed out by {@link useReceiverAndApp}. */
export interface ExportFixture {
  /** The receiver process of this test file (started in `beforeAll`). */
  readonly receiver: Receiver;
  /** Starts a traced-app child process; it is shut down and stopped after the test. */
  startApp(nodeArgs?: string[]): Promise<App>;
}

/**
 * Registers the jest hooks every export test needs: one OTLP receiver process per file; after each test the
 * app is shut down and stopped first, then the receiver is set back to `ok`, drained and emptied.
 */
export function useReceiverAndApp(): ExportFixture {
  let receiver: Receiver | undefined;
  let app: App | undefined;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.stop();
  });
  afterEach(async () => {
    await receiver?.setMode('ok');
    await app?.call('shutdown');
    await app?.stop();
    app = undefined;
    await receiver?.settle();
    await receiver?.clear();
  });
  return {
    get receiver() {
      if (!receiver) throw new Error('the receiver starts in beforeAll; use it inside a test');
      return receiver;
    },
    startApp: async (nodeArgs) => {
      app = await startApp(nodeArgs);
      return app;
    },
  };
}
