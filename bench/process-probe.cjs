/**
 * Preloaded into a measured child (`node --require bench/process-probe.cjs ...`): when the process exits, writes
 * its peak RSS and CPU time as JSON to the file named by OTE_BENCH_PROBE, so a bench measures a whole command
 * (the CLI as users run it) without /usr/bin/time, which not every machine has.
 */
'use strict';
const { writeFileSync } = require('node:fs');

const target = process.env.OTE_BENCH_PROBE;
// Not inherited by what the measured process starts itself.
delete process.env.OTE_BENCH_PROBE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    // maxRSS is in KiB on every platform Node supports; CPU times in microseconds.
    writeFileSync(target, JSON.stringify({ maxRssMiB: usage.maxRSS / 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
  });
}
