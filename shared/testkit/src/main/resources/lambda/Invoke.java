import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Runs a function's handler the way AWS's Java runtime does — one instance, events one after another —
 * from nothing but the function's package and layers (run with the JDK's source launcher:
 * {@code java -cp <aws-lambda-java-core.jar> Invoke.java <task dir> <opt dir> <handler class> <event files...>}).
 * Like the runtime interface client, it loads the function through a class loader of its own over
 * {@code <task>/}, {@code <task>/lib/*.jar} and {@code <opt>/lib/*.jar} (each sorted by name), child of the
 * system class loader (which holds only the Lambda core types), and makes that loader the thread's context
 * class loader. An event file named {@code *.sqs-empty} sends an empty SQS batch to a {@code RequestHandler}.
 * Prints one line per event: {@code RESPONSE <base64 of the handler's output>}.
 */
public class Invoke {

    public static void main(String[] args) throws Exception {
        ClassLoader customer = new URLClassLoader(urls(args[0], args[1]), ClassLoader.getSystemClassLoader());
        Thread.currentThread().setContextClassLoader(customer);
        Object handler = Class.forName(args[2], true, customer).getDeclaredConstructor().newInstance();
        for (int i = 3; i < args.length; i++) {
            byte[] output;
            if (args[i].endsWith(".sqs-empty")) {
                Class<?> eventType = Class.forName("com.amazonaws.services.lambda.runtime.events.SQSEvent", true, customer);
                Object event = eventType.getDeclaredConstructor().newInstance();
                eventType.getMethod("setRecords", java.util.List.class).invoke(event, java.util.List.of());
                @SuppressWarnings("unchecked")
                Object result = ((RequestHandler<Object, Object>) handler).handleRequest(event, new FixedContext());
                Object failures = result.getClass().getMethod("getBatchItemFailures").invoke(result);
                output = ("{\"batchItemFailures\":" + ((java.util.List<?>) failures).size() + "}").getBytes(StandardCharsets.UTF_8);
            } else {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ((RequestStreamHandler) handler).handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of(args[i]))),
                        out, new FixedContext());
                output = out.toByteArray();
            }
            System.out.println("RESPONSE " + Base64.getEncoder().encodeToString(output));
        }
    }

    private static URL[] urls(String task, String opt) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(new File(task + "/").toURI().toURL());
        jars(new File(task, "lib"), urls);
        jars(new File(opt, "lib"), urls);
        return urls.toArray(URL[]::new);
    }

    private static void jars(File dir, List<URL> urls) throws Exception {
        String[] names = dir.list((d, name) -> name.endsWith(".jar"));
        if (names == null) {
            return;
        }
        Arrays.sort(names);
        for (String name : names) {
            urls.add(new File(dir, name).toURI().toURL());
        }
    }

    static final class FixedContext implements Context {
        public String getAwsRequestId() { return "00000000-0000-4000-8000-000000000001"; }
        public String getLogGroupName() { return "/aws/lambda/test"; }
        public String getLogStreamName() { return "test"; }
        public String getFunctionName() { return "test"; }
        public String getFunctionVersion() { return "$LATEST"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:ap-northeast-1:000000000000:function:test"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 30_000; }
        public int getMemoryLimitInMB() { return 512; }
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                public void log(String message) { System.err.println(message); }
                public void log(byte[] message) { System.err.println(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }
}
