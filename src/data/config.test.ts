import { describe, expect, it } from 'vitest';
import { parseDeployConfig, DEFAULT_CONFIG } from './config';

describe('parseDeployConfig', () => {
  it('reads the approval number and ignores anything malformed', () => {
    expect(parseDeployConfig({ approvalNumber: ' GS(2024)0650号 ' })).toEqual({ approvalNumber: 'GS(2024)0650号' });
    expect(parseDeployConfig({ approvalNumber: 42 })).toEqual({ approvalNumber: '' });
    expect(parseDeployConfig(null)).toBe(DEFAULT_CONFIG);
  });
});
