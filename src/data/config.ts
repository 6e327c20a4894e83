// Settings a deployer may change without rebuilding: public/config.json, fetched at runtime from the app's own
// folder (README "Deployment settings"). A missing or broken file means the defaults.
import { useEffect, useState } from 'react';

export interface DeployConfig {
  /** 审图号 printed on exported and presented maps, e.g. "GS(2024)0650号"; '' = no line at all. */
  approvalNumber: string;
}

export const DEFAULT_CONFIG: DeployConfig = Object.freeze({ approvalNumber: '' });

/** Reads what it understands from the file's JSON and ignores the rest (a typo must not break the app). */
export function parseDeployConfig(json: unknown): DeployConfig {
  if (!json || typeof json !== 'object') return DEFAULT_CONFIG;
  const a = (json as { approvalNumber?: unknown }).approvalNumber;
  return { approvalNumber: typeof a === 'string' ? a.trim() : '' };
}

let loading: Promise<DeployConfig> | null = null;

export function loadDeployConfig(): Promise<DeployConfig> {
  loading ??= fetch('config.json', { cache: 'no-cache' })
    .then((r) => (r.ok ? r.json() : null))
    .then(parseDeployConfig)
    .catch(() => DEFAULT_CONFIG);
  return loading;
}

/** The deploy config; the defaults until the file has been read. */
export function useDeployConfig(): DeployConfig {
  const [config, setConfig] = useState<DeployConfig>(DEFAULT_CONFIG);
  useEffect(() => {
    let live = true;
    void loadDeployConfig().then((c) => live && setConfig(c));
    return () => {
      live = false;
    };
  }, []);
  return config;
}
