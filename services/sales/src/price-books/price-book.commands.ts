export type CreatePriceBook = {
  type: 'CreatePriceBook';
  data: { priceBookId: string; name: string; isStandard?: boolean };
};
export type SetListPrice = {
  type: 'SetListPrice';
  data: { productId: string; currency: string; amountMinor: number };
};
export type RemoveListPrice = {
  type: 'RemoveListPrice';
  data: { productId: string; currency: string };
};

export type PriceBookCommand = CreatePriceBook | SetListPrice | RemoveListPrice;
