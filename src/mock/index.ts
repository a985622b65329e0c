/** Public surface of the built-in mock Onetoken server; other folders import only from here. */
export { startMockServer } from './server.js';
export { loadMockFixtures } from './fixture-file.js';
export { DEFAULT_MOCK_MODELS } from './models.js';
export { DEFAULT_MOCK_FIXTURES } from './default-fixtures.js';
export { parseMockServerArgs } from './main-args.js';
export type { MockServerArgs } from './main-args.js';
export type {
  MockErrorObject,
  MockFaults,
  MockFixture,
  MockRequestLog,
  MockServer,
  MockServerOptions,
  MockStats,
  MockStep,
} from './types.js';
