import { bootstrapService } from '@crm/platform';
import { AppModule } from './app.module';

void bootstrapService({ name: 'sales', module: AppModule, defaultPort: 3002 });
