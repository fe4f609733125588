// Started as a child process by bootstrap.e2e.spec.ts, exactly like a service's main.ts.
import { bootstrapService } from '../bootstrap';
import { TestingAppModule } from './testing-app.module';

void bootstrapService({
  name: 'platform-testing-app',
  module: TestingAppModule,
  defaultPort: 3999,
});
