package org.mercato.gateway.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void splitsOnBlanksLikeAShell() {
        assertThat(CommandLine.split("  python3   my_agent.py --fast "))
                .containsExactly("python3", "my_agent.py", "--fast");
    }

    @Test
    void quotesAndBackslashesKeepBlanksAndAreRemoved() {
        assertThat(CommandLine.split("python3 'my agent.py' \"a \\\"b\\\" $HOME\" c\\ d ''"))
                .containsExactly("python3", "my agent.py", "a \"b\" $HOME", "c d", "");
    }

    @Test
    void nothingIsExpandedSoAShellIsNamedExplicitly() {
        assertThat(CommandLine.split("sh -c 'cd agent && exec python3 main.py > out.txt'"))
                .containsExactly("sh", "-c", "cd agent && exec python3 main.py > out.txt");
    }

    @Test
    void anUnclosedQuoteOrAnEmptyCommandIsAOneLineError() {
        assertThatThrownBy(() -> CommandLine.split("python3 'agent.py"))
                .hasMessage("external.command has an unclosed ': python3 'agent.py");
        assertThatThrownBy(() -> CommandLine.split("   ")).hasMessage("external.command is empty");
        assertThatThrownBy(() -> CommandLine.split("python3 \\")).hasMessageContaining("lone backslash");
    }
}
