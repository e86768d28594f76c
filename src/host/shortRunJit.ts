import { setFlagsFromString } from 'node:v8';

/**
 * The CLI is one short burst of work, and V8's optimising compiler spends it compiling: over a
 * 2,000-retro report its background thread ran ~1.8 s of compile jobs (`--trace-opt`), most of
 * it inlining callees into the hot functions, on a 2-core machine where that thread competes with
 * the main one and the GC's. Without inlining a report takes ~18% less CPU and ~8–10% less wall
 * time (interleaved runs: 2,000 retros, 3,000 retros and the 57 real ones). Peak speed matters less
 * than warm-up here, so the CLI turns inlining off before any hot code runs. The editor never
 * does this: the extension host's V8 belongs to every extension.
 */
export function preferWarmUpToPeakSpeed(): void {
  setFlagsFromString('--no-turbo-inlining');
}
