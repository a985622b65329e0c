/** `onetoken-eval models`: model ids from GET {base}/models. */
import { ExitCode } from '../../errors.js';
import { openEndpoint } from '../../eval/index.js';
import { commandEndpoint } from '../mock-endpoint.js';
import type { OptionValues } from '../options.js';

/** Lists models, one per line (or JSON). */
export async function modelsCommand(_args: string[], options: OptionValues): Promise<number> {
  const command = await commandEndpoint(Boolean(options.mock));
  const endpoint = openEndpoint(command.endpoint, 1);
  try {
    const models = await endpoint.client.listModels();
    process.stdout.write(options.json ? `${JSON.stringify(models, null, 2)}\n` : `${models.join('\n')}\n`);
    return ExitCode.ok;
  } finally {
    await endpoint.close();
    await command.close();
  }
}
