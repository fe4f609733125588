/** The analytics service (port 3004): a consumer of every crm.*.v1 topic, see README.md. */
import { bootstrapService } from '@crm/platform';
import { AppModule } from './app.module';

void bootstrapService({ name: 'analytics', module: AppModule, defaultPort: 3004 });
