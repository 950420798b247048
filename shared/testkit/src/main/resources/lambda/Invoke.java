import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Runs a function's handler the way the Lambda runtime does — one instance, events one after another —
 * from nothing but the function's package and layers on the class path (run with the JDK's source
 * launcher: {@code java -cp <layers+package> Invoke.java <handler class> <event files...>}). An event file
 * named {@code *.sqs-empty} sends an empty SQS batch to a {@code RequestHandler}. Prints one line per event:
 * {@code RESPONSE <base64 of the handler's output>}.
 */
public class Invoke {

    public static void main(String[] args) throws Exception {
        Object handler = Class.forName(args[0]).getDeclaredConstructor().newInstance();
        for (int i = 1; i < args.length; i++) {
            byte[] output;
            if (args[i].endsWith(".sqs-empty")) {
                Class<?> eventType = Class.forName("com.amazonaws.services.lambda.runtime.events.SQSEvent");
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
