/**
 * The sales service. `CRM_SEED_DEMO=true` (set by `npm start -- --seed`) loads two years of demo
 * history into tenant `acme` once sales knows the demo contacts (they come from contacts).
 */
import { bootstrapService } from '@crm/platform';
import { AppModule } from './app.module';
import { seedSalesDemoHistory } from './demo/demo-seed';
import { SALES_CONFIG, type SalesConfig } from './sales.config';

async function main(): Promise<void> {
  const app = await bootstrapService({ name: 'sales', module: AppModule, defaultPort: 3002 });
  if (!app.get<SalesConfig>(SALES_CONFIG).seedDemo) return;
  const result = await seedSalesDemoHistory(app);
  process.stdout.write(
    result.status === 'skipped'
      ? `sales: demo history not loaded: ${result.reason}\n`
      : `sales: loaded ${result.orders} orders, ${result.leads} leads and ${result.deals} deals over two years into tenant "acme"\n`,
  );
}

void main();
