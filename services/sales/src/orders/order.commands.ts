import type { OrderLine, OrderSource } from './order.events';

export type PlaceOrder = {
  type: 'PlaceOrder';
  data: {
    orderId: string;
    source: OrderSource;
    contactId?: string;
    companyId?: string;
    quoteId?: string;
    opportunityId?: string;
    currency: string;
    taxRateBps: number;
    discountBps?: number;
    lines: OrderLine[];
    at: string;
  };
};
export type FulfillOrder = { type: 'FulfillOrder'; data: { at: string } };
export type CancelOrder = { type: 'CancelOrder'; data: { reason: string; at: string } };
export type ReturnOrder = { type: 'ReturnOrder'; data: { reason: string; at: string } };
export type RepointOrderCustomer = {
  type: 'RepointOrderCustomer';
  data: { fromContactId: string; toContactId: string };
};

export type OrderCommand =
  PlaceOrder | FulfillOrder | CancelOrder | ReturnOrder | RepointOrderCustomer;
