// The tray's images per state. macOS uses template images (black with alpha, named *Template.png)
// that the menu bar tints for light and dark mode; other platforms get coloured icons, with a
// @2x variant picked up by nativeImage for high-DPI screens.
import { nativeImage, type NativeImage } from 'electron';
import { join } from 'node:path';
import type { TrayIcon } from '../../ports';

export function trayImage(resources: string, icon: TrayIcon, platform: NodeJS.Platform): NativeImage {
  const file = platform === 'darwin' ? `tray-${icon}Template.png` : `tray-${icon}.png`;
  const image = nativeImage.createFromPath(join(resources, 'tray', file));
  if (platform === 'darwin') image.setTemplateImage(true);
  return image;
}

export function appIcon(resources: string): NativeImage {
  return nativeImage.createFromPath(join(resources, 'icon.png'));
}
