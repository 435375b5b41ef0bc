package org.mercato.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostTest {
    @Test
    void namesTheFirstModelOfCpuinfo() {
        List<String> cpuinfo = List.of(
                "processor\t: 0",
                "vendor_id\t: AuthenticAMD",
                "model\t\t: 17",
                "model name\t: AMD EPYC   9R14 96-Core Processor",
                "processor\t: 1",
                "model name\t: Something Else");

        assertThat(Host.cpuModel(cpuinfo, "amd64")).isEqualTo("AMD EPYC 9R14 96-Core Processor");
    }

    @Test
    void fallsBackWithoutAModelName() {
        assertThat(Host.cpuModel(List.of("processor\t: 0", "model\t\t: 17", "model name\t:   "), "aarch64"))
                .isEqualTo("aarch64");
        assertThat(Host.cpuModel(List.of(), "aarch64")).isEqualTo("aarch64");
    }

    @Test
    void thisHostHasACpuAndAJava() {
        Host host = Host.current();

        assertThat(host.cpu()).isNotBlank();
        assertThat(host.java()).isEqualTo(System.getProperty("java.version"));
        assertThat(host.toString()).startsWith(host.cpu()).endsWith("Java " + host.java());
    }
}
