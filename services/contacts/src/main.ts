import { bootstrapService } from '@crm/platform';
import { AppModule } from './app.module';

void bootstrapService({ name: 'contacts', module: AppModule, defaultPort: 3001 });
