package org.mentor.sim.run;

/** The mother's true viral load, in the bands of transmission.md S4/S5. */
enum VlBand {
  BELOW_50,
  FROM_50_TO_1000,
  ABOVE_1000
}
