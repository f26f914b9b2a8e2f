import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { listDocuments } from '$lib/server/documents';

export const load: PageServerLoad = () => ({ documents: listDocuments(getDb()) });
