/** Starts our mock server on port 0 and a client pointed at it, with a virtual clock and recorded output. */
import { createClient, type ClientEvent, type ClientOptions, type OnetokenClient } from '../../../src/client/index.js';
import { startMockServer, type MockServer, type MockServerOptions } from '../../../src/mock/index.js';
import { VirtualClock } from './virtual-clock.js';

/** A key shaped like a real one, so a leak would be recognisable. */
export const TEST_KEY = 'sk-onetoken-test-0123456789abcdef';

/** A running mock, a client and what the client reported. */
export interface MockClient {
  mock: MockServer;
  client: OnetokenClient;
  clock: VirtualClock;
  events: ClientEvent[];
  verboseLines: string[];
  close(): Promise<void>;
}

/** Starts both; `close` stops both. The client uses the virtual clock unless `clientOptions` says otherwise. */
export async function startMockClient(
  mockOptions: MockServerOptions = {},
  clientOptions: Partial<ClientOptions> = {},
): Promise<MockClient> {
  const mock = await startMockServer({ apiKeys: [TEST_KEY], ...mockOptions });
  const clock = new VirtualClock();
  const events: ClientEvent[] = [];
  const verboseLines: string[] = [];
  const client = createClient({
    baseUrl: mock.url,
    apiKey: TEST_KEY,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    onEvent: (event) => events.push(event),
    verbose: (line) => verboseLines.push(line),
    ...clientOptions,
  });
  return {
    mock,
    client,
    clock,
    events,
    verboseLines,
    async close() {
      await mock.close();
      await client.close();
    },
  };
}

/** A one-message request to `model`. */
export function ask(model = 'gpt-4o-mini', params: Record<string, unknown> = {}) {
  return { model, messages: [{ role: 'user' as const, content: 'What is the capital of France?' }], ...params };
}

/** The settled rejection of a promise, or a failure when it resolved. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
