package dev.cofferdam.app.e2e;

import dev.cofferdam.engine.testing.TestRepo;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A two-module Maven project in a real git repository: core (Api, Impl implements Api, Util,
 * ApiTest) and app (App uses Api many times, Light calls Util once, AppTest tests App), with a
 * CODEOWNERS file and commits by three authors. api.properties changes with Api in two commits.
 */
final class AcmeRepo {
    static final String API = "core/src/main/java/com/acme/core/Api.java";
    static final String IMPL = "core/src/main/java/com/acme/core/Impl.java";
    static final String UTIL = "core/src/main/java/com/acme/core/Util.java";
    static final String API_TEST = "core/src/test/java/com/acme/core/ApiTest.java";
    static final String APP = "app/src/main/java/com/acme/app/App.java";
    static final String LIGHT = "app/src/main/java/com/acme/app/Light.java";
    static final String APP_TEST = "app/src/test/java/com/acme/app/AppTest.java";
    static final String PROPS = "core/src/main/resources/api.properties";

    private AcmeRepo() {
    }

    static TestRepo create(Path dir) {
        TestRepo repo = TestRepo.init(dir);
        repo.at(Instant.parse("2026-06-01T10:00:00Z")).as("Ann", "ann@acme.test")
                .write("pom.xml", pom("acme-parent", "pom", "<modules><module>core</module><module>app</module></modules>"))
                .write("core/pom.xml", pom("acme-core", "jar", ""))
                .write("app/pom.xml", pom("acme-app", "jar", ""))
                .write(".github/CODEOWNERS", "* @acme/all\n/core/ @acme/core\n/app/ @acme/app\n")
                .write(API, """
                        package com.acme.core;

                        public interface Api {
                            int value();
                        }
                        """)
                .write(IMPL, """
                        package com.acme.core;

                        public class Impl implements Api {
                            @Override
                            public int value() {
                                return Util.twice(21);
                            }
                        }
                        """)
                .write(UTIL, """
                        package com.acme.core;

                        public final class Util {
                            public static int twice(int x) {
                                return 2 * x;
                            }
                        }
                        """)
                .write(API_TEST, """
                        package com.acme.core;

                        class ApiTest {
                            Api api = new Impl();
                        }
                        """)
                .write(PROPS, "api.version=1\n")
                .commit("core");
        repo.as("Bob", "bob@acme.test")
                .write(APP, """
                        package com.acme.app;

                        import com.acme.core.Api;

                        public class App {
                            private final Api a;
                            private final Api b;
                            private final Api c;

                            App(Api a, Api b, Api c) {
                                this.a = a;
                                this.b = b;
                                this.c = c;
                            }

                            Api first(Api x) {
                                Api y = x;
                                return y;
                            }

                            int sum() {
                                return a.value() + b.value() + c.value();
                            }
                        }
                        """)
                .write(LIGHT, """
                        package com.acme.app;

                        import com.acme.core.Util;

                        public class Light {
                            int four() {
                                return Util.twice(2);
                            }
                        }
                        """)
                .write(APP_TEST, """
                        package com.acme.app;

                        class AppTest {
                            App app;
                        }
                        """)
                .commit("app");
        repo.git("tag", "v1");
        repo.as("Carol", "carol@acme.test")
                .write(API, """
                        package com.acme.core;

                        public interface Api {
                            int value();

                            default int version() {
                                return 2;
                            }
                        }
                        """)
                .write(PROPS, "api.version=2\n")
                .commit("api version 2");
        return repo;
    }

    private static String pom(String artifact, String packaging, String extra) {
        return "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>" + artifact
                + "</artifactId><version>1</version><packaging>" + packaging + "</packaging>" + extra + "</project>\n";
    }
}
