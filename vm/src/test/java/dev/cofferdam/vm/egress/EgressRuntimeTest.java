package dev.cofferdam.vm.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.vm.policy.CofferdamDirs;
import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.RuleAction;
import dev.cofferdam.vm.policy.RuleParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EgressRuntimeTest {
    @TempDir
    Path dir;

    @Test
    void wiresPolicyLogAndCaFromTheUserDirectories() throws Exception {
        CofferdamDirs dirs = new CofferdamDirs(dir.resolve("config"), dir.resolve("data"));
        try (TestUpstream http = new TestUpstream()) {
            new PolicyStore(dirs.config()).write("box", PolicyDocument.EMPTY
                    .with(RuleParser.parse(RuleAction.ALLOW, "127.0.0.1:" + http.port())));
            try (EgressRuntime rt = EgressRuntime.open(dirs, Resolver.none());
                 ProxyListener l = rt.start("box")) {
                try (RawHttp c = new RawHttp(l.port())) {
                    assertThat(c.send("GET http://evil.example/ HTTP/1.1\r\nHost: evil.example\r\n\r\n").read()
                            .status()).isEqualTo(403);
                    assertThat(c.send("GET http://127.0.0.1:" + http.port() + "/ok HTTP/1.1\r\nHost: x\r\n\r\n")
                            .read().status()).isEqualTo(200);
                }
                assertThat(rt.log().query(EgressQuery.sandbox("box"))).extracting(EgressRecord::decision)
                        .containsExactly("deny", "allow");
                assertThat(rt.ca().certificate().getBasicConstraints()).isZero();
            }
        }
        assertThat(Files.exists(dirs.data().resolve("egress.db"))).isTrue();
        assertThat(Files.exists(dirs.config().resolve("ca/ca.pem"))).isTrue();
    }
}
