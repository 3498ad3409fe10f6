// A Chromium CPU profile (CDP Profiler.stop's `profile`: the page's main thread only, not its
// workers) as a Markdown table of the functions with the most self time.
import { basename } from 'node:path';

/** The `top` functions by self time, with their share of the profile. */
export function summarizeProfile(profile, top = 15) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const where = url ? ` (${basename(new URL(url, 'http://host').pathname)}${lineNumber >= 0 ? `:${lineNumber + 1}` : ''})` : '';
    const key = `${functionName || '(anonymous)'}${where}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    '| function (self time) | ms | % |',
    '|---|---|---|',
    ...rows.map(([name, us]) => `| ${name} | ${(us / 1000).toFixed(1)} | ${((100 * us) / total).toFixed(1)} |`),
    `\n${(total / 1000).toFixed(0)} ms sampled.`,
  ].join('\n');
}
