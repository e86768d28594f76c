#!/usr/bin/env node
import { useShippedCatalogSnapshot } from '../host/catalogSnapshotFile';
import { useShippedSentenceModel } from '../host/sentenceModelFile';
import { preferWarmUpToPeakSpeed } from '../host/shortRunJit';
import { runCli } from './main';

preferWarmUpToPeakSpeed();
useShippedSentenceModel();
useShippedCatalogSnapshot();

// `retro-health report … | head`: the reader has what it wanted. Stop quietly, as Unix tools do, with
// the exit code already decided (0 if not yet), instead of dying on an unhandled EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(Number(process.exitCode ?? 0));
});

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
}).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    // Exit 2, never 1: a crash must not look like "a retro reached --fail-on".
    process.stderr.write(`retro-health: internal error: ${(error as Error).message}\n`);
    process.exitCode = 2;
  },
);
