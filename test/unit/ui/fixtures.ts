// Canned answers shaped like the background's, shared by popup and options tests.
import { PRODUCTION_ENVIRONMENT, SANDBOX_ENVIRONMENT } from '../../../src/core/environments';
import { DEFAULT_PARAMS, type QrParams } from '../../../src/core/params';
import { renderSandboxSvg } from '../../../src/core/sandbox/render';
import type { EnvironmentView, GenerateResult, SettingsView } from '../../../src/shared/messages';

export const sandboxView: EnvironmentView = {
  ...SANDBOX_ENVIRONMENT,
  builtIn: true,
  clientId: 'sandbox-client',
  secretSet: true,
  secretHint: '',
  needsPermission: false,
  confirmFirstCall: false,
};

export const productionView: EnvironmentView = {
  ...PRODUCTION_ENVIRONMENT,
  builtIn: true,
  clientId: 'prod-client',
  secretSet: true,
  secretHint: 'ab12',
  needsPermission: false,
  confirmFirstCall: true,
};

export const stagingView: EnvironmentView = {
  id: 'custom-staging',
  name: 'Staging',
  kind: 'custom',
  baseUrl: 'https://staging.example.com',
  tokenPath: '/oauth/client_credential/accesstoken',
  imagePath: '/kpn/qrcodegenerator/image',
  builtIn: false,
  clientId: 'staging-client',
  secretSet: false,
  secretHint: '',
  needsPermission: false,
  confirmFirstCall: false,
};

export const environmentList = (): EnvironmentView[] => [sandboxView, productionView, stagingView];

export function settingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    selectedEnvironmentId: 'sandbox',
    defaults: { params: { ...DEFAULT_PARAMS, attributes: [...DEFAULT_PARAMS.attributes] }, historySize: 20, keepHistory: true },
    managedRefused: [],
    managedSecretsIgnored: [],
    ...overrides,
  };
}

export function params(overrides: Partial<QrParams> = {}): QrParams {
  return { ...DEFAULT_PARAMS, attributes: [...DEFAULT_PARAMS.attributes], ...overrides };
}

let next = 0;

/** A result with a real sandbox QR (scannable SVG), as the background returns it. */
export function generateResult(overrides: Partial<GenerateResult> = {}): GenerateResult {
  const p = overrides.params ?? params();
  const svg = renderSandboxSvg(p);
  next += 1;
  return {
    id: `result-${next}`,
    svg,
    bytes: svg.length,
    durationMs: 123,
    environmentId: 'sandbox',
    environmentName: 'Sandbox',
    params: p,
    time: Date.UTC(2025, 0, 2, 3, 4),
    ...overrides,
  };
}
