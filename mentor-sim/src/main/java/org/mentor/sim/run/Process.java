package org.mentor.sim.run;

/**
 * The random processes of a pair, each with its own stream (so a change in one process, such as
 * more visits under another protocol, never shifts another process's draws: common random numbers
 * survive differences between arms). The ids are part of the reproducibility contract: never
 * renumber them.
 */
enum Process {
  BOOKING(1),
  DELIVERY(2),
  FEEDING(3),
  ADHERENCE(4),
  RETENTION(5),
  ATTENDANCE(6),
  MATERNAL_DEATH(7),
  INFANT_DEATH(8),
  TRANSMISSION(9),
  INCIDENCE(10),
  VIRAL_LOAD(11),
  ART_START(12);

  final int id;

  Process(int id) {
    this.id = id;
  }
}
