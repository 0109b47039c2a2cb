import type { Command } from 'commander';
export function registerBackupCommands(_program: Command): void {}
