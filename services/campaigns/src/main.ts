import { bootstrapService } from '@crm/platform';
import { AppModule } from './app.module';

void bootstrapService({ name: 'campaigns', module: AppModule, defaultPort: 3003 });
