/**
 * The contacts service. `CRM_SEED_DEMO=true` (set by `npm start -- --seed`) loads the demo data
 * set into tenant `acme` once the service is up.
 */
import { bootstrapService } from '@crm/platform';
import { AppModule } from './app.module';
import { CONTACTS_CONFIG, type ContactsConfig } from './contacts.config';
import { seedDemoData } from './demo/demo-seed';

async function main(): Promise<void> {
  const app = await bootstrapService({ name: 'contacts', module: AppModule, defaultPort: 3001 });
  if (app.get<ContactsConfig>(CONTACTS_CONFIG).seedDemo) {
    const result = await seedDemoData(app);
    process.stdout.write(
      result.skipped
        ? `contacts: demo tenant "acme" already has ${result.contacts} contacts; not seeding again\n`
        : `contacts: loaded ${result.contacts} demo contacts into tenant "acme" (token: npm run token -- --tenant acme --roles admin)\n`,
    );
  }
}

void main();
