/** The machine and the code a run measured: cores, memory, CPU, Node, Chromium, date, commit. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { ROOT } from './server';

export interface Machine {
  cores: number;
  ramGib: number;
  cpuModel: string;
  node: string;
  chromium: string;
  date: string;
  commit: string;
  /** files the commit does not hold were changed when the run started */
  isDirty: boolean;
  /** 1-minute load average when the run started (other work on the machine skews figures) */
  loadAtStart: number;
}

export function describeMachine(chromium: string, loadAtStart: number): Machine {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  return {
    cores: cpus().length,
    ramGib: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown',
    node: process.version,
    chromium,
    date: new Date().toISOString(),
    commit: git('rev-parse', 'HEAD'),
    isDirty: git('status', '--porcelain', '--untracked-files=no').length > 0,
    loadAtStart,
  };
}
