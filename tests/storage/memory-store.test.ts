import { createMemoryBacking, createMemoryStore } from '../../src/storage/memory-store';
import { runStoreContract } from './contract';

runStoreContract('memory', async () => {
  const backing = createMemoryBacking();
  return {
    store: createMemoryStore(backing),
    openAnother: () => createMemoryStore(backing),
    writeRawReview: async (key, value) => void backing.reviews.set(key, value),
    writeRawCache: async (key, value) => void backing.cards.set(key, value),
  };
});
