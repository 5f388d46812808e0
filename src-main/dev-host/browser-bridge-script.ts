// Turns browser-bridge.ts into the classic script the page loads: TypeScript strips the types and
// the channel table (runtime values of src-shared/ipc) is passed in as JSON, so nothing is bundled.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';
import { IpcInvoke, IpcPush } from '../../src-shared/ipc';
import type { BridgeChannels } from './browser-bridge';

export async function browserBridgeScript(): Promise<string> {
  const source = await readFile(new URL('./browser-bridge.ts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, removeComments: true },
  });
  const channels: BridgeChannels = { invoke: IpcInvoke, push: IpcPush };
  return `(function (exports) {\n'use strict';\n${outputText}\nexports.installInklingBridge(${JSON.stringify(channels)});\n})({});\n`;
}
