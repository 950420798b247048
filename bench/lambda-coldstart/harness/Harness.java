import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Lambda cold-start and memory benchmark (issues 10 and 11). A source-file program, run with
 * {@code java Harness.java <candidates file> [key=value ...]} by bench/run-coldstart.sh; it only reports.
 *
 * <p>It emulates the Lambda container the same way for every candidate: a local stand-in of the Lambda
 * Runtime API (the endpoints the runtime client calls) and, in a fresh JVM per cold start, AWS's runtime
 * interface client ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda <handler>}, the loop
 * the managed java21 runtime runs). As in Lambda, the JVM's class path holds only the runtime client; the
 * function's files are unpacked into a task root (the working directory: its root and lib/*.jar), which
 * the client's CustomerClassLoader loads. Layers' java/lib jars are added to the same lib/ (Lambda puts
 * them in /opt/java/lib, which the client hard-codes; the loader is the same).
 *
 * <p>Per cold start it measures the wall time from process start to (a) the first
 * {@code GET /invocation/next} (the runtime's init phase: JVM start, handler class initialisation) and
 * (b) the first response posted; then it sends the remaining events one after the other and reads the
 * peak RSS (VmHWM of /proc/&lt;pid&gt;/status). Every response must carry the expected HTTP status.
 *
 * <p>Rounds: {@code jit} (the deployed flags only; -Xshare:auto maps the JDK's default CDS archive),
 * {@code appcds} (a dynamic AppCDS archive written by a training run with -XX:ArchiveClassesAtExit, then
 * -XX:SharedArchiveFile; works on JDK 21, the Lambda runtime's version) and {@code aot} (JDK 25's AOT cache:
 * -XX:AOTCacheOutput in the training run, then -XX:AOTCache; only on a JDK 25 runtime).
 */
public final class Harness {

    private static final String API = "/2018-06-01/runtime";
    private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");

    record Candidate(String name, int memoryMb, String handler, String path, int expectStatus,
                     List<String> packages, Map<String, String> env, List<String> jvm) {
    }

    /** A task root (its root and lib/*.jar) and the function zips whose root content it holds. */
    record Staged(Path task, List<Path> rootArchives) {
    }

    record Run(long initMs, long firstMs, long hwmKb, long rssKb, int badStatus, String error) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java Harness.java <candidates file> [runs=5] [events=1000] [rounds=jit,appcds,aot]"
                    + " [runtime=<dir of runtime client jars>] [work=<dir>] [java=<java binary>] [baseline=<name>]"
                    + " [event=<event template>] [only=<name,...>] [timeout-seconds=120] [log=<dir>]");
            System.exit(2);
        }
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            opt.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int runs = Integer.parseInt(opt.getOrDefault("runs", "5"));
        int events = Integer.parseInt(opt.getOrDefault("events", "1000"));
        List<String> rounds = List.of(opt.getOrDefault("rounds", "jit,appcds,aot").split(","));
        Path runtime = Path.of(opt.getOrDefault("runtime", "bench/lambda-coldstart/runtime/target/lib")).toAbsolutePath();
        Path work = Path.of(opt.getOrDefault("work", "bench/lambda-coldstart/target/work")).toAbsolutePath();
        String java = opt.getOrDefault("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String baseline = opt.getOrDefault("baseline", "bare-jersey");
        String template = Files.readString(Path.of(opt.getOrDefault("event", "bench/lambda-coldstart/events/rest-api-v1.json")));
        long timeoutSeconds = Long.parseLong(opt.getOrDefault("timeout-seconds", "120"));
        List<String> only = opt.containsKey("only") ? List.of(opt.get("only").split(",")) : List.of();
        boolean taskLoader = opt.getOrDefault("loader", "cp").equals("task");

        List<Candidate> candidates = parse(Path.of(args[0]));
        if (!only.isEmpty()) {
            candidates = candidates.stream().filter(c -> only.contains(c.name())).toList();
        }
        Files.createDirectories(work);
        String runtimeCp;
        try (Stream<Path> jars = Files.list(runtime)) {
            runtimeCp = String.join(":", jars.filter(p -> p.toString().endsWith(".jar")).sorted().map(Path::toString).toList());
        }
        if (runtimeCp.isEmpty()) {
            throw new IllegalStateException("no runtime client jars in " + runtime);
        }

        System.out.printf("# Lambda cold start: %d candidates, %d cold starts each per round, %d events per cold start, rounds %s%n",
                candidates.size(), runs, events, rounds);
        System.out.printf("# JVM under test: %s (%s); function classes: %s%n", java, javaVersion(java),
                taskLoader ? "runtime client's CustomerClassLoader (task root)" : "JVM class path");
        System.out.printf("# machine: nproc=%d, %s; load before: %s; %s%n",
                Runtime.getRuntime().availableProcessors(), memTotal(), load(), Instant.now());

        // every candidate staged first; then per round, run i of every candidate before run i + 1 of any, so that
        // all candidates see the same changes of machine load
        Map<String, Staged> staged = new LinkedHashMap<>();
        Map<String, String> classPath = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            Staged s = stage(c, work.resolve(c.name()));
            staged.put(c.name(), s);
            // loader=cp: the function's files on the JVM's class path (java -cp <runtime client>:<function>);
            // loader=task: only the runtime client there, the function loaded by the client's CustomerClassLoader
            classPath.put(c.name(), taskLoader ? runtimeCp : runtimeCp + ":" + functionClassPath(s));
        }
        Map<String, Map<String, List<Run>>> results = new LinkedHashMap<>();
        for (String round : rounds) {
            Map<String, List<String>> extra = new LinkedHashMap<>();
            for (Candidate c : candidates) {
                if (round.equals("jit")) {
                    extra.put(c.name(), List.of());
                    continue;
                }
                Path archive = work.resolve(c.name() + (round.equals("aot") ? ".aot" : ".jsa"));
                Files.deleteIfExists(archive);
                List<String> train = round.equals("aot")
                        ? List.of("-XX:AOTCacheOutput=" + archive)
                        : List.of("-XX:ArchiveClassesAtExit=" + archive);
                Run t = coldStart(java, runtimeCp, classPath.get(c.name()), c, staged.get(c.name()).task(), template.replace("{{path}}", c.path()),
                        events, train, timeoutSeconds, work.resolve(c.name() + "-" + round + "-training.log"));
                if (t.error() != null || !Files.exists(archive)) {
                    System.out.printf("# %s %s: training run failed (%s), archive %s%n", c.name(), round, t.error(),
                            Files.exists(archive) ? "written" : "missing");
                    continue;
                }
                System.out.printf("# %s %s: archive %s, %.1f MB%n", c.name(), round, archive.getFileName(), Files.size(archive) / 1048576.0);
                extra.put(c.name(), List.of(round.equals("aot") ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive));
            }
            for (int i = 0; i < runs; i++) {
                for (Candidate c : candidates) {
                    if (!extra.containsKey(c.name())) {
                        continue;
                    }
                    Run r = coldStart(java, runtimeCp, classPath.get(c.name()), c, staged.get(c.name()).task(),
                            template.replace("{{path}}", c.path()), events, extra.get(c.name()), timeoutSeconds,
                            work.resolve(c.name() + "-" + round + ".log"));
                    results.computeIfAbsent(c.name(), k -> new LinkedHashMap<>()).computeIfAbsent(round, k -> new ArrayList<>()).add(r);
                    System.out.printf("# %-22s %-6s run %d: init %5d ms, first response %5d ms, VmHWM %6.1f MB, VmRSS %6.1f MB%s%n",
                            c.name(), round, i + 1, r.initMs(), r.firstMs(), r.hwmKb() / 1024.0, r.rssKb() / 1024.0,
                            r.error() == null ? (r.badStatus() > 0 ? ", " + r.badStatus() + " unexpected statuses" : "")
                                    : ", FAILED: " + r.error());
                }
            }
        }
        System.out.printf("# load after: %s; %s%n%n", load(), Instant.now());
        report(candidates, rounds, results, baseline);
    }

    /** The candidates file: blocks starting with {@code candidate <name>}, then indented {@code key value} lines. */
    static List<Candidate> parse(Path file) throws IOException {
        List<Candidate> out = new ArrayList<>();
        Map<String, List<String>> cur = null;
        String name = null;
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split("\\s+", 2);
            if (kv[0].equals("candidate")) {
                if (cur != null) {
                    out.add(candidate(name, cur));
                }
                name = kv[1];
                cur = new LinkedHashMap<>();
            } else if (cur != null) {
                cur.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv.length > 1 ? kv[1] : "");
            }
        }
        if (cur != null) {
            out.add(candidate(name, cur));
        }
        return out;
    }

    private static Candidate candidate(String name, Map<String, List<String>> m) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String e : m.getOrDefault("env", List.of())) {
            String[] kv = e.split("=", 2);
            env.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return new Candidate(name, Integer.parseInt(m.get("memory").getFirst()), m.get("handler").getFirst(),
                m.getOrDefault("path", List.of("/hello")).getFirst(),
                Integer.parseInt(m.getOrDefault("expect-status", List.of("200")).getFirst()),
                m.getOrDefault("package", List.of()), env, m.getOrDefault("jvm", List.of()));
    }

    /**
     * Lays the candidate's package out as a Lambda task root: a function zip is unpacked as it is (root and
     * lib/), a layer zip's java/lib jars and plain jars (or a directory's jars) go to lib/.
     */
    static Staged stage(Candidate c, Path dir) throws IOException {
        List<Path> rootArchives = new ArrayList<>();
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path lib = Files.createDirectories(dir.resolve("task/lib"));
        for (String entry : c.packages()) {
            Path p = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(p)) {
                try (Stream<Path> jars = Files.list(p)) {
                    for (Path j : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                        Files.createSymbolicLink(lib.resolve(j.getFileName()), j);
                    }
                }
            } else if (p.toString().endsWith(".jar")) {
                Files.createSymbolicLink(lib.resolve(p.getFileName()), p);
            } else if (p.toString().endsWith(".zip")) {
                Path tmp = Files.createDirectories(dir.resolve("unzipped/" + p.getFileName()));
                unzip(p, tmp);
                if (Files.isDirectory(tmp.resolve("java/lib"))) {
                    try (Stream<Path> jars = Files.list(tmp.resolve("java/lib"))) {
                        for (Path j : jars.toList()) {
                            Files.move(j, lib.resolve(j.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                } else {
                    copyTree(tmp, dir.resolve("task"));
                    rootArchives.add(p);
                }
            } else {
                throw new IllegalArgumentException(c.name() + ": package entry is neither a directory, a jar nor a zip: " + p);
            }
        }
        return new Staged(dir.resolve("task"), rootArchives);
    }

    /**
     * The task root and its lib/*.jar in the order the runtime client's CustomerClassLoader uses; the root
     * as the function zip itself (a class-data archive accepts no non-empty directory on the class path).
     */
    static String functionClassPath(Staged staged) throws IOException {
        Path task = staged.task();
        List<String> entries = new ArrayList<>();
        staged.rootArchives().forEach(z -> entries.add(z.toString()));
        try (Stream<Path> jars = Files.list(task.resolve("lib"))) {
            jars.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted()
                    .forEach(n -> entries.add(task.resolve("lib").resolve(n).toString()));
        }
        return String.join(":", entries);
    }

    private static void unzip(Path zip, Path to) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = to.resolve(e.getName()).normalize();
                if (!target.startsWith(to)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.move(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * The JVM flags of the managed java21 runtime for a memory size, as far as they are known (see
     * docs/benchmarks.md): heap 85 % of the memory size, serial GC, C1 only, default CDS archive.
     */
    static List<String> deployedFlags(int memoryMb) {
        long heapKb = memoryMb * 1024L * 85 / 100;
        return List.of("-XX:MaxHeapSize=" + heapKb + "k", "-XX:+UseSerialGC", "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.net.preferIPv4Stack=true");
    }

    /** One cold start in a fresh JVM, then {@code events - 1} warm events, then the peak RSS. */
    static Run coldStart(String java, String runtimeCp, String cp, Candidate c, Path task, String event, int events,
                         List<String> extraJvm, long timeoutSeconds, Path log) throws Exception {
        RuntimeApi api = new RuntimeApi(c.name());
        api.start();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        // JDK 25 refuses -XX:AOTCacheOutput beside any -Xshare option; the AOT cache takes -Xshare:auto's place
        boolean aot = extraJvm.stream().anyMatch(o -> o.startsWith("-XX:AOTCache"));
        deployedFlags(c.memoryMb()).stream().filter(f -> !(aot && f.startsWith("-Xshare"))).forEach(cmd::add);
        cmd.addAll(c.jvm());
        cmd.addAll(extraJvm);
        cmd.addAll(List.of("-cp", cp, "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", c.handler()));
        // the runtime client's task root is the working directory: the staged one for loader=task, an empty one
        // for loader=cp (else the client's CustomerClassLoader would find every jar a second time)
        Path cwd = cp.equals(runtimeCp) ? task : Files.createDirectories(task.resolveSibling("empty-task-root"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = pb.environment();
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port());
        env.put("AWS_LAMBDA_FUNCTION_NAME", c.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(c.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + c.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "bench/" + UUID.randomUUID());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_REGION", "ap-northeast-1");
        env.put("AWS_DEFAULT_REGION", "ap-northeast-1");
        env.put("_HANDLER", c.handler());
        env.put("LAMBDA_TASK_ROOT", task.toString());
        // credentials as Lambda provides them; nothing here calls AWS
        env.put("AWS_ACCESS_KEY_ID", "AKIDBENCHMARK");
        env.put("AWS_SECRET_ACCESS_KEY", "benchmark-secret");
        env.put("AWS_SESSION_TOKEN", "benchmark-token");
        env.putAll(c.env());
        Files.writeString(log, "\n### " + Instant.now() + " " + String.join(" ", cmd) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);

        long t0 = System.nanoTime();
        Process process = pb.start();
        try {
            int bad = 0;
            for (int i = 0; i < events; i++) {
                String body = api.invoke(event, process, timeoutSeconds);
                Matcher m = STATUS.matcher(body);
                if (!m.find() || Integer.parseInt(m.group(1)) != c.expectStatus()) {
                    bad++;
                    if (bad == 1) {
                        Files.writeString(log, "### unexpected response: " + body + "\n", StandardCharsets.UTF_8,
                                StandardOpenOption.APPEND);
                    }
                }
            }
            long[] mem = memory(process.pid());
            return new Run(ms(api.firstNextNanos - t0), ms(api.firstResponseNanos - t0), mem[0], mem[1], bad, null);
        } catch (RuntimeFailure | TimeoutException e) {
            return new Run(api.firstNextNanos == 0 ? -1 : ms(api.firstNextNanos - t0),
                    api.firstResponseNanos == 0 ? -1 : ms(api.firstResponseNanos - t0), 0, 0, 0, e.getMessage());
        } finally {
            process.destroy(); // SIGTERM: the JVM exits normally and writes a requested archive
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            api.stop();
        }
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** VmHWM and VmRSS of a process, in kB. */
    static long[] memory(long pid) throws IOException {
        long hwm = 0;
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                hwm = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new long[]{hwm, rss};
    }

    /** A failure the runtime reported (init error, invocation error) or the process died. */
    static final class RuntimeFailure extends Exception {
        RuntimeFailure(String message) {
            super(message);
        }
    }

    /**
     * The Lambda Runtime API stand-in for one execution environment: hands out one event at a time on
     * {@code GET /invocation/next} (long poll, as Lambda does) and collects the response or error.
     */
    static final class RuntimeApi {
        private final String function;
        private final BlockingQueue<String[]> next = new LinkedBlockingQueue<>();
        private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
        private volatile CompletableFuture<String> initError = new CompletableFuture<>();
        private HttpServer server;
        volatile long firstNextNanos;
        volatile long firstResponseNanos;

        RuntimeApi(String function) {
            this.function = function;
        }

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "runtime-api");
                t.setDaemon(true);
                return t;
            }));
            server.createContext(API + "/", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }

        /** Sends one event and waits for its response body. */
        String invoke(String event, Process process, long timeoutSeconds) throws Exception {
            String id = UUID.randomUUID().toString();
            CompletableFuture<String> done = new CompletableFuture<>();
            pending.put(id, done);
            next.put(new String[]{id, event});
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (true) {
                try {
                    return done.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (initError.isDone()) {
                        throw new RuntimeFailure("init error: " + initError.get());
                    }
                    if (!process.isAlive()) {
                        throw new RuntimeFailure("process exited with " + process.exitValue());
                    }
                    if (System.nanoTime() > deadline) {
                        throw new TimeoutException("no response within " + timeoutSeconds + " s");
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new RuntimeFailure(e.getCause().getMessage());
                }
            }
        }

        private void handle(HttpExchange ex) throws IOException {
            long now = System.nanoTime();
            String path = ex.getRequestURI().getPath().substring(API.length());
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            String method = ex.getRequestMethod();
            try {
                if (method.equals("GET") && path.equals("/invocation/next")) {
                    if (firstNextNanos == 0) {
                        firstNextNanos = now;
                    }
                    String[] item = next.take();
                    ex.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", item[0]);
                    ex.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
                    ex.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                            "arn:aws:lambda:ap-northeast-1:123456789012:function:" + function);
                    ex.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                            "Root=1-67e1c2d3-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=0");
                    ex.getResponseHeaders().add("Content-Type", "application/json");
                    send(ex, 200, item[1]);
                } else if (method.equals("POST") && path.startsWith("/invocation/") && path.endsWith("/response")) {
                    if (firstResponseNanos == 0) {
                        firstResponseNanos = now;
                    }
                    String id = path.substring("/invocation/".length(), path.length() - "/response".length());
                    send(ex, 202, "{\"status\":\"OK\"}");
                    complete(id, new String(body, StandardCharsets.UTF_8), false);
                } else if (method.equals("POST") && path.startsWith("/invocation/") && path.endsWith("/error")) {
                    String id = path.substring("/invocation/".length(), path.length() - "/error".length());
                    send(ex, 202, "{\"status\":\"OK\"}");
                    complete(id, "invocation error " + ex.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type")
                            + ": " + new String(body, StandardCharsets.UTF_8), true);
                } else if (method.equals("POST") && path.equals("/init/error")) {
                    send(ex, 202, "{\"status\":\"OK\"}");
                    initError.complete(new String(body, StandardCharsets.UTF_8));
                } else {
                    send(ex, 404, "{\"errorMessage\":\"unknown path " + path + "\"}");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.close();
            }
        }

        private void complete(String id, String body, boolean error) {
            CompletableFuture<String> f = pending.remove(id);
            if (f == null) {
                return;
            }
            if (error) {
                f.completeExceptionally(new RuntimeException(body.length() > 500 ? body.substring(0, 500) : body));
            } else {
                f.complete(body);
            }
        }

        private static void send(HttpExchange ex, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    // --- report -------------------------------------------------------------------------------------------

    static void report(List<Candidate> candidates, List<String> rounds, Map<String, Map<String, List<Run>>> results,
                       String baseline) {
        System.out.println("| candidate | memory | round | cold start ms, median (min–max) | init ms (to first /next) | first event ms | vs baseline (median) | peak RSS MB after N events, median (min–max) | RSS / memory | failed runs |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (String round : rounds) {
            List<Run> base = ok(results.getOrDefault(baseline, Map.of()).getOrDefault(round, List.of()));
            long baseMedian = base.isEmpty() ? 0 : median(base.stream().mapToLong(Run::firstMs).toArray());
            for (Candidate c : candidates) {
                List<Run> all = results.getOrDefault(c.name(), Map.of()).getOrDefault(round, List.of());
                List<Run> good = ok(all);
                int failed = all.size() - good.size();
                if (good.isEmpty()) {
                    System.out.printf("| %s | %d MB | %s | – | – | – | – | – | – | %d of %d |%n", c.name(), c.memoryMb(), round,
                            failed, all.size());
                    continue;
                }
                long[] first = good.stream().mapToLong(Run::firstMs).toArray();
                long[] init = good.stream().mapToLong(Run::initMs).toArray();
                long[] invoke = good.stream().mapToLong(r -> r.firstMs() - r.initMs()).toArray();
                long[] hwm = good.stream().mapToLong(Run::hwmKb).toArray();
                long med = median(first);
                String ratio = baseMedian == 0 ? "–" : c.name().equals(baseline) ? "1.00× (baseline)"
                        : String.format(Locale.ROOT, "%.2f×", (double) med / baseMedian);
                System.out.printf(Locale.ROOT, "| %s | %d MB | %s | %d (%d–%d) | %d | %d | %s | %.1f (%.1f–%.1f) | %.0f %% | %d of %d |%n",
                        c.name(), c.memoryMb(), round, med, min(first), max(first), median(init), median(invoke), ratio,
                        median(hwm) / 1024.0, min(hwm) / 1024.0, max(hwm) / 1024.0,
                        100.0 * median(hwm) / 1024.0 / c.memoryMb(), failed, all.size());
            }
        }
    }

    private static List<Run> ok(List<Run> runs) {
        return runs.stream().filter(r -> r.error() == null && r.badStatus() == 0).toList();
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long min(long[] v) {
        return java.util.Arrays.stream(v).min().orElse(0);
    }

    private static long max(long[] v) {
        return java.util.Arrays.stream(v).max().orElse(0);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String memTotal() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).getFirst().replaceAll("\\s+", " ");
    }

    private static String javaVersion(String java) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.lines().skip(1).findFirst().orElse(out).strip();
    }
}
