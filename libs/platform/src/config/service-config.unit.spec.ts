import { Inject, Injectable, Module } from '@nestjs/common';
import { createServiceApp } from '../bootstrap';
import { PlatformModule } from '../platform.module';
import { ConfigError, loadConfig, type Env } from './config';
import { serviceConfigModule } from './service-config';

const GREETER_CONFIG = Symbol('GREETER_CONFIG');
const loadGreeterConfig = (env: Env) =>
  loadConfig({ GREETER_PAUSE_MS: { type: 'int', min: 1, default: 10 } }, env);

@Injectable()
class Greeter {
  constructor(@Inject(GREETER_CONFIG) readonly config: ReturnType<typeof loadGreeterConfig>) {}
}

@Module({
  imports: [
    PlatformModule.forRoot({ serviceName: 'greeter' }),
    serviceConfigModule(GREETER_CONFIG, loadGreeterConfig),
  ],
  providers: [Greeter],
})
class GreeterModule {}

// The app is created, never initialised: nothing connects, the URL only has to be well-formed.
const env = {
  DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
  JWT_SECRET: 'a-development-secret-that-is-long-enough',
  LOG_LEVEL: 'silent',
};

describe('serviceConfigModule', () => {
  it("reads the service's variables from the environment the app was created with", async () => {
    const app = await createServiceApp(GreeterModule, { env: { ...env, GREETER_PAUSE_MS: '250' } });
    try {
      expect(app.get(Greeter).config).toEqual({ GREETER_PAUSE_MS: 250 });
    } finally {
      await app.close();
    }
  });

  it('stops the app from being created when a value is wrong, naming the variable', async () => {
    const created = createServiceApp(GreeterModule, { env: { ...env, GREETER_PAUSE_MS: 'abc' } });
    await expect(created).rejects.toThrow(ConfigError);
    await expect(created).rejects.toThrow(/GREETER_PAUSE_MS must be an integer/);
  });
});
