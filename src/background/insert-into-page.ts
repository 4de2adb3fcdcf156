// "Insert into page": the QR floating on top of the target tab, through the placement service.
import type { PlacementService } from './placement-service';

export function createInsertIntoPage(service: Pick<PlacementService, 'place'>) {
  return async (tabId: number | undefined, svg: string): Promise<{ tabId: number }> => {
    const order = { svg, mode: 'floating' as const, pick: false, remember: false };
    const result = await service.place(tabId === undefined ? order : { ...order, tabId });
    return { tabId: result.tabId };
  };
}
