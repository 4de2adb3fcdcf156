/** KPN's documented paths (docs/kpn-api.md); a custom environment may override either. */
export const DEFAULT_TOKEN_PATH = '/oauth/client_credential/accesstoken';
export const DEFAULT_IMAGE_PATH = '/kpn/qrcodegenerator/image';
