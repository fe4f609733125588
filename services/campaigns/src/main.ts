/**
 * The campaigns service. `CRM_SEED_DEMO=true` (set by `npm start -- --seed`) adds a few live
 * segments to tenant `acme` once the service is up.
 */
import { bootstrapService } from '@crm/platform';
import { AppModule } from './app.module';
import { CAMPAIGNS_CONFIG, type CampaignsConfig } from './campaigns.config';
import { seedDemoSegments } from './demo/demo-segments';

async function main(): Promise<void> {
  const app = await bootstrapService({ name: 'campaigns', module: AppModule, defaultPort: 3003 });
  if (app.get<CampaignsConfig>(CAMPAIGNS_CONFIG).seedDemo) {
    const result = await seedDemoSegments(app);
    process.stdout.write(
      result.created === 0
        ? `campaigns: the demo segments of tenant "acme" are there already; nothing added\n`
        : `campaigns: added ${result.created} live demo segments to tenant "acme"\n`,
    );
  }
}

void main();
