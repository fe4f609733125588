/**
 * The campaigns service. `CRM_SEED_DEMO=true` (set by `npm start -- --seed`) adds live segments
 * to tenant `acme` once the service is up, then, once the audience knows the demo contacts,
 * campaigns with weeks of history and results and one live campaign for the sender.
 */
import { bootstrapService } from '@crm/platform';
import { AppModule } from './app.module';
import { CAMPAIGNS_CONFIG, type CampaignsConfig } from './campaigns.config';
import { seedDemoCampaigns } from './demo/demo-campaigns';
import { seedDemoSegments } from './demo/demo-segments';

async function main(): Promise<void> {
  const app = await bootstrapService({ name: 'campaigns', module: AppModule, defaultPort: 3003 });
  if (!app.get<CampaignsConfig>(CAMPAIGNS_CONFIG).seedDemo) return;
  const result = await seedDemoSegments(app);
  process.stdout.write(
    result.created === 0
      ? `campaigns: the demo segments of tenant "acme" are there already; nothing added\n`
      : `campaigns: added ${result.created} live demo segments to tenant "acme"\n`,
  );
  const campaigns = await seedDemoCampaigns(app);
  process.stdout.write(
    campaigns.status === 'skipped'
      ? `campaigns: demo campaigns not added: ${campaigns.reason}\n`
      : `campaigns: added ${campaigns.campaigns} demo campaigns with ${campaigns.messages} messages of history to tenant "acme" (GET /campaigns, /outbox)\n`,
  );
}

void main();
