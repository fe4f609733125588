/** Every personal field the sales log holds, and whose it is (see withCryptoShredding). */
import type { PersonalDataSpec } from '@crm/event-sourcing';
import { activityPersonalData } from '../activities/activity-personal-data';
import { leadPersonalData } from '../leads/lead-personal-data';

export const salesPersonalData: PersonalDataSpec = { ...leadPersonalData, ...activityPersonalData };
