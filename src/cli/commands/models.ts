/** `onetoken-eval models`: model ids from GET {base}/models. */
import { ExitCode } from '../../errors.js';
import { openEndpoint } from '../endpoint.js';

/** Lists models, one per line (or JSON). */
export async function modelsCommand(_args: string[], options: Record<string, unknown>): Promise<number> {
  const endpoint = await openEndpoint({ mock: Boolean(options.mock), connections: 1 });
  try {
    const models = await endpoint.client.listModels();
    process.stdout.write(options.json ? `${JSON.stringify(models, null, 2)}\n` : `${models.join('\n')}\n`);
    return ExitCode.ok;
  } finally {
    await endpoint.close();
  }
}
