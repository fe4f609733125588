/** The after-sales service (port 3005): assets, warranty, cases with SLAs; see README.md. */
import { bootstrapService } from '@crm/platform';
import { AppModule } from './app.module';

void bootstrapService({ name: 'aftersales', module: AppModule, defaultPort: 3005 });
