package jp.homebiyori.bench.coldstart.micronaut;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.Map;

/** The Micronaut peer's only endpoint: the same JSON answer as the bare Jersey baseline. */
@Controller("/hello")
public class HelloController {

    @Get(produces = MediaType.APPLICATION_JSON)
    public Map<String, String> hello() {
        return Map.of("status", "ok");
    }
}
