import { IS_PUBLIC_KEY } from '@crm/platform';
import { Reflector } from '@nestjs/core';
import { AsyncApiController } from './asyncapi.controller';

describe('AsyncApiController', () => {
  it('is public for the platform auth guard, like the OpenAPI document', () => {
    const reflector = new Reflector();
    const isPublic = reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [
      AsyncApiController.prototype.asyncApi,
      AsyncApiController,
    ]);
    expect(isPublic).toBe(true);
  });

  it('serves the generated AsyncAPI 3 document', () => {
    const document = new AsyncApiController().asyncApi();
    expect(document.asyncapi).toMatch(/^3\./);
  });
});
