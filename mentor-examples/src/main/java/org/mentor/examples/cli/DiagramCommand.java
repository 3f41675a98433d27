package org.mentor.examples.cli;

import java.util.concurrent.Callable;
import org.mentor.core.pathway.PathwayTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mentor diagram}: the pathway's state machine as a Mermaid diagram, generated from its table. */
@Command(name = "diagram", mixinStandardHelpOptions = true,
    description = "Prints the pathway's state machine as a Mermaid stateDiagram, generated from the transition table the "
        + "engine runs (the diagram in docs/pathway.md). Paste it into any Mermaid viewer.")
final class DiagramCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(PathwayTable.mermaid());
    spec.commandLine().getOut().flush();
    return MentorCli.OK;
  }
}
