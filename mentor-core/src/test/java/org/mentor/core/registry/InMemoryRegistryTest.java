package org.mentor.core.registry;

/** The registry's contract on the default, in-memory store. */
class InMemoryRegistryTest extends RegistryContract {
  @Override
  protected CaseStore newStore() {
    return new InMemoryCaseStore();
  }
}
